package ipc.grader.net;

import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.time.Duration;

/**
 * A go-between (the grader's cutting proxy) that passes what the grader sends on to a student
 * program at its own pace: a byte at a time, each once the program has read the one before. That
 * pacing is the grader's time, not the program's. On a loaded machine thirty paced bytes can take
 * seconds, so a reply deadline that started when the grader handed its bytes to the go-between
 * would fail a correct program; it starts once the last byte has been passed on instead.
 */
public interface PacedDelivery {

    /** Bytes passed on to the program so far, over the go-between's whole life. */
    long delivered();

    /** Whether the go-between has stopped passing bytes on for good (its connections ended). */
    boolean ended();

    /**
     * Waits until {@code total} bytes have been passed on, for as long as the go-between keeps
     * making progress. The go-between gives the program {@link Waits#CONSUME} to read each piece
     * and then passes the next one on, read or not; so a step takes at most that plus the time to
     * see the read, and this allows twice {@link Waits#CONSUME} for one. (With the same budget on
     * both sides, a program slow to read one piece made this give up a moment before the
     * go-between moved on, and the reply deadline then ran during the grader's own pacing.)
     * Returns early only when the go-between stalls or ends, leaving the verdict to the
     * expectation that follows.
     */
    default void awaitDelivered(long total) {
        long seen = delivered();
        while (seen < total && !ended()) {
            long before = seen;
            seen = Poll.named("the proxy to deliver more").every(Duration.ofMillis(2))
                    .until(Deadline.in(Waits.CONSUME.multipliedBy(2)), this::delivered, now -> now > before || ended());
            if (seen <= before && !ended()) {
                return; // stalled
            }
        }
    }
}
