package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import ipc.grader.time.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * What a connection has received and not yet matched, and how the stream ended (closed or reset).
 * Everything that arrives is also written to the connection's transcript.
 */
final class Inbox {

    private static final int READ_CHUNK = 64 * 1024;

    private final SocketChannel channel;
    private final Readiness readiness;
    private final Transcript transcript;
    private final String peer;
    private final ByteArrayOutputStream unread = new ByteArrayOutputStream();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_CHUNK);
    private boolean endOfStream;
    private IOException broken;

    Inbox(SocketChannel channel, Readiness readiness, Transcript transcript, String peer) {
        this.channel = channel;
        this.readiness = readiness;
        this.transcript = transcript;
        this.peer = peer;
    }

    int size() {
        return unread.size();
    }

    byte[] bytes() {
        return unread.toByteArray();
    }

    /** Neither closed nor reset by the peer: more may come. */
    boolean open() {
        return !endOfStream && broken == null;
    }

    boolean closedByPeer() {
        return endOfStream;
    }

    /** Receives until {@code done}, the end of the stream, or the deadline, whichever comes first. */
    void receiveUntil(BooleanSupplier done, Deadline deadline) {
        while (!done.getAsBoolean() && open() && !deadline.hasExpired()) {
            receive(deadline);
        }
    }

    /** Reads what has arrived; if nothing has, waits for something within the deadline. */
    void receive(Deadline deadline) {
        try {
            if (readAvailable() > 0 || !open()) {
                return;
            }
            readiness.await(SelectionKey.OP_READ, deadline);
            readAvailable();
        } catch (IOException e) {
            broken = e;
        }
    }

    /** Reads what has arrived without waiting; returns how many bytes. */
    int readAvailable() {
        int total = 0;
        while (open()) {
            readBuffer.clear();
            int n;
            try {
                n = channel.read(readBuffer);
            } catch (IOException e) {
                broken = e;
                transcript.note("the connection was reset by " + peer + " (" + e.getMessage() + ")");
                break;
            }
            if (n < 0) {
                endOfStream = true;
                transcript.note(peer + " closed the connection (end of stream)");
            } else if (n == 0) {
                break;
            } else {
                unread.write(readBuffer.array(), 0, n);
                transcript.received(readBuffer.array(), n);
                total += n;
            }
        }
        return total;
    }

    void broken(IOException failure) {
        broken = failure;
    }

    /** Takes the first {@code n} unmatched bytes. */
    byte[] consume(int n) {
        byte[] all = unread.toByteArray();
        unread.reset();
        unread.write(all, n, all.length - n);
        return Arrays.copyOf(all, n);
    }

    /** Whether what arrived so far can no longer become {@code expected}. */
    boolean diverges(byte[] expected) {
        byte[] got = unread.toByteArray();
        int n = Math.min(got.length, expected.length);
        return Arrays.mismatch(got, 0, n, expected, 0, n) >= 0;
    }

    int indexOfNewline() {
        byte[] got = unread.toByteArray();
        for (int i = 0; i < got.length; i++) {
            if (got[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** What arrived and how the wait ended: {@code nothing within 3 s}, {@code "po", then EchoServer closed ...}. */
    String gotThen(Deadline deadline) {
        if (unread.size() == 0) {
            return open() ? "nothing within " + deadline.describe() : "nothing before " + howItEnded(deadline);
        }
        return Bytes.show(unread.toByteArray()) + ", then " + howItEnded(deadline);
    }

    /** How the last wait ended: a reset, a close, or the deadline. */
    String howItEnded(Deadline deadline) {
        if (broken != null) {
            return "the connection was reset by " + peer + " (it crashed, or closed the socket with unread data in it)";
        }
        if (endOfStream) {
            return peer + " closed the connection";
        }
        return "nothing more within " + deadline.describe();
    }
}
