package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import ipc.grader.time.Deadline;
import ipc.grader.time.Durations;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * One TCP connection between the grader and a student program, whichever side connected. Every
 * call that waits takes a deadline, so a silent or stuck program costs a bounded time; every
 * {@code expect...} call fails with the conversation so far, what was expected and what came back.
 *
 * <p>Built on a non-blocking channel, because a blocking socket cannot bound a write: a program
 * that stops reading would otherwise hang the grader in {@code write}.
 */
public final class TcpConnection extends ReceivingSide implements AutoCloseable {

    private final SocketChannel channel;
    private final Readiness readiness;
    private final Outbox outbox;

    private TcpConnection(SocketChannel channel, String peer, String label, Transcript transcript, Readiness readiness) {
        super(peer, label, transcript, new Inbox(channel, readiness, transcript, peer));
        this.channel = channel;
        this.readiness = readiness;
        this.outbox = new Outbox(channel, readiness);
    }

    private TcpConnection(SocketChannel channel, String peer, String label) {
        this(channel, peer, label, new Transcript(peer), new Readiness(channel));
    }

    /**
     * Connects to {@code 127.0.0.1:port}. {@code peer} names the program for messages
     * ("EchoServer"), {@code label} the connection ("connection 2 to EchoServer").
     */
    public static TcpConnection connect(int port, String peer, String label, Deadline deadline) {
        return connect(port, peer, label, 0, deadline);
    }

