package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import ipc.grader.feedback.GradingFailure;
import ipc.grader.time.Deadline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;

/**
 * The grader's UDP socket, in either role: a server on a leased port for a student client to send
 * to ({@link #server}), or a client on a port of the kernel's choosing ({@link #client}). Every
 * receive takes a deadline and gives up at once when the program it waits on has exited; every
 * failure quotes the datagrams exchanged so far.
 */
public final class DatagramPeer implements ServerEndpoint, AutoCloseable {

    private static final long LIVENESS_CHECK_MILLIS = 10;
    private static final int LARGEST = 65_507;

    private final DatagramChannel channel;
    private final Selector selector;
    private final PortLease lease;
    private final String label;
    private final Transcript transcript;

    private DatagramPeer(DatagramChannel channel, Selector selector, PortLease lease, String peer, String label) {
        this.channel = channel;
        this.selector = selector;
        this.lease = lease;
        this.label = label;
        this.transcript = new Transcript(peer);
    }

    /**
     * A UDP socket on a leased loopback port, for the student client {@code peer} to send to. Bound
     * through {@link LeasedBind}, which tries another port when another grader holds this one.
     */
    public static DatagramPeer server(String peer) {
        LeasedBind<Opened> bound = LeasedBind.udp("the grader's UDP server",
                port -> Opened.on(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        return new DatagramPeer(bound.bound().channel(), bound.bound().selector(), bound.lease(), peer,
                "the grader's UDP server on 127.0.0.1:" + bound.lease().port());
    }

    /** A UDP socket on a port the kernel picks, for talking to the student server {@code peer}. */
    public static DatagramPeer client(String peer, String label) {
        InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        try {
            Opened opened = Opened.on(anyPort);
            return new DatagramPeer(opened.channel(), opened.selector(), null, peer, label);
        } catch (IOException e) {
            throw new IllegalStateException("the grader could not open a UDP socket on " + anyPort + ": " + e.getMessage(), e);
        }
    }

    /** A bound, non-blocking channel and the selector that waits on it. */
    private record Opened(DatagramChannel channel, Selector selector) {

        /** Binds on {@code address}; closes what it opened before it throws. */
        static Opened on(InetSocketAddress address) throws IOException {
            DatagramChannel channel = DatagramChannel.open();
            Selector selector = null;
            try {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
                channel.bind(address);
                channel.configureBlocking(false);
                selector = Selector.open();
                channel.register(selector, SelectionKey.OP_READ);
                return new Opened(channel, selector);
            } catch (IOException | RuntimeException e) {
                channel.close();
                if (selector != null) {
                    selector.close();
                }
                throw e;
            }
        }
    }

    @Override
    public int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code text} as one datagram to {@code 127.0.0.1:port}. */
    public void send(String text, int port) {
        sendTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), Bytes.utf8(text));
    }

    /** Answers {@code datagram} with {@code text}, sent to the address it came from. */
    public void reply(Datagram datagram, String text) {
        sendTo(datagram.sender(), Bytes.utf8(text));
    }

    private void sendTo(SocketAddress to, byte[] data) {
        transcript.sent(data, "(one datagram, to port " + ((InetSocketAddress) to).getPort() + ")");
        try {
            channel.send(ByteBuffer.wrap(data), to);
        } catch (IOException e) {
            throw new AssertionError("the grader could not send a datagram to " + to + ": " + e.getMessage(), e);
        }
    }

    /**
     * Expects the next datagram to hold exactly {@code expected} within {@code deadline}; fails early if
     * {@code sender} exits first.
     */
    public Datagram expectDatagram(String expected, PeerProgram sender, Deadline deadline) {
        Datagram datagram = receive(sender, deadline);
        if (datagram == null) {
            throw sender.isAlive() ? failure("expected the datagram " + Bytes.show(Bytes.utf8(expected)) + " from "
                    + sender.displayName() + " but nothing came within " + deadline.describe())
                    : failure(sender.exitedEarly("without sending the datagram " + Bytes.show(Bytes.utf8(expected))
                            + " the grader expected"));
        }
        if (!Arrays.equals(datagram.payload(), Bytes.utf8(expected))) {
            throw failure("expected the datagram " + Bytes.show(Bytes.utf8(expected)) + " but got "
                    + Bytes.show(datagram.payload()));
        }
        return datagram;
    }

    /**
     * The next datagram, or null when none came by {@code deadline} or {@code sender} exited without
     * sending one. A datagram sent just before the program exited still counts.
     */
    public Datagram receive(PeerProgram sender, Deadline deadline) {
        ByteBuffer buffer = ByteBuffer.allocate(LARGEST);
        try {
            while (true) {
                SocketAddress from = channel.receive(buffer);
                if (from != null) {
                    byte[] payload = Arrays.copyOf(buffer.array(), buffer.position());
                    transcript.receivedDatagram(payload, "(one datagram, from port " + ((InetSocketAddress) from).getPort() + ")");
                    return new Datagram((InetSocketAddress) from, payload);
                }
                if (deadline.hasExpired() || sender != null && !sender.isAlive() && !pending()) {
                    return null;
                }
                selector.select(Math.min(LIVENESS_CHECK_MILLIS, deadline.remainingMillis()));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the grader's UDP socket failed: " + e.getMessage(), e);
        }
    }

    private boolean pending() throws IOException {
        selector.selectNow();
        boolean ready = !selector.selectedKeys().isEmpty();
        selector.selectedKeys().clear();
        return ready;
    }

    /** A failure that quotes the datagrams so far. */
    public AssertionError failure(String reason) {
        return new AssertionError(reason + "\n" + datagrams());
    }

    /** {@code reason}, of its kind, followed by the datagrams so far. */
    public GradingFailure failure(GradingFailure reason) {
        return reason.withDetails(datagrams());
    }

    private String datagrams() {
        return "The datagrams on " + label + ":\n" + transcript.render();
    }

    @Override
    public void close() {
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        } finally {
            if (lease != null) {
                lease.close();
            }
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
