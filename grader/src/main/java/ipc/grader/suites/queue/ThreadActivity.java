package ipc.grader.suites.queue;

import ipc.grader.platform.Platform;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How the threads of a program used the CPU during a stretch of its run, counted in turns: each
 * time the scheduler gives a thread a core, until it gives the core up. A consumer blocked in
 * {@code take()} wakes for one item, runs a few dozen microseconds, and sleeps again; a consumer
 * spinning on {@code poll()} never gives the core up, and keeps it until the scheduler takes it away,
 * for a millisecond or so at a time. The length of a turn barely depends on how busy the machine
 * is, where CPU time over wall time does: a loaded machine gives a spinner less CPU, not shorter turns.
 *
 * <p>On Linux it comes from the scheduler's own accounting of each thread
 * ({@code /proc/<pid>/task/<tid>/schedstat}: time on a CPU, time waiting for one, and turns). Where
 * that is missing, it falls back to the process's CPU time over wall time.
 */
record ThreadActivity(List<ThreadTurns> threads, long cpuNanos, long wallNanos, boolean fromScheduler) {

    /**
     * CPU per turn at or above which a thread spins. Measured here, idle and with six CPU hogs beside
     * it: spinning consumers 455 to 1,267 us per turn; the reference's consumers and producer 23 to
     * 76 us (the JVM's own compiler threads, which are not judged, 128 to 527 us).
     */
    static final long SPINNING_MICROS_PER_TURN = 250;

    /** A thread judged must have used at least this much CPU in the stretch: a few turns are noise. */
    private static final long JUDGED_CPU_NANOS = Duration.ofMillis(20).toNanos();

    /** The JVM's own threads (compilers, garbage collector) run long turns of their own; not the student's. */
    private static final List<String> JVM_THREADS = List.of("C1 Compiler", "C2 Compiler", "GC Thread", "G1 ", "VM Thread",
            "VM Periodic", "Reference Handl", "Finalizer", "Signal Dispatch", "Service Thread", "Monitor Deflati",
            "Common-Cleaner", "Notification Th", "Sweeper thread");

    /** The shortest stretch worth judging. */
    private static final long SHORTEST_NANOS = Duration.ofMillis(100).toNanos();

    /** One thread's share of the stretch. */
    record ThreadTurns(String name, long cpuNanos, long turns) {

        long microsPerTurn() {
            return cpuNanos / Math.max(1, turns) / 1000;
        }

        boolean isTheJvms() {
            return JVM_THREADS.stream().anyMatch(name::startsWith);
        }

