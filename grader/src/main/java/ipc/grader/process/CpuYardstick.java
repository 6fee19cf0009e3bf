package ipc.grader.process;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * A thread of the grader's own that spins for as long as a program's CPU is watched, to tell how much
 * CPU a spinning thread could get on this machine over that stretch. Where only a process's CPU time
 * can be read (Windows, or the portable mode), that is what a spinner's CPU is compared with: on an
 * idle machine a spinner gets a whole core, on one loaded with other gradings only its share of the
 * cores, and so does this thread, while a sleeping program gets next to none however loaded the
 * machine is. It costs a core for the stretch, so only the checks that judge by CPU time use it.
 */
public final class CpuYardstick {

    /** Longest wait for the spinning thread to end once told to: it checks the flag between every few spins. */
    private static final long STOP_WAIT_MILLIS = 1_000;

    private final Thread spinner;
    private volatile boolean stopped;
    private volatile long cpuNanos = -1;
    private volatile long wallNanos;

    private CpuYardstick() {
        spinner = new Thread(this::spin, "sockgrader-cpu-yardstick");
        spinner.setDaemon(true);
    }

    /**
     * A yardstick spinning from now on, or empty where this JVM cannot read a thread's CPU time (then
     * nothing spins).
     */
    public static Optional<CpuYardstick> start() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isCurrentThreadCpuTimeSupported()) {
            return Optional.empty();
        }
        CpuYardstick yardstick = new CpuYardstick();
        yardstick.spinner.start();
        return Optional.of(yardstick);
    }

    /**
     * Stops spinning and returns the share of a core the spinning thread got, from 0 to 1, or empty when
     * its CPU time could not be read.
     */
    public OptionalDouble stop() {
        stopped = true;
        try {
            spinner.join(STOP_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long cpu = cpuNanos;
        long wall = wallNanos;
        return cpu < 0 || wall <= 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1.0, (double) cpu / wall));
    }

    private void spin() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startCpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long spins = 0;
        while (!stopped) {
            spins++;
            if (spins % 1_024 == 0 && System.nanoTime() - start > TimeUnit.MINUTES.toNanos(1)) {
                break; // never left spinning by a caller that forgot to stop it
            }
        }
        long endCpu = threads.getCurrentThreadCpuTime();
        wallNanos = System.nanoTime() - start;
        cpuNanos = startCpu < 0 || endCpu < 0 ? -1 : endCpu - startCpu;
    }
}
