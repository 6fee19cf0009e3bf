package ipc.grader.suites.queue;

import ipc.grader.process.ActivityCounters;
import ipc.grader.process.ProcessCpuTime;
import ipc.grader.process.ThreadTurns;

import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * How a program used the CPU while its consumers waited for items, and whether that is busy waiting.
 *
 * <p>Two measures, because a spinning consumer shows in one or the other however it spins:
 * <ul>
 *   <li><b>CPU per item</b>, on every system (the whole process's CPU time where the scheduler's
 *   statistics are missing): a blocked program needs CPU for each item, not for the waiting between
 *   items, so its CPU per item does not grow with the wait nor with the machine's load; a spinner burns
 *   CPU for the whole wait, as much as the scheduler gives it.</li>
 *   <li><b>Hardly ever asleep</b>, on Linux (the scheduler's per-thread statistics): a blocked thread
 *   goes to sleep once for each item it handles and sleeps until the next; a spinning one is on a core
 *   or waiting for one nearly the whole time, and seldom sleeps. This catches the spinner that burns
 *   little CPU because it gives its core away: a {@code Thread.yield()} loop on a machine with no idle
 *   core used as little as 1 to 6 ms of CPU per thread for 400 items here, no more than the reference,
 *   yet was runnable 95% to 110% of the time and went to sleep 0 to 5 times.</li>
 * </ul>
 * Without the scheduler's statistics (Windows, or {@code -Dsockgrader.platform=portable}) only the first
 * measure is there, and a yielding spinner on a machine with no idle core can pass: it uses no CPU that
 * anything else wanted, so no count of CPU time can see it. Idle, or with a core to spare, it fails.
 */
record ThreadActivity(List<ThreadTurns> threads, long wallNanos, int items, boolean fromScheduler) {

    /**
     * CPU per consumed item at or above which a program spins. Measured here (2 cores; ProducerConsumer
     * 1 3 400, 4 runs each; idle is a load average of about 3 from other workers, loaded about 10 with
     * {@code stress-ng --cpu 2} beside them): the reference 75 to 125 us per item for the whole process
     * (38 to 47 us for its own threads), the executor variant 100 to 175 us (55 to 70); spinners through
     * poll(), synchronized, a ReentrantLock or onSpinWait() 576 to 1,900 us, loaded or not; a
     * Thread.yield() loop 850 to 1,850 us idle, but 20 to 950 us loaded (which the rules below catch).
     * 300 us is twice the most a blocked program used, and half the least a loaded non-yielding spinner did.
     */
    static final long SPINNING_CPU_MICROS_PER_ITEM = 300;

    /**
     * Share of the stretch at or above which a thread that was on a core or waiting for one (awake)
     * spins. Measured as above, and with four gradings at once beside stress-ng --cpu 2 (a load
     * average of about 14): the busiest thread of a synchronized or ReentrantLock spinner 63% to 110%
     * (its threads park on the contended lock now and then, the others of it from 41%), a yield() loop
     * 95% and up; the reference's consumers 1% to 26% idle and up to 40% under that load. Its
     * producer, which waits for a core after each of its 1 ms sleeps, was awake up to 75%: so a thread
     * is judged by {@link #ITEMS_PER_SLEEP} too.
     */
    static final double AWAKE_SHARE = 0.6;

    /**
     * A lower share that is enough for a thread that also used much CPU: under the load above, a lock
     * spinner's busiest thread may be awake less than {@link #AWAKE_SHARE}, but it used 13 to 49 ms of
     * CPU for about 400 items, while a blocked consumer, which under that load may take several items
     * per wake-up and sleep as seldom as a spinner, was awake at most 40% and used 1 to 7 ms. (A yield()
     * loop uses little CPU under load, but is awake nearly all the time.)
     */
    static final double AWAKE_SHARE_WITH_CPU = 0.5;

    /** The CPU per consumed item that, with {@link #AWAKE_SHARE_WITH_CPU}, marks a thread as spinning: 10 ms for 400 items. */
    static final long SPINNER_CPU_MICROS_PER_ITEM = 25;

    /**
     * A thread that went to sleep by itself at most once per this many items consumed spins, if awake
     * {@link #AWAKE_SHARE} of the time. A blocked thread sleeps about once per item it handles: the
     * producer 361 to 392 times per 400 items, each of 3 blocked consumers 95 to 136; spinning
     * consumers through a lock 12 to 93 times, through yield() 0 to 5, through poll() none.
     */
    static final int ITEMS_PER_SLEEP = 8;

    /** The name of the one "thread" the portable reading has: the whole process. */
    static final String WHOLE_PROCESS = ActivityCounters.WHOLE_PROCESS;

    /** The shortest stretch worth judging. */
    private static final long SHORTEST_NANOS = Duration.ofMillis(100).toNanos();

    /** The program's CPU in the stretch: its own threads' where the scheduler tells them apart, else the whole process's. */
    long cpuNanos() {
        return threads.stream().filter(thread -> !thread.isTheJvms()).mapToLong(ThreadTurns::cpuNanos).sum();
    }

    long cpuMicrosPerItem() {
        return cpuNanos() / Math.max(1, items) / 1000;
    }

    /**
     * The student's threads that hardly ever slept (Linux only: elsewhere nothing tells a sleeping thread
     * from a waiting one), of those seen for half the stretch or more: a share of a few samples is noise.
     */
    List<ThreadTurns> neverAsleep() {
        return fromScheduler ? threads.stream().filter(thread -> !thread.isTheJvms())
                .filter(thread -> thread.seenNanos() >= wallNanos / 2)
                .filter(thread -> thread.sleeps() * ITEMS_PER_SLEEP <= items)
                .filter(thread -> thread.awakeShare() >= AWAKE_SHARE || thread.awakeShare() >= AWAKE_SHARE_WITH_CPU
                        && thread.cpuNanos() >= items * SPINNER_CPU_MICROS_PER_ITEM * 1000).toList() : List.of();
    }

    /** What shows that the program spun, in the student's terms, or empty when it waited as a blocked program does. */
    Optional<String> spinning() {
        List<String> seen = new ArrayList<>();
        if (cpuMicrosPerItem() >= SPINNING_CPU_MICROS_PER_ITEM) {
            seen.add(String.format(Locale.ROOT, "it used %d us of CPU per item consumed (%d ms for %d items), where a "
                    + "program whose consumers block in take() needs about 100 us per item, however long the wait",
                    cpuMicrosPerItem(), cpuNanos() / 1_000_000, items));
        }
        List<ThreadTurns> awake = neverAsleep();
        if (!awake.isEmpty()) {
            seen.add(awake.stream().map(thread -> String.format(Locale.ROOT, "%s %.0f%% (asleep %d times)", thread.name(),
                    100 * thread.awakeShare(), thread.sleeps())).collect(Collectors.joining(", "))
                    + " of the time on a core or waiting for one, hardly ever asleep, where a consumer blocked in "
                    + "take() goes to sleep once for each item it takes, and sleeps most of the time");
        }
        return seen.isEmpty() ? Optional.empty() : Optional.of(String.join("; and ", seen));
    }

    /**
     * The activity of {@code program} from its first consumed item until its last one
     * ({@code producers}:{@code perProducer}) is printed: the producers sleep between items, so the
     * queue is empty most of that time, and blocked consumers hardly run. Aborts the check (it is
     * skipped, its points left out) where this system cannot tell a process's CPU time.
     */
    static ThreadActivity whileConsuming(StudentProgram program, int producers, int perProducer) {
        program.awaitStdoutLine(line -> line.matches("consumer \\d+ got \\d+:\\d+"), "a first \"consumer <c> got <p>:<n>\"",
                Deadline.in(Waits.STARTUP));
        ActivityCounters counters = new ActivityCounters(program.pid());
        if (!counters.fromScheduler()) {
            ProcessHandle.of(program.pid()).flatMap(process -> ProcessCpuTime.whyNotJudged(process,
                    "a consumer blocked in take() from one that spins")).ifPresent(Assumptions::abort);
        }
        int itemsBefore = ConsumedItems.from(program.stdout()).count();
        counters.sample();
        // The items are counted at the last reading, as the CPU is: on a loaded machine the grader may
        // read seldom, and the CPU of part of the stretch over the items of all of it would let a spinner
        // pass. Items are read before the first reading and after each later one, so that a late
        // reading errs towards more items, never towards failing a blocked program.
        int[] itemsAtLatest = {itemsBefore};
        Poll.named(program.displayName() + " to print its last item").until(Deadline.in(Waits.STARTUP), () -> {
                if (!counters.sample()) {
                    return true; // the process is gone: judge what was measured
                }
                String printed = program.stdout();
                itemsAtLatest[0] = ConsumedItems.from(printed).count();
                return printed.lines().anyMatch(line -> ConsumedItems.isGotLine(line, producers, perProducer));
            }); // an unfinished stretch is judged on what was measured so far
        int consumed = ConsumedItems.from(program.stdout()).count();
        ActivityCounters.Stretch stretch = counters.since();
        ThreadActivity activity = new ThreadActivity(stretch.threads(), stretch.wallNanos(), itemsAtLatest[0] - itemsBefore,
                stretch.fromScheduler());
        // A program that stops consuming early (its consumers quit, or it hangs) gave the grader no
        // stretch in which its consumers waited for the rest: that is never judged as "did not spin".
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
                .map(thread -> thread.describe(fromScheduler)).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "over %d ms and %d items: %s; %.2f cores of CPU in all%s", wallNanos / 1_000_000,
                items, busiest, (double) cpuNanos() / wallNanos,
                fromScheduler ? "" : " (no scheduler statistics here: judged by the process's CPU time)");
    }
}
