package ipc.grader.suites.queue;

import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * For each thread of a program, the share of a stretch of its run during which it was running or
 * ready to run. A thread blocked in {@code take()} is neither; a thread spinning on {@code poll()}
 * is one or the other nearly all the time. When other work takes the cores, a spinning thread waits
 * in the run queue, still ready to run, where its CPU time alone would shrink: so this measure
 * depends far less on the machine's load than CPU time over wall time does.
 *
 * <p>On Linux it comes from the scheduler's own accounting of each thread
 * ({@code /proc/<pid>/task/<tid>/schedstat}: time on a CPU, and time waiting for one). Where that
 * is missing, it falls back to the process's CPU time over wall time.
 */
record ThreadActivity(Map<String, Double> readyShare, long cpuNanos, long wallNanos, boolean fromScheduler) {

    /**
     * A thread ready to run for at least this share of the stretch kept asking rather than waiting.
     * Measured with one producer and three consumers: spinning consumers are ready 83% to 92% of the
     * time on an idle machine, and 36% to 77% with four CPU hogs beside them (a spinner then loses
     * time parked behind another spinner that holds the queue's lock). Consumers blocked in take()
     * are ready 5% to 10%, and at most 16% with the hogs; the producer, woken every millisecond,
     * 13% to 36%.
     */
    static final double BUSY_SHARE = 0.3;

    /**
     * Spinning consumers: two busy threads or more. One such thread may be the producer on a
     * loaded machine, or the JVM's compiler at work; three spinning consumers make three.
     */
    static final int SPINNING_THREADS = 2;

    /** The shortest stretch worth judging. */
    private static final long SHORTEST_NANOS = Duration.ofMillis(100).toNanos();

    /** The threads that were ready to run for at least {@link #BUSY_SHARE} of the stretch. */
    List<String> busy() {
        return readyShare.entrySet().stream().filter(thread -> thread.getValue() >= BUSY_SHARE).map(Map.Entry::getKey)
                .sorted().toList();
    }

    /** Whether consumers spun; without scheduler statistics, whether the process kept a whole core busy. */
    boolean spins() {
        return fromScheduler ? busy().size() >= SPINNING_THREADS : (double) cpuNanos / wallNanos >= 1.0;
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
        String busiest = readyShare.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(5).map(thread -> String.format(Locale.ROOT, "%s %.0f%%", thread.getKey(), 100 * thread.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "over %d ms, the share of time its busiest threads were running or ready to "
                + "run: %s (%.2f cores of CPU in all)%s", wallNanos / 1_000_000, busiest, (double) cpuNanos / wallNanos,
                fromScheduler ? "" : "; no scheduler statistics here, so CPU time over wall time stands in");
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
            this.fromScheduler = Files.isReadable(tasks.resolve(Long.toString(pid)).resolve("schedstat"));
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
            Map<String, Double> share = new HashMap<>();
            long cpu = 0;
            for (Map.Entry<String, long[]> thread : latest.entrySet()) {
                long[] from = first.get(thread.getKey());
                long[] to = thread.getValue();
                cpu += to[0] - from[0];
                share.merge(names.getOrDefault(thread.getKey(), thread.getKey()),
                        wallNanos == 0 ? 0 : (double) (to[0] - from[0] + to[1] - from[1]) / wallNanos, Math::max);
            }
            return new ThreadActivity(Map.copyOf(share), cpu, wallNanos, fromScheduler);
        }

        /** Per thread: nanoseconds on a CPU, and waiting in a run queue. */
        private Map<String, long[]> threads() {
            Map<String, long[]> values = new HashMap<>();
            try (Stream<Path> threads = Files.list(tasks)) {
                threads.forEach(thread -> {
                    try {
                        String[] fields = Files.readString(thread.resolve("schedstat")).trim().split("\\s+");
                        String tid = thread.getFileName().toString();
                        values.put(tid, new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])});
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

        /** The fallback: the whole process's CPU time, counted as time running. */
        private Map<String, long[]> process() {
            Optional<Duration> cpu = ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration());
            return cpu.map(total -> Map.of("process", new long[] {total.toNanos(), 0})).orElse(Map.of());
        }
    }
}
