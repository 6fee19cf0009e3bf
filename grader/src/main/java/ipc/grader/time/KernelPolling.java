package ipc.grader.time;

import java.time.Duration;
import org.awaitility.pollinterval.PollInterval;

/**
 * How often the grader looks again at what only the kernel's socket tables tell ({@code
 * /proc/net/tcp} and {@code tcp6}): whether a server listens yet, whether a peer has read what it
 * was sent. One look reads and parses the whole table, every connection of the machine with those
 * in TIME_WAIT; with a few hundred rows that is several milliseconds of kernel time. Looking every
 * millisecond, each waiting check kept a core busy, and a loaded grader starved the very programs
 * it waited for. So the first looks come quickly (a program that is fast is seen at once), then
 * less and less often, up to {@link #LONGEST}.
 */
public final class KernelPolling {

    /** The longest pause between two looks: what a slow program's answer may be seen late by. */
    public static final Duration LONGEST = Duration.ofMillis(20);

    private KernelPolling() {
    }

    /** The pause before look number {@code look} (1 for the second look): 1, 2, 4, 8, 16, then 20 ms. */
    public static Duration pauseBefore(int look) {
        return Duration.ofMillis(Math.min(LONGEST.toMillis(), 1L << Math.min(Math.max(look - 1, 0), 10)));
    }

    /** The same schedule, for Awaitility's {@code pollInterval}. */
    public static PollInterval schedule() {
        return (pollCount, previous) -> pauseBefore(pollCount);
    }
}
