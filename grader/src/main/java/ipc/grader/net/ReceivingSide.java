package ipc.grader.net;

import ipc.grader.feedback.AnsweredEarly;
import ipc.grader.feedback.Bytes;
import ipc.grader.feedback.ClosedEarly;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The receiving side of a {@link TcpConnection}: what the grader expects the peer to send, read
 * within a deadline, and the failures that quote the conversation so far. Kept apart from the
 * connection's life and its sending, which is all that {@link TcpConnection} itself holds.
 */
abstract class ReceivingSide {

    /** Payloads up to this size are shown whole in a one-line reason. */
    private static final int SHORT = 48;

    final String peer;
    final String label;
    final Transcript transcript;
    final Inbox inbox;

    ReceivingSide(String peer, String label, Transcript transcript, Inbox inbox) {
        this.peer = peer;
        this.label = label;
        this.transcript = transcript;
        this.inbox = inbox;
    }

    /** Expects exactly {@code expected} next, within the reply deadline. */
    public void expect(byte[] expected) {
        expect(expected, Deadline.in(Waits.REPLY));
    }

    public void expect(String expected) {
        expect(Bytes.utf8(expected));
    }

    public void expect(byte[] expected, Deadline deadline) {
        inbox.receiveUntil(() -> inbox.size() >= expected.length || inbox.diverges(expected), deadline);
        failIfDiverged(expected);
        if (inbox.size() < expected.length) {
            throw failure("expected " + Bytes.show(expected) + " but got " + inbox.gotThen(deadline), null);
        }
        inbox.consume(expected.length);
    }

    /** Expects one line equal to {@code line}; the line ends with {@code \n}, one {@code \r} before it is allowed. */
    public void expectLine(String line) {
        Deadline deadline = Deadline.in(Waits.REPLY);
        byte[] expected = Bytes.utf8(line + "\n");
        byte[] withCr = Bytes.utf8(line + "\r\n");
        inbox.receiveUntil(() -> inbox.indexOfNewline() >= 0 || inbox.diverges(expected) && inbox.diverges(withCr), deadline);
        int end = inbox.indexOfNewline();
        if (end >= 0) {
            byte[] actual = Arrays.copyOf(inbox.bytes(), end + 1);
            if (Arrays.equals(actual, expected) || Arrays.equals(actual, withCr)) {
                inbox.consume(end + 1);
                return;
            }
            throw failure("expected the line " + Bytes.show(expected) + " but got the line " + Bytes.show(actual), null);
        }
        throw failure("expected the line " + Bytes.show(expected) + " but got "
                + (inbox.size() > 0 && !inbox.diverges(expected) ? "no end of line: " : "") + inbox.gotThen(deadline), null);
    }

