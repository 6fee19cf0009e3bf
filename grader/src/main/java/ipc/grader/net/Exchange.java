package ipc.grader.net;

import ipc.grader.time.Deadline;
import ipc.grader.time.KernelPolling;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.OptionalInt;

/**
 * The machinery of {@link TcpConnection#exchange(byte[], int, Deadline)}: sends a payload while
 * reading its echo at the same time, holds its tail back until the peer has read all before it,
 * and restarts the peer's deadline whenever a pacing proxy delivers more. It stops early when the
 * echo goes wrong; the connection judges what came back.
 */
final class Exchange {

    /** How often a paced exchange looks at whether the proxy delivered more, in milliseconds. */
    private static final long PROXY_LOOK_MILLIS = 20;

    private final Readiness readiness;
    private final Inbox inbox;
    private final Outbox outbox;
    private final int localPort;
    private final int remotePort;

    /** How an exchange ended: how many bytes of the payload went out, and the deadline as it stood last. */
    record Outcome(int sent, Deadline deadline) {
    }

    Exchange(Readiness readiness, Inbox inbox, Outbox outbox, int localPort, int remotePort) {
        this.readiness = readiness;
        this.inbox = inbox;
        this.outbox = outbox;
        this.localPort = localPort;
        this.remotePort = remotePort;
    }

    Outcome run(byte[] data, int tail, Deadline deadline) {
        return run(data, 0, tail, deadline);
    }

    /** As {@link #run(byte[], int, Deadline)}, when the first {@code from} bytes of {@code data} went out already. */
    Outcome run(byte[] data, int from, int tail, Deadline deadline) {
        ByteBuffer out = ByteBuffer.wrap(data, 0, data.length - tail);
        out.position(Math.min(from, out.limit()));
        boolean tailSent = tail == 0;
        long paced = outbox.delivered();
        int tailLooks = 0;
        try {
            SelectionKey key = readiness.key();
            while ((out.hasRemaining() || !tailSent || inbox.size() < data.length) && inbox.open() && !deadline.hasExpired()
                    && !inbox.diverges(data)) {
                if (outbox.delivered() > paced) {
                    // The proxy's pacing is the grader's time: the peer's budget counts from its last delivery.
                    paced = outbox.delivered();
                    deadline = deadline.renewed();
                }
                if (!out.hasRemaining() && !tailSent && peerHasReadAll()) {
                    out.limit(data.length);
                    tailSent = true;
                }
                if (out.hasRemaining()) {
                    outbox.write(out);
                }
                key.interestOps(SelectionKey.OP_READ | (out.hasRemaining() ? SelectionKey.OP_WRITE : 0));
                // While the tail waits for the peer to read, look at its receive queue on the kernel's
                // schedule. Through a proxy, look now and then at whether it delivered more.
                readiness.select(deadline, !tailSent && !out.hasRemaining()
                        ? KernelPolling.pauseBefore(++tailLooks).toMillis() : outbox.paced() ? PROXY_LOOK_MILLIS : Long.MAX_VALUE);
                inbox.readAvailable();
            }
            key.interestOps(0);
        } catch (IOException e) {
            inbox.broken(e);
        }
        return new Outcome(out.position(), deadline);
    }

    /**
     * Whether the peer has read all the grader wrote: nothing left in the grader's send queue, nothing
     * unread in the peer's receive queue (always true where the kernel does not tell).
     */
    private boolean peerHasReadAll() {
        OptionalInt unsent = KernelSockets.unsentBytes(localPort, remotePort);
        OptionalInt unread = KernelSockets.unreadBytes(remotePort, localPort);
        return unsent.orElse(0) == 0 && unread.orElse(0) == 0;
    }
}
