package ipc.grader.net;

import ipc.grader.time.Deadline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The sending side of a {@link TcpConnection}: writes to the non-blocking channel, counts what went
 * out, and, where a proxy stands in front of the peer, waits until the proxy has passed it all on,
 * so that the peer's reply deadline starts only then (see {@link PacedDelivery}).
 */
final class Outbox {

    private final SocketChannel channel;
    private final Readiness readiness;
    /** The proxy in front of the peer, if any, and how many of its delivered bytes predate this connection. */
    private PacedDelivery proxy;
    private long proxyBase;
    private long sent;

    Outbox(SocketChannel channel, Readiness readiness) {
        this.channel = channel;
        this.readiness = readiness;
    }

    void pacedBy(PacedDelivery proxy) {
        this.proxy = proxy;
        this.proxyBase = proxy.delivered();
    }

    boolean paced() {
        return proxy != null;
    }

    /** How many bytes the proxy has delivered in all, 0 without one: it grows while the proxy paces. */
    long delivered() {
        return proxy == null ? 0 : proxy.delivered();
    }

    /** Writes what the channel takes now, without waiting. */
    int write(ByteBuffer out) throws IOException {
        int written = channel.write(out);
        sent += written;
        return written;
    }

    /**
     * Writes all of {@code data}, waiting for room until the deadline; returns how many bytes went
     * out, fewer than all only when the peer stopped reading until the deadline.
     */
    int writeFully(byte[] data, Deadline deadline) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(data);
        while (out.hasRemaining()) {
            if (write(out) == 0) {
                if (deadline.hasExpired()) {
                    break;
                }
                readiness.await(SelectionKey.OP_WRITE, deadline);
            }
        }
        return out.position();
    }

    /**
     * Writes {@code data} until all of it is out, or until the channel has taken nothing more for
     * {@code stall} (the peer stopped reading), or the deadline; returns how many bytes went out.
     */
    int writeUntilStalled(byte[] data, Duration stall, Deadline deadline) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(data);
        while (out.hasRemaining() && !deadline.hasExpired()) {
            if (write(out) == 0) {
                readiness.await(SelectionKey.OP_WRITE, Deadline.in(stall)); // the caller's deadline is looked at above
                if (write(out) == 0) {
                    break;
                }
            }
        }
        return out.position();
    }

    /** Through a proxy, waits until it has passed on everything sent so far. */
    void awaitDelivered() {
        if (proxy != null) {
            proxy.awaitDelivered(proxyBase + sent);
        }
    }
}