    /** Reads the next line (without its end), or returns null at a clean end of stream; fails after the deadline. */
    public String readLine(Deadline deadline) {
        inbox.receiveUntil(() -> inbox.indexOfNewline() >= 0, deadline);
        int end = inbox.indexOfNewline();
        if (end < 0) {
            if (inbox.closedByPeer() && inbox.size() == 0) {
                return null;
            }
            throw failure("expected a line ending with \"\\n\" but got " + inbox.gotThen(deadline), null);
        }
        byte[] line = inbox.consume(end + 1);
        int length = end > 0 && line[end - 1] == '\r' ? end - 1 : end;
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /**
     * The next line (without its end) if one arrives before {@code deadline}, else empty: for a
     * check that listens for a while, where silence is an answer too. Fails at the end of the stream.
     */
    public Optional<String> lineWithin(Deadline deadline) {
        inbox.receiveUntil(() -> inbox.indexOfNewline() >= 0, deadline);
        if (inbox.indexOfNewline() < 0 && inbox.open()) {
            return Optional.empty();
        }
        String line = readLine(deadline);
        if (line == null) {
            throw failure("expected a line but " + inbox.howItEnded(deadline), null);
        }
        return Optional.of(line);
    }

    /**
     * Reads the next line with its end ({@code \n}, and any {@code \r} before it) kept, so a caller
     * can check how lines end; null at a clean end of stream; fails after the deadline or when a
     * line grows past {@code limit} bytes.
     */
    public byte[] readRawLine(int limit, Deadline deadline) {
        inbox.receiveUntil(() -> inbox.indexOfNewline() >= 0 || inbox.size() > limit, deadline);
        int end = inbox.indexOfNewline();
        if (end < 0) {
            if (inbox.closedByPeer() && inbox.size() == 0) {
                return null;
            }
            throw failure("expected a line ending with \"\\r\\n\" but got "
                    + (inbox.size() > limit ? inbox.size() + " bytes without a line end" : inbox.gotThen(deadline)), null);
        }
        return inbox.consume(end + 1);
    }

    /** Reads and drops everything until the peer closes the connection; false if it has not by the deadline. */
    final boolean drainUntilEndOfStream(Deadline deadline) {
        inbox.receiveUntil(() -> {
            inbox.consume(inbox.size());
            return false;
        }, deadline);
        return inbox.closedByPeer();
    }

    /** The conversation on this connection so far, as failure messages quote it: for a check about several connections. */
    public String conversation() {
        return heading() + "\n" + transcript.render();
    }

    /** Whether {@code message} quotes this connection's conversation already (see {@link #conversation()}). */
    public boolean isQuotedIn(String message) {
        return message.contains(heading());
    }

    private String heading() {
        return "The conversation on " + label + ":";
    }

    /** A failure that quotes the conversation so far, for checks that judge what they read themselves. */
    public AssertionError failure(String reason) {
        return failure(reason, null);
    }

    /** Reads exactly {@code n} bytes; fails, with what did arrive, at end of stream or the deadline. */
    public byte[] readExactly(int n, Deadline deadline) {
        inbox.receiveUntil(() -> inbox.size() >= n, deadline);
        if (inbox.size() < n) {
            throw failure("expected " + n + " bytes but got " + (inbox.size() == 0 ? "nothing" : inbox.size() + " bytes")
                    + (inbox.size() == 0 && inbox.open() ? " within " + deadline.describe()
                            : ", then " + inbox.howItEnded(deadline)), null);
        }
        return inbox.consume(n);
    }

    /** Reads everything until the peer closes the connection; fails if it has not closed by the deadline. */
    public byte[] readUntilEndOfStream(Deadline deadline) {
        inbox.receiveUntil(() -> false, deadline);
        if (!inbox.closedByPeer()) {
            throw failure("expected " + peer + " to close the connection, but " + inbox.howItEnded(deadline)
                    + (inbox.size() > 0 ? " (after " + inbox.size() + " bytes)" : ""), null);
        }
        return inbox.consume(inbox.size());
    }

    /** Expects the peer to close the connection cleanly, with nothing more sent first. */
    public void expectEndOfStream(String because) {
        Deadline deadline = Deadline.in(Waits.REPLY);
        inbox.receiveUntil(() -> inbox.size() > 0, deadline);
        if (inbox.size() > 0) {
            throw failure("expected " + peer + " to close the connection " + because + ", but it sent more: "
                    + Bytes.show(inbox.bytes()), null);
        }
        if (!inbox.closedByPeer()) {
            throw failure("expected " + peer + " to close the connection " + because + ", but "
                    + inbox.howItEnded(deadline), null);
        }
    }

    /**
     * Listens for {@link Waits#PREMATURE_ANSWER} and fails if anything arrives: for moments when
     * a correct program must still be waiting, such as after half a line.
     */
    public void expectNoAnswerYet(String because) {
        Deadline quiet = Deadline.in(Waits.PREMATURE_ANSWER);
        inbox.receiveUntil(() -> inbox.size() > 0, quiet);
        if (inbox.size() > 0) {
            throw AnsweredEarly.failure(peer, because, Bytes.show(inbox.bytes()))
                    .withDetails(conversation() + "Nothing should come back " + because + ".");
        }
        if (!inbox.open()) {
            throw ClosedEarly.failure(peer, because, "waiting for the rest").withDetails(conversation());
        }
    }

    final void failIfDiverged(byte[] expected) {
        if (inbox.diverges(expected)) {
            byte[] got = inbox.bytes();
            String difference = Bytes.firstDifference(expected, Arrays.copyOf(got, Math.min(got.length, expected.length)));
            if (expected.length <= SHORT) {
                throw failure("expected " + Bytes.show(expected) + " but got " + Bytes.show(got), "In detail: " + difference);
            }
            // Two long dumps hide the point: lead with where the bytes went wrong.
            throw failure("the " + expected.length + " bytes came back changed, " + difference,
                    "Expected: " + Bytes.show(expected) + "\nGot:      " + Bytes.show(got));
        }
    }

    /**
     * A failure for the student: the reason on the first line (the score summary shows it), then
     * the conversation so far, then any detail.
     */
    final AssertionError failure(String reason, String detail) {
        return new AssertionError(reason + "\n" + conversation() + (detail == null ? "" : detail));
    }
}
