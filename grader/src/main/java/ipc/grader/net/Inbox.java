package ipc.grader.net;

import ipc.grader.feedback.Bytes;
import ipc.grader.time.Deadline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

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
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_CHUNK);
    /** Received, not yet matched: {@code unread[0..unreadLength)}, read in place on every loop of a wait. */
    private byte[] unread = new byte[READ_CHUNK];
    private int unreadLength;
    private boolean endOfStream;
    private IOException broken;
    /** Whole lines (without their end) the check does not want to see; they still go to the transcript. */
    private Predicate<String> ignored = line -> false;

    Inbox(SocketChannel channel, Readiness readiness, Transcript transcript, String peer) {
        this.channel = channel;
        this.readiness = readiness;
        this.transcript = transcript;
        this.peer = peer;
    }

    int size() {
        return unreadLength;
    }

    byte[] bytes() {
        return Arrays.copyOf(unread, unreadLength);
    }

    /** Neither closed nor reset by the peer: more may come. */
    boolean open() {
        return !endOfStream && broken == null;
    }

    boolean closedByPeer() {
        return endOfStream;
    }

    /** From now on, drops each whole line that {@code lines} accepts once it is the first unmatched one. */
    void ignore(Predicate<String> lines) {
        ignored = lines;
        dropIgnoredLines();
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
                append(readBuffer.array(), n);
                transcript.received(readBuffer.array(), n);
                total += n;
                dropIgnoredLines();
            }
        }
        return total;
    }

    void broken(IOException failure) {
        broken = failure;
    }

    private void append(byte[] data, int n) {
        if (unreadLength + n > unread.length) {
            unread = Arrays.copyOf(unread, Math.max(unread.length * 2, unreadLength + n));
        }
        System.arraycopy(data, 0, unread, unreadLength, n);
        unreadLength += n;
    }

    /** Takes the first {@code n} unmatched bytes. */
    byte[] consume(int n) {
        byte[] taken = Arrays.copyOf(unread, n);
        System.arraycopy(unread, n, unread, 0, unreadLength - n);
        unreadLength -= n;
        dropIgnoredLines();
        return taken;
    }

    private void dropIgnoredLines() {
        int end;
        while ((end = indexOfNewline()) >= 0) {
            int length = end > 0 && unread[end - 1] == '\r' ? end - 1 : end;
            if (!ignored.test(new String(unread, 0, length, StandardCharsets.UTF_8))) {
                return;
            }
            System.arraycopy(unread, end + 1, unread, 0, unreadLength - end - 1);
            unreadLength -= end + 1;
        }
    }

    /** Whether what arrived so far can no longer become {@code expected}. */
    boolean diverges(byte[] expected) {
        int n = Math.min(unreadLength, expected.length);
        return Arrays.mismatch(unread, 0, n, expected, 0, n) >= 0;
    }

    int indexOfNewline() {
        for (int i = 0; i < unreadLength; i++) {
            if (unread[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** What arrived and how the wait ended: {@code nothing within 3 s}, {@code "po", then EchoServer closed ...}. */
    String gotThen(Deadline deadline) {
        if (unreadLength == 0) {
            return open() ? "nothing within " + deadline.describe() : "nothing before " + howItEnded(deadline);
        }
        return Bytes.show(bytes()) + ", then " + howItEnded(deadline);
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
