package ipc.grader.suites.nio;

import ipc.grader.process.ActivityCounters;
import ipc.grader.process.CpuYardstick;
import ipc.grader.process.ProcessCpuTime;
import ipc.grader.process.StudentProgram;
import ipc.grader.process.ThreadTurns;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a server sleeps while nothing happens, judged over a quiet stretch as message-queue judges
 * a consumer that waits for items:
 * <ul>
 *   <li>Linux (the scheduler's per-thread statistics): a thread of the student's that was on a core or
 *   waiting for one for {@value #AWAKE_SHARE} of the stretch or more spins. A thread asleep in
 *   {@code select()} is awake for none of it; a {@code selectNow()} loop for nearly all of it, however
 *   loaded the machine, since a thread waiting for a core counts as awake.</li>
 *   <li>Elsewhere (the whole process's CPU time): {@value #CPU_SHARE} of a core or more spins, and so
 *   does half or more of what a spinning thread of the grader's own got over the same stretch
 *   ({@link CpuYardstick}), once past {@value #LEAST_SHARE} of a core. An idle JVM uses next to none
 *   however loaded the machine is; a spinner as much as the scheduler gives it, which on a machine
 *   loaded with other gradings can be well under a fifth of a core, and then about what the
 *   yardstick gets.</li>
 * </ul>
 */
final class IdleActivity {

    /** The quiet stretch judged. */
    static final Duration STRETCH = Duration.ofMillis(1_000);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(50);
    static final double AWAKE_SHARE = 0.5;
    static final double CPU_SHARE = 0.2;
    static final double SHARE_OF_YARDSTICK = 0.5;
    static final double LEAST_SHARE = 0.03;

    private IdleActivity() {
    }

    /** Fails, saying what was measured, if {@code server} did not sleep through a quiet stretch. */
    static void expectAsleep(StudentProgram server, String when) {
        ActivityCounters counters = new ActivityCounters(server.pid());
        if (!counters.fromScheduler()) {
            ProcessHandle.of(server.pid()).flatMap(process -> ProcessCpuTime.whyNotJudged(process,
                    "a server asleep in select() from one that spins")).ifPresent(Assumptions::abort);
        }
        Optional<CpuYardstick> yardstick = counters.fromScheduler() ? Optional.empty() : CpuYardstick.start();
        OptionalDouble yardstickShare = OptionalDouble.empty();
        try {
            counters.sample();
            // A measurement over a set stretch, not a wait for a condition: it samples until the stretch is over.
            Poll.named("a quiet stretch of " + server.displayName()).every(SAMPLE_EVERY)
                    .until(Deadline.in(STRETCH), () -> !counters.sample());
        } finally {
            if (yardstick.isPresent()) {
                yardstickShare = yardstick.get().stop();
            }
        }
        if (!server.isAlive()) {
            throw new AssertionError(server.displayName() + " " + server.exitSummary() + " " + when + ".");
        }
        ActivityCounters.Stretch stretch = counters.since();
        String spinning = spinning(stretch, yardstickShare);
        if (spinning != null) {
            throw new AssertionError(server.displayName() + " kept a core busy " + when + ": over "
                    + stretch.wallNanos() / 1_000_000 + " ms, " + spinning + ". A server waiting in select() sleeps "
                    + "until a channel is ready and uses no CPU meanwhile.");
        }
    }

    /**
     * What shows that the server spun in {@code stretch}, or null when it slept; {@code yardstickShare}:
     * the share of a core a spinning thread of the grader's got meanwhile, where it was measured.
     */
    static String spinning(ActivityCounters.Stretch stretch, OptionalDouble yardstickShare) {
        List<ThreadTurns> own = stretch.threads().stream().filter(thread -> !thread.isTheJvms()).toList();
        if (stretch.fromScheduler()) {
            List<ThreadTurns> awake = own.stream().filter(thread -> thread.seenNanos() >= stretch.wallNanos() / 2)
                    .filter(thread -> thread.awakeShare() >= AWAKE_SHARE).toList();
            return awake.isEmpty() ? null : awake.stream().map(thread -> thread.describe(true))
                    .collect(Collectors.joining("; ")) + " (on a core or waiting for one, never asleep)";
        }
        long cpu = own.stream().mapToLong(ThreadTurns::cpuNanos).sum();
        double share = (double) cpu / Math.max(1, stretch.wallNanos());
        String used = String.format(Locale.ROOT, "it used %d ms of CPU (%.0f%% of a core)", cpu / 1_000_000, 100 * share);
        if (share >= CPU_SHARE) {
            return used;
        }
        double yardstick = yardstickShare.orElse(1.0);
        return share >= LEAST_SHARE && share >= SHARE_OF_YARDSTICK * yardstick ? used + String.format(Locale.ROOT,
                ", where a thread of the grader's that spun meanwhile got %.0f%% of a core: this machine is busy, and "
                        + "a program asleep in select() would have used next to none", 100 * yardstick) : null;
    }
}
