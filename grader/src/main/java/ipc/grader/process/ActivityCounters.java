package ipc.grader.process;

import ipc.grader.platform.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CPU counters of one process, first and latest values, kept for threads that end. On Linux, per
 * thread from the scheduler ({@code /proc/<pid>/task/<tid>/schedstat}: nanoseconds on a core,
 * nanoseconds runnable but waiting for one, turns on one; and from {@code status}, how often it went to
 * sleep by itself, {@code voluntary_ctxt_switches}); elsewhere, or with
 * {@code -Dsockgrader.platform=portable}, the whole process's CPU time as one thread.
 */
public final class ActivityCounters {

    /** The name of the one "thread" the portable reading has: the whole process. */
    public static final String WHOLE_PROCESS = "the process";

    /** What the readings saw between the first and the latest: each thread's share, and the stretch's length. */
    public record Stretch(List<ThreadTurns> threads, long wallNanos, boolean fromScheduler) {
    }


    private static final int CPU = 0;
    private static final int WAITING = 1;
    private static final int TURNS = 2;
    private static final int SLEEPS = 3;
    private static final Pattern VOLUNTARY = Pattern.compile("^voluntary_ctxt_switches:\\s*(\\d+)", Pattern.MULTILINE);

    private final long pid;
    private final Path tasks;
    private final boolean fromScheduler;
    private final Map<String, long[]> first = new HashMap<>();
    private final Map<String, long[]> latest = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    /** When each thread was first and last seen: a thread that ends before the stretch does is judged on its own span. */
    private final Map<String, long[]> seen = new HashMap<>();
    /**
     * The first and the latest reading: the stretch measured, not the time the grader meant to start.
     * On a loaded machine the grader waits for a core too, so its first reading can come late, and a
     * thread seen from then on must not look as if it had missed part of the stretch (counted from the
     * intended start, 3 yield() spinners of 20 kept their points under stress-ng).
     */
    private long firstAt;
    private long latestAt;

    public ActivityCounters(long pid) {
        this.pid = pid;
        this.tasks = Path.of("/proc", Long.toString(pid), "task");
        this.fromScheduler = Platform.procFileSystem() && Files.isReadable(tasks.resolve(Long.toString(pid)).resolve("schedstat"));
    }

    /** Whether the readings come per thread from the scheduler, or for the whole process. */
    public boolean fromScheduler() {
        return fromScheduler;
    }

    /** Takes one reading; false once the process is gone (or its CPU time cannot be read). */
    public boolean sample() {
        Map<String, long[]> now = fromScheduler ? threads() : process();
        if (now.isEmpty()) {
            return false;
        }
        long at = System.nanoTime();
        firstAt = first.isEmpty() ? at : firstAt;
        latestAt = at;
        now.forEach((thread, values) -> {
            first.putIfAbsent(thread, values.clone());
            latest.put(thread, values);
            seen.computeIfAbsent(thread, key -> new long[] {at, at})[1] = at;
        });
        return true;
    }

    /** What happened between the first reading and the latest. */
    public Stretch since() {
        List<ThreadTurns> threads = new ArrayList<>();
        for (Map.Entry<String, long[]> thread : latest.entrySet()) {
            long[] from = first.get(thread.getKey());
            long[] to = thread.getValue();
            long[] span = seen.get(thread.getKey());
            threads.add(new ThreadTurns(names.getOrDefault(thread.getKey(), thread.getKey()),
                    to[CPU] - from[CPU], to[WAITING] - from[WAITING], to[TURNS] - from[TURNS], to[SLEEPS] - from[SLEEPS],
                    span[1] - span[0]));
        }
        return new Stretch(List.copyOf(threads), latestAt - firstAt, fromScheduler);
    }

    private Map<String, long[]> threads() {
        Map<String, long[]> values = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(thread -> {
                try {
                    String[] fields = Files.readString(thread.resolve("schedstat")).trim().split("\\s+");
                    String tid = thread.getFileName().toString();
                    Matcher sleeps = VOLUNTARY.matcher(Files.readString(thread.resolve("status")));
                    values.put(tid, new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                        sleeps.find() ? Long.parseLong(sleeps.group(1)) : 0});
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

    /** The portable reading: the whole process's CPU time, as one thread with no scheduler detail. */
    private Map<String, long[]> process() {
        return ProcessCpuTime.of(pid).map(total -> Map.of(WHOLE_PROCESS, new long[] {total, 0, 0, 0}))
                .orElse(Map.of());
    }
}
