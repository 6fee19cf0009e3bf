package ipc.grader.process;

import java.util.List;
import java.util.Locale;

/**
 * One thread of a student process over a stretch of time (see {@link ActivityCounters}): time on a
 * core, time runnable but waiting for one, turns on one, and how often it went to sleep by itself,
 * over the part of the stretch it was seen in.
 */
public record ThreadTurns(String name, long cpuNanos, long waitingNanos, long turns, long sleeps, long seenNanos) {

    /** The JVM's own threads (compilers, garbage collector) are not the student's; names as Linux keeps them (15 characters). */
    static final List<String> JVM_THREADS = List.of("C1 Compiler", "C2 Compiler", "GC Thread", "G1 ", "VM Thread",
            "VM Periodic", "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread", "Monitor Deflati",
            "Common-Cleaner", "Notification Th", "Sweeper thread");

    /** Whether the JVM started this thread for itself (a compiler, the garbage collector), by its name. */
    public boolean isTheJvms() {
        return isTheJvms(name);
    }

    /** Whether a thread of this name (as Linux keeps it) is one the JVM starts for itself. */
    static boolean isTheJvms(String threadName) {
        return JVM_THREADS.stream().anyMatch(threadName::startsWith);
    }

    /** Of the time it was seen, the share it was on a core or waiting for one: never asleep. */
    public double awakeShare() {
        return (double) (cpuNanos + waitingNanos) / Math.max(1, seenNanos);
    }

    public String describe(boolean fromScheduler) {
        if (!fromScheduler) {
            return String.format(Locale.ROOT, "%s %d ms of CPU", name, cpuNanos / 1_000_000);
        }
        return String.format(Locale.ROOT, "%s %d ms of CPU in %d turns, awake %.0f%% of the time, asleep %d times",
                name, cpuNanos / 1_000_000, turns, 100 * awakeShare(), sleeps);
    }
}
