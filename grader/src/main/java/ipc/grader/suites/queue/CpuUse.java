package ipc.grader.suites.queue;

import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How much CPU a program used during a stretch of its run, in cores: CPU time over wall time.
 * Measured from the operating system's accounting of the process, between two moments the grader
 * picks from the program's own output, so that start-up (class loading, compiling) is left out.
 */
record CpuUse(Duration cpu, Duration wall) {

    /**
     * At or above this many cores, the program spins. Three spinning consumers keep about 2 cores busy
     * here, and still over 1 with both cores loaded by other work; blocking consumers about 0.1.
     */
    static final double SPINNING_CORES = 0.7;

    /** The shortest stretch worth judging: the accounting counts in ticks of 10 ms. */
    private static final Duration SHORTEST = Duration.ofMillis(100);

    double cores() {
        return wall.isZero() ? 0 : (double) cpu.toNanos() / wall.toNanos();
    }

    /**
     * The CPU {@code program} uses from its first consumed item until its last one
     * ({@code producers}:{@code perProducer}) is printed: the producers sleep between items, so the
     * queue is empty most of that time and blocking consumers hardly run.
     */
    static CpuUse whileConsuming(StudentProgram program, int producers, int perProducer) {
        ProcessHandle process = ProcessHandle.of(program.pid()).orElseThrow(() -> new AssertionError(
                program.displayName() + " " + program.exitSummary() + " before it consumed anything."));
        program.awaitStdoutLine(line -> line.matches("consumer \\d+ got \\d+:\\d+"), "a first \"consumer <c> got <p>:<n>\"",
                Deadline.in(Waits.STARTUP));
        Sample first = Sample.of(process);
        AtomicReference<Sample> last = new AtomicReference<>(first);
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .atMost(Deadline.in(Waits.STARTUP).remaining())
                    .until(() -> {
                        Optional<Sample> now = Sample.maybe(process); // empty once the process is gone
                        now.ifPresent(last::set);
                        return now.isEmpty() || program.stdout().lines()
                                .anyMatch(line -> ConsumedItems.isGotLine(line, producers, perProducer));
                    });
        } catch (ConditionTimeoutException e) {
            // judged on the stretch measured so far
        }
        CpuUse use = new CpuUse(last.get().cpu.minus(first.cpu), Duration.ofNanos(last.get().nanos - first.nanos));
        if (use.wall.compareTo(SHORTEST) < 0) {
            throw new AssertionError(program.displayName() + " consumed its items in only " + use.wall.toMillis()
                    + " ms; with " + producers + " producers sleeping 1 ms before each of their " + perProducer
                    + " items it should take longer, so the grader could not measure its CPU use."
                    + (process.isAlive() ? "" : " It " + program.exitSummary() + "."));
        }
        return use;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.2f cores: %d ms of CPU in %d ms", cores(), cpu.toMillis(), wall.toMillis());
    }

    private record Sample(Duration cpu, long nanos) {

        static Sample of(ProcessHandle process) {
            return maybe(process).orElseThrow(() -> new AssertionError("the grader cannot read the CPU time of pid "
                    + process.pid() + " on this system"));
        }

        static Optional<Sample> maybe(ProcessHandle process) {
            long nanos = System.nanoTime();
            return process.info().totalCpuDuration().map(cpu -> new Sample(cpu, nanos));
        }
    }
}
