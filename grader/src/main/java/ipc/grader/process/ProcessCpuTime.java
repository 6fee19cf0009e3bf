package ipc.grader.process;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The CPU time of a whole process as every system's JDK tells it ({@code ProcessHandle.Info.totalCpuDuration()}),
 * and whether it can be trusted here.
 *
 * <p>Where it comes from: on Linux {@code /proc/<pid>/stat} (utime + stime, in clock ticks of 10 ms), on
 * Windows {@code GetProcessTimes}, for any process of the same user. The JDK on macOS fills it only for
 * its own process, from {@code getrusage(RUSAGE_SELF)} in microseconds, and leaves it empty for every
 * other one ({@code ProcessHandleImpl_macosx.c}, "Get cputime if for current process", unchanged from
 * JDK 9 to the current mainline): there the CPU check cannot judge a student's process and is skipped.
 *
 * <p>Units: on Apple Silicon the kernel's per-process counters ({@code proc_pidinfo}'s
 * {@code pti_total_user}) count mach ticks of 125/3 ns, and tools that took them for nanoseconds read
 * 41.67 times too little (oshi #2346, .NET runtime #91958, psutil #1956, htop #751); the JDK's own
 * {@code jdk.CPULoad} event had the like bug (JDK-8326446). {@code ProcessHandle} does not read those
 * counters, but a check that judges microseconds of CPU must not judge in the wrong unit: so before it
 * judges, the grader reads its own CPU time two ways, through {@code ProcessHandle} (the same code path
 * Linux and Windows take for the student's process) and through the management bean (the system's
 * CPU clock of the calling process), and declines to judge, skipping the check, when they disagree by
 * more than a factor of {@value #MOST_DISAGREEMENT}.
 */
public final class ProcessCpuTime {

    /** The two readings of the grader's own CPU time are a 10 ms tick apart at most; a factor of 2 is a wrong unit. */
    private static final double MOST_DISAGREEMENT = 2;

    /** Below this much CPU used by the grader, a tick of difference would look like a factor. */
    private static final long SHORTEST_COMPARED_NANOS = Duration.ofMillis(500).toNanos();

    private ProcessCpuTime() {
    }

    /** The CPU time {@code pid} has used so far, in nanoseconds, or empty when it cannot be read. */
    public static Optional<Long> of(long pid) {
        return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).map(Duration::toNanos);
    }

    /**
     * Why the CPU time of another process cannot be judged here, or empty when it can: {@code pid} is
     * alive and its CPU time empty (macOS), or this JDK reads CPU time in a unit other than nanoseconds.
     * {@code cannotTell} says what the check tells apart: "a consumer blocked in take() from one that spins".
     */
    public static Optional<String> whyNotJudged(ProcessHandle process, String cannotTell) {
        if (process.isAlive() && process.info().totalCpuDuration().isEmpty()) {
            return Optional.of("this system does not tell the CPU time of another process (ProcessHandle.Info"
                    + ".totalCpuDuration() is empty, as on macOS, where the JDK gives only its own), so the grader "
                    + "cannot tell " + cannotTell + "; the check is left out of the total");
        }
        return unitDisagreement();
    }

    private static Optional<String> unitDisagreement() {
        Optional<Long> throughHandle = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos);
        OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
        if (throughHandle.isEmpty() || !(bean instanceof com.sun.management.OperatingSystemMXBean own)) {
            return Optional.empty(); // nothing to compare: judged as read
        }
        long throughBean = own.getProcessCpuTime();
        if (throughBean < SHORTEST_COMPARED_NANOS || throughHandle.get() <= 0) {
            return Optional.empty();
        }
        double factor = (double) throughBean / throughHandle.get();
        if (factor > MOST_DISAGREEMENT || factor < 1 / MOST_DISAGREEMENT) {
            return Optional.of(String.format(Locale.ROOT, "this JDK reads the grader's own CPU time as %d ms through "
                    + "ProcessHandle but %d ms through its management bean, a factor of %.2f: the unit of a process's "
                    + "CPU time is wrong here, so the check is left out of the total rather than judged in it",
                    throughHandle.get() / 1_000_000, throughBean / 1_000_000, factor));
        }
        return Optional.empty();
    }
}