        boolean spins() {
            return !isTheJvms() && cpuNanos >= JUDGED_CPU_NANOS && microsPerTurn() >= SPINNING_MICROS_PER_TURN;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %d us per turn (%d turns, %d ms of CPU)", name, microsPerTurn(), turns,
                    cpuNanos / 1_000_000);
        }
    }

    /** The student's threads that spun; without scheduler statistics, the process if it kept a whole core busy. */
    List<ThreadTurns> spinning() {
        if (!fromScheduler) {
            return cpuNanos >= wallNanos ? threads : List.of();
        }
        return threads.stream().filter(ThreadTurns::spins).toList();
    }

    /**
     * The activity of {@code program} from its first consumed item until its last one
     * ({@code producers}:{@code perProducer}) is printed: the producers sleep between items, so the
     * queue is empty most of that time, and blocked consumers hardly run.
     */
    static ThreadActivity whileConsuming(StudentProgram program, int producers, int perProducer) {
        program.awaitStdoutLine(line -> line.matches("consumer \\d+ got \\d+:\\d+"), "a first \"consumer <c> got <p>:<n>\"",
                Deadline.in(Waits.STARTUP));
        Counters counters = new Counters(program.pid());
        long start = System.nanoTime();
        counters.sample();
        long[] end = {start};
        try {
            Awaitility.await().pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5))
                    .atMost(Deadline.in(Waits.STARTUP).remaining())
                    .until(() -> {
                        if (!counters.sample()) {
                            return true; // the process is gone: judge what was measured
                        }
                        end[0] = System.nanoTime();
                        return program.stdout().lines().anyMatch(line -> ConsumedItems.isGotLine(line, producers, perProducer));
                    });
        } catch (ConditionTimeoutException e) {
            // judged on the stretch measured so far
        }
        ThreadActivity activity = counters.since(end[0] - start);
        // A program that stops consuming early (its consumers quit, or it hangs) gave the grader no
        // stretch in which its consumers waited for the rest: that is never judged as "did not spin".
        int consumed = ConsumedItems.from(program.stdout()).count();
        if (program.stdout().lines().noneMatch(line -> ConsumedItems.isGotLine(line, producers, perProducer))) {
            throw new AssertionError(program.displayName() + " never consumed item " + producers + ":" + perProducer
                    + " (it consumed " + consumed + " of " + producers * perProducer + " items"
                    + (program.isAlive() ? " within " + Waits.STARTUP.toSeconds() + " s" : " and " + program.exitSummary())
                    + "), so the grader could not watch its consumers wait for the items still to come.");
        }
        if (activity.wallNanos() < SHORTEST_NANOS) {
            throw new AssertionError(program.displayName() + " consumed its items in only " + activity.wallNanos() / 1_000_000
                    + " ms after the first; with " + producers + " producers sleeping 1 ms before each of their "
                    + perProducer + " items it should take longer, so the grader could not watch its consumers wait."
                    + (program.isAlive() ? "" : " It " + program.exitSummary() + "."));
        }
        return activity;
    }

    @Override
    public String toString() {
        String busiest = threads.stream().filter(thread -> !thread.isTheJvms())
                .sorted(Comparator.comparingLong(ThreadTurns::cpuNanos).reversed()).limit(5)
                .map(ThreadTurns::toString).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "over %d ms: %s; %.2f cores of CPU in all%s", wallNanos / 1_000_000, busiest,
                (double) cpuNanos / wallNanos, fromScheduler ? "" : " (no scheduler statistics here: judged by CPU time)");
    }

    /** The counters of every thread of one process: first and latest values, kept for threads that end. */
    private static final class Counters {

        private final long pid;
        private final Path tasks;
        private final boolean fromScheduler;
        private final Map<String, long[]> first = new HashMap<>();
        private final Map<String, long[]> latest = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();

        Counters(long pid) {
            this.pid = pid;
            this.tasks = Path.of("/proc", Long.toString(pid), "task");
            this.fromScheduler = Platform.procFileSystem() && Files.isReadable(tasks.resolve(Long.toString(pid)).resolve("schedstat"));
        }

        /** Takes one reading; false once the process is gone. */
        boolean sample() {
            Map<String, long[]> now = fromScheduler ? threads() : process();
            if (now.isEmpty()) {
                return false;
            }
            now.forEach((thread, values) -> {
                first.putIfAbsent(thread, values.clone());
                latest.put(thread, values);
            });
            return true;
        }

        ThreadActivity since(long wallNanos) {
            List<ThreadTurns> threads = new ArrayList<>();
            long cpu = 0;
            for (Map.Entry<String, long[]> thread : latest.entrySet()) {
                long[] from = first.get(thread.getKey());
                long[] to = thread.getValue();
                cpu += to[0] - from[0];
                threads.add(new ThreadTurns(names.getOrDefault(thread.getKey(), thread.getKey()), to[0] - from[0], to[1] - from[1]));
            }
            return new ThreadActivity(List.copyOf(threads), cpu, wallNanos, fromScheduler);
        }

        /** Per thread: nanoseconds on a CPU, and turns on one (the first and third schedstat fields). */
        private Map<String, long[]> threads() {
            Map<String, long[]> values = new HashMap<>();
            try (Stream<Path> threads = Files.list(tasks)) {
                threads.forEach(thread -> {
                    try {
                        String[] fields = Files.readString(thread.resolve("schedstat")).trim().split("\\s+");
                        String tid = thread.getFileName().toString();
                        values.put(tid, new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[2])});
                        names.computeIfAbsent(tid, id -> name(thread, id));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended while the list was read
                    }
                });
            } catch (IOException e) {
                return Map.of(); // the process is gone
            }
            return values;
        }

        private static String name(Path thread, String tid) {
            try {
                return Files.readString(thread.resolve("comm")).strip() + " (" + tid + ")";
            } catch (IOException e) {
                return "thread " + tid;
            }
        }

        /** The fallback: the whole process's CPU time, as one thread of one turn. */
        private Map<String, long[]> process() {
            Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
            return cpu.map(total -> Map.of("the process", new long[] {total.toNanos(), 0})).orElse(Map.of());
        }
    }
}