    /**
     * As {@link #connect(int, String, String, Deadline)}, with a receive buffer of {@code receiveBuffer}
     * bytes (0: the system's, which grows as needed). A small one makes a grader that reads nothing fill
     * up soon, whatever the system's buffers, so that the peer's writes to it take only part of what
     * they are given.
     */
    public static TcpConnection connect(int port, String peer, String label, int receiveBuffer, Deadline deadline) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            if (receiveBuffer > 0) {
                channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer); // before connecting: it sets the window
            }
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            TcpConnection connection = new TcpConnection(channel, peer, label);
            if (!channel.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                connection.finishConnect("127.0.0.1:" + port, deadline);
            }
            return connection;
        } catch (IOException e) {
            Closing.quietly(channel);
            throw new AssertionError("The grader could not connect to " + peer + " on 127.0.0.1:" + port + ": "
                    + e.getMessage() + " (the kernel shows " + KernelSockets.describe(port) + ").\n"
                    + "Hint: is the server still running, and listening on the port it was given?", e);
        }
    }

    /**
     * Connects to the Unix domain socket at {@code socketFile}: a connection like a TCP one, whose
     * messages name the path where a TCP one names the port. A refused connection is tried again
     * until the deadline: a server's socket file appears at its bind, a moment before it listens.
     */
    public static TcpConnection connect(Path socketFile, String peer, String label, Deadline deadline) {
        return UnixSocketDial.connect(socketFile, peer, label, deadline);
    }

    /** Wraps a connected channel (a Unix domain socket's). */
    static TcpConnection over(SocketChannel channel, String peer, String label) {
        return new TcpConnection(channel, peer, label);
    }

    /** Wraps a connection the grader accepted from a student client. */
    static TcpConnection accepted(SocketChannel channel, String peer, String label) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        return new TcpConnection(channel, peer, label);
    }

    private void finishConnect(String where, Deadline deadline) throws IOException {
        while (!channel.finishConnect()) {
            if (deadline.hasExpired()) {
                throw new AssertionError(peer + " did not accept a connection on " + where + " within "
                        + deadline.describe() + ".\nHint: a server that is busy with one client cannot accept() "
                        + "another unless each client gets its own thread.");
            }
            readiness.await(SelectionKey.OP_CONNECT, deadline);
        }
    }

    /**
     * Declares that the peer is reached through {@code proxy}, which paces what the grader sends:
     * reply deadlines then start once the proxy has passed everything on (see {@link PacedDelivery}).
     */
    public TcpConnection pacedBy(PacedDelivery proxy) {
        outbox.pacedBy(proxy);
        return this;
    }

    /**
     * From now on the expectations and reads of this connection skip every whole line (without its
     * end) that {@code lines} accepts, wherever it comes: for the chat's notices about the grader's
     * own helper clients, which may arrive at any moment. The transcript still shows them.
     */
    public TcpConnection ignoringLines(Predicate<String> lines) {
        inbox.ignore(lines);
        return this;
    }

    public int localPort() {
        return channel.socket().getLocalPort();
    }

    public int remotePort() {
        return channel.socket().getPort();
    }

    // ---- sending ---------------------------------------------------------------------------

    /** Sends {@code data} whole. For payloads of more than ~64 KiB to an echo, use {@link #exchange}. */
    public TcpConnection send(byte[] data) {
        transcript.sent(data, null);
        writeFully(data, Deadline.in(Waits.REPLY));
        outbox.awaitDelivered();
        return this;
    }

    /** Sends {@code text} encoded as UTF-8. */
    public TcpConnection send(String text) {
        return send(Bytes.utf8(text));
    }

    /**
     * Sends {@code piece} and waits until the peer has read it, so the next piece cannot arrive in
     * the same read: a program that treats one read as one message fails every time. On systems
     * where the kernel does not tell (not Linux), it pauses instead.
     */
    public TcpConnection sendPiece(byte[] piece) {
        transcript.sent(piece, "(one piece of a message)");
        writeFully(piece, Deadline.in(Waits.REPLY));
        outbox.awaitDelivered();
        boolean read = PeerProgress.awaitRead(this, Deadline.in(Waits.CONSUME));
        transcript.note(read ? "grader waited until " + peer + " had read that piece"
                : peer + " had not read that piece " + Durations.describe(Waits.CONSUME) + " later");
        return this;
    }

    /** Sends {@code data} cut before each index of {@code cuts}; every piece but the last with {@link #sendPiece}. */
    public TcpConnection sendInPieces(byte[] data, int... cuts) {
        int from = 0;
        for (int cut : cuts) {
            sendPiece(Arrays.copyOfRange(data, from, cut));
            from = cut;
        }
        return send(Arrays.copyOfRange(data, from, data.length));
    }

    /** Closes the grader's sending side (the peer reads end of stream) and keeps reading. */
    public TcpConnection shutdownOutput() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            throw new AssertionError("could not half-close " + label + ": " + e.getMessage(), e);
        }
        transcript.note("grader closed its sending side (" + peer + " should now read end of stream)");
        return this;
    }

    /** Aborts the connection with a reset (SO_LINGER 0), as a crashed or killed client would. */
    public void reset() {
        try {
            readiness.close();
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        transcript.note("grader reset the connection (RST), like a client that crashed");
    }

    /**
     * Leaves the way a polite client does, and never fails: ends the grader's sending side, drops
     * what still comes until the peer closes (or the deadline passes), then closes, so that no reset
     * goes out. For the grader's helper clients, whose leaving no check judges. Returns whether the
     * peer closed in time.
     */
    public boolean leave(Deadline deadline) {
        boolean closed = false;
        try {
            channel.shutdownOutput();
            closed = drainUntilEndOfStream(deadline);
        } catch (IOException e) {
            // gone already: nothing to leave
        }
        close();
        return closed;
    }

    /**
     * Sends {@code data} while reading the echo of it at the same time, and expects the echo to
     * equal {@code data}. Writing and reading together matter: an echo of a large payload fills the
     * grader's receive buffer, and a client that only writes would deadlock with a correct server.
     */
    public void exchange(byte[] data, Deadline deadline) {
        exchange(data, 0, deadline);
    }

    /**
     * As {@link #exchange(byte[], Deadline)}, but the last {@code tail} bytes go out only once the peer
     * has read everything before them, so they reach it in a read of their own. How a payload is cut
     * into reads otherwise depends on timing: a server that buffers its writes and flushes only
     * when a buffer fills would pass whenever the last read happened to fill it (on a loaded
     * machine, often). With a short read last, it keeps those bytes every time.
     */
    public void exchange(byte[] data, int tail, Deadline deadline) {
        transcript.sent(data, tail == 0 ? null : "(the last " + tail + " bytes once " + peer + " had read all before them)");
        Exchange.Outcome outcome = new Exchange(readiness, inbox, outbox, localPort(), remotePort()).run(data, tail, deadline);
        expectExchanged(data, outcome);
    }

    private void expectExchanged(byte[] data, Exchange.Outcome outcome) {
        failIfDiverged(data);
        if (inbox.size() < data.length) {
            String sentNote = outcome.sent() < data.length ? " (the grader could send only " + outcome.sent() + " of "
                    + data.length + " bytes: " + peer + " stopped reading)" : "";
            throw failure("expected the " + data.length + " bytes back" + sentNote + ", but got " + inbox.size()
                    + " bytes, then " + inbox.howItEnded(outcome.deadline()), null);
        }
        inbox.consume(data.length);
    }

    /**
     * Sends {@code data} without reading anything, until all of it is out or the peer has taken
     * nothing more for {@code stall}: a client that writes much before it reads, so that the peer's
     * echo fills the grader's receive buffer and the peer's own {@code write()} can take only part of
     * what it is given. Returns how many bytes went out; {@link #exchangeRest} sends the rest.
     */
    public int sendUntilStalled(byte[] data, Duration stall, Deadline deadline) {
        try {
            return outbox.writeUntilStalled(data, stall, deadline);
        } catch (IOException e) {
            throw failure("sending failed: " + e.getMessage() + " (" + peer + " reset or closed the connection)", null);
        }
    }

    /**
     * After {@link #sendUntilStalled}: sends the rest of {@code data} while reading, and expects the echo
     * of all of it, as {@link #exchange(byte[], Deadline)} does.
     */
    public void exchangeRest(byte[] data, int sent, Deadline deadline) {
        transcript.sent(data, "(the first " + sent + " bytes before the grader read anything, the rest while it read)");
        Exchange.Outcome outcome = new Exchange(readiness, inbox, outbox, localPort(), remotePort()).run(data, sent, 0, deadline);
        expectExchanged(data, outcome);
    }

    // ---- plumbing --------------------------------------------------------------------------

    private void writeFully(byte[] data, Deadline deadline) {
        int written;
        try {
            written = outbox.writeFully(data, deadline);
        } catch (IOException e) {
            throw failure("sending failed: " + e.getMessage() + " (" + peer + " reset or closed the connection)", null);
        }
        if (written < data.length) {
            throw failure("the grader could send only " + written + " of " + data.length + " bytes in "
                    + deadline.describe() + ": " + peer + " stopped reading", null);
        }
    }

    @Override
    public void close() {
        try {
            readiness.close();
        } catch (IOException e) {
            // closing anyway
        }
        Closing.quietly(channel);
    }

    @Override
    public String toString() {
        return label;
    }
}
