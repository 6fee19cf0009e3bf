package ipc.grader.net;

import ipc.grader.time.Deadline;
import ipc.grader.time.KernelPolling;
import ipc.grader.time.Poll;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Whether the peer of a connection has read what the grader sent it: its receive queue is empty.
 * Linux tells through {@code /proc/net/tcp}, macOS through the Recv-Q column of {@code netstat -an}
 * (and so does Linux in the portable mode). Windows' netstat prints no queues: there the grader can
 * only pause, which a heavily loaded machine can outlast.
 */
public final class PeerProgress {

    /** Where nothing tells, a pause long enough for the peer to read on an idle machine. */
    private static final long FALLBACK_PAUSE_MILLIS = 50;

    private PeerProgress() {
    }

    /**
     * Waits until the peer's receive queue is empty, or its socket is gone. Returns false at the
     * deadline. Without a kernel socket table it pauses and returns true.
     */
    static boolean awaitRead(TcpConnection connection, Deadline deadline) {
        return awaitRead(connection.localPort(), connection.remotePort(), deadline);
    }

    /**
     * As {@link #awaitRead(TcpConnection, Deadline)}, for a loopback connection known by the ports of
     * the grader's end: {@code localPort} is the grader's own port, {@code remotePort} the peer's.
     */
    public static boolean awaitRead(int localPort, int remotePort, Deadline deadline) {
        UnreadBytes unreadBytes;
        if (KernelSockets.available()) {
            unreadBytes = KernelSockets::unreadBytes;
        } else if (Netstat.showsQueues()) {
            unreadBytes = Netstat::unreadBytes;
        } else {
            pause();
            return true;
        }
        // The peer's socket is ours mirrored: its local port is our remote port and vice versa.
        int peerLocal = remotePort;
        int peerRemote = localPort;
        return Poll.named("the peer to read what it was sent").every(KernelPolling.schedule()).until(deadline, () -> {
            OptionalInt unread = unreadBytes.of(peerLocal, peerRemote);
            return unread.isEmpty() || unread.getAsInt() == 0;
        }).met();
    }

    /** Where unread bytes are read from: the receive queue of a connection, empty when it is gone. */
    private interface UnreadBytes {
        OptionalInt of(int localPort, int remotePort);
    }

    private static void pause() {
        try {
            // Pacing, not waiting for a condition: without /proc nothing can be polled.
            TimeUnit.MILLISECONDS.sleep(FALLBACK_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
