package ipc.grader.suites.queue;

import ipc.grader.feedback.NeverPrinted;
import ipc.grader.process.ActivityCounters;
import ipc.grader.process.CpuYardstick;
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
import java.util.OptionalDouble;
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
 * Without the scheduler's statistics (Windows, or {@code -Dsockgrader.platform=portable}) the first
 * measure is taken on the whole process, and a third stands in for the second: <b>as much CPU as a
 * spinning thread of the grader's got</b> over the same stretch ({@link #SHARE_OF_YARDSTICK}), which
 * catches a spinner that a loaded machine gives too little CPU for the first. A yielding spinner on a
 * machine with no idle core can still pass: it uses no CPU that anything else wanted, so no count of
 * CPU time can see it. Idle, or with a core to spare, it fails.
 */
record ThreadActivity(List<ThreadTurns> threads, long wallNanos, int items, boolean fromScheduler,
        OptionalDouble yardstickShare) {

    /**
     * CPU per consumed item at or above which a program spins. Measured on a 2-core machine whose JVMs
     * start in about 50 ms of CPU (ProducerConsumer 1 3 800 and 1100 from its 400th item; idle, beside
     * {@code stress-ng --cpu 2} or 16, and four gradings at once): the reference 78 to 135 us per item
     * for the whole process (49 to 103 for its own threads), the executor variant 78 to 183 (51 to 120);
     * spinners through poll(), synchronized, a ReentrantLock or onSpinWait() 371 to 2,240 us, but 149 to
     * 300 beside stress-ng --cpu 16, and a Thread.yield() loop as little as the reference on a loaded
     * machine (the rules below catch those). 300 us is well above the most a blocked program used. (From
     * the first item, as this check watched until it skipped the young JVM's compiling, a blocked
     * program used 190 to 336 us.)
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

    /**
     * Where only the process's CPU time is told, a program that got this many times the share of a core
     * that a spinning thread of the grader's got meanwhile ({@link CpuYardstick}), and at least
     * {@link #LEAST_SHARE_WITH_YARDSTICK} of a core, spins. A spinner's CPU per item falls with the load,
     * as it gets only its share of the cores; so does the yardstick's, while a blocked program's need not.
     * Measured on 2 cores (ProducerConsumer from its 400th item, portable mode, 4 to 6 runs each), as
     * share of a core (yardstick's share): idle, the reference and the executor variant 7% to 13% (94% to
     * 97%); beside stress-ng --cpu 2, 5% to 12% (45% to 63%); four gradings at once, 6% to 9% (9% to
     * 36%); six at once, 3% to 6% (4% to 13%); beside stress-ng --cpu 16, 2% to 7% (3% to 12%). The
     * most a blocked program got is 1.33 times the yardstick's share, with 4% of a core; the least a
     * spinner through a lock got where its CPU per item stayed under the bar is 1.4 times, 9% of a core.
     * A yield() loop can give away even this, on a machine with no core to spare.
     */
    static final double SHARE_OF_YARDSTICK = 1.3;

    /** The least share of a core that {@link #SHARE_OF_YARDSTICK} judges: see there. */
    static final double LEAST_SHARE_WITH_YARDSTICK = 0.08;

    /** The name of the one "thread" the portable reading has: the whole process. */
    static final String WHOLE_PROCESS = ActivityCounters.WHOLE_PROCESS;

    /**
     * How many more items than its producers can make in the stretch (one per producer per millisecond
     * at most, as each sleeps 1 ms first) the grader may count before the stretch is not judged: more
     * means the grader read the program's output long after it was printed, as it does on a machine so
     * busy that its reading thread waits for a core. Measured six gradings at once on two cores: up to
     * 400 ms behind, once after the program had finished consuming (no CPU at all in the "stretch").
     */
    static final double COUNTED_OVER_MADE = 1.25;

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

    /** The share of a core the program used over the stretch. */
    double coreShare() {
        return (double) cpuNanos() / Math.max(1, wallNanos);
    }

    /** What shows that the program spun, in the student's terms, or empty when it waited as a blocked program does. */
    Optional<String> spinning() {
        List<String> seen = new ArrayList<>();
        if (cpuMicrosPerItem() >= SPINNING_CPU_MICROS_PER_ITEM) {
            seen.add(String.format(Locale.ROOT, "it used %d us of CPU per item consumed (%d ms for %d items), where a "
                    + "program whose consumers block in take() needs about 100 us per item, however long the wait",
                    cpuMicrosPerItem(), cpuNanos() / 1_000_000, items));
        } else if (yardstickShare.isPresent() && coreShare() >= LEAST_SHARE_WITH_YARDSTICK
                && coreShare() >= SHARE_OF_YARDSTICK * yardstickShare.getAsDouble()) {
            seen.add(String.format(Locale.ROOT, "it used %.0f%% of a core (%d ms of CPU), more than a thread of the "
                    + "grader's that spun meanwhile got (%.0f%%): this machine is busy, so a spinner gets only its share "
                    + "of the cores, while a program whose consumers block in take() needs a small part of it",
                    100 * coreShare(), cpuNanos() / 1_000_000, 100 * yardstickShare.getAsDouble()));
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
     * The activity of {@code program} from its {@code warmUp}th consumed item until its last one
     * ({@code producers}:{@code perProducer}) is printed: the producers sleep between items, so the
     * queue is empty most of that time, and blocked consumers hardly run. Aborts the check (it is
     * skipped, its points left out) where this system cannot tell a process's CPU time.
     *
     * <p>The items counted are at most what the producers can have made over the stretch, one per
     * millisecond each: the grader reads the output a little after it is printed, and more on a busy
     * machine, so that the count at the start can be short and the stretch credited with items made
     * before it. Empty when the count ran more than {@link #COUNTED_OVER_MADE} over that: the grader fell
     * too far behind to tell which items the stretch held, and the watch is to be taken again.
     *
     * <p>The items before {@code warmUp} are not watched because a young JVM compiles the code it runs
     * often: measured here over ProducerConsumer 1 3 400 from its first item, the compiler thread used 65
     * to 125 us per item of a blocked program's 190 to 270, which is all of the process's CPU time that
     * Windows tells; from the 400th of 800 items, 10 to 30 of 70 to 130. A spinner's CPU does not change.
     */
    static Optional<ThreadActivity> whileConsuming(StudentProgram program, int producers, int perProducer, int warmUp) {
        Deadline warmedUp = Deadline.in(Waits.STARTUP);
        Poll.named(program.displayName() + " to consume " + warmUp + " items").stoppingWhen(() -> !program.isAlive())
                .until(warmedUp, () -> ConsumedItems.from(program.stdout()).count() >= warmUp);
        int early = ConsumedItems.from(program.stdout()).count();
        if (early < warmUp) {
            String printed = " (it consumed " + early + " of " + producers * perProducer + " items; the grader watches "
                    + "its CPU from the " + warmUp + "th on)";
            throw program.isAlive() ? NeverPrinted.failure(program.displayName(), "its " + warmUp + "th \"consumer <c> got "
                    + "<p>:<n>\" line", warmedUp.describe(), printed) : program.exitedEarly("before it consumed " + warmUp
                    + " items" + printed + ".");
        }
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
        // reading errs towards more items (up to what the producers can make: see of), never towards
        // failing a blocked program.
        int[] itemsAtLatest = {itemsBefore};
        Optional<CpuYardstick> yardstick = counters.fromScheduler() ? Optional.empty() : CpuYardstick.start();
        OptionalDouble yardstickShare = OptionalDouble.empty();
        try {
            Poll.named(program.displayName() + " to print its last item").until(Deadline.in(Waits.STARTUP), () -> {
                    if (!counters.sample()) {
                        return true; // the process is gone: judge what was measured
                    }
                    String printed = program.stdout();
                    itemsAtLatest[0] = ConsumedItems.from(printed).count();
                    return printed.lines().anyMatch(line -> ConsumedItems.isGotLine(line, producers, perProducer));
                }); // an unfinished stretch is judged on what was measured so far
        } finally {
            if (yardstick.isPresent()) {
                yardstickShare = yardstick.get().stop();
            }
        }
        int consumed = ConsumedItems.from(program.stdout()).count();
        ActivityCounters.Stretch stretch = counters.since();
        Optional<ThreadActivity> activity = of(stretch, itemsAtLatest[0] - itemsBefore, producers, yardstickShare);
        // A program that stops consuming early (its consumers quit, or it hangs) gave the grader no
        // stretch in which its consumers waited for the rest: that is never judged as "did not spin".
        if (program.stdout().lines().noneMatch(line -> ConsumedItems.isGotLine(line, producers, perProducer))) {
            throw new AssertionError(program.displayName() + " never consumed item " + producers + ":" + perProducer
                    + " (it consumed " + consumed + " of " + producers * perProducer + " items"
                    + (program.isAlive() ? " within " + Waits.STARTUP.toSeconds() + " s" : " and " + program.exitSummary())
                    + "), so the grader could not watch its consumers wait for the items still to come.");
        }
        if (stretch.wallNanos() < SHORTEST_NANOS) {
            throw new AssertionError(program.displayName() + " consumed its items in only " + stretch.wallNanos() / 1_000_000
                    + " ms after the " + warmUp + "th; with " + producers + " producers sleeping 1 ms before each of their "
                    + perProducer + " items it should take longer, so the grader could not watch its consumers wait."
                    + (program.isAlive() ? "" : " It " + program.exitSummary() + "."));
        }
        return activity;
    }

    /**
     * The activity over {@code stretch}, in which the grader counted {@code counted} items, credited
     * with no more items than {@code producers} can make in it; empty when the count ran more than
     * {@link #COUNTED_OVER_MADE} over that.
     */
    static Optional<ThreadActivity> of(ActivityCounters.Stretch stretch, int counted, int producers,
            OptionalDouble yardstickShare) {
        long made = producers * stretch.wallNanos() / 1_000_000;
        return counted > COUNTED_OVER_MADE * made ? Optional.empty() : Optional.of(new ThreadActivity(stretch.threads(),
                stretch.wallNanos(), (int) Math.min(counted, made), stretch.fromScheduler(), yardstickShare));
    }

    @Override
    public String toString() {
        String busiest = threads.stream().filter(thread -> !thread.isTheJvms())
                .sorted(Comparator.comparingLong(ThreadTurns::cpuNanos).reversed()).limit(5)
                .map(thread -> thread.describe(fromScheduler)).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "over %d ms and %d items: %s; %.2f cores of CPU in all%s", wallNanos / 1_000_000,
                items, busiest, (double) cpuNanos() / wallNanos,
                fromScheduler ? "" : " (no scheduler statistics here: judged by the process's CPU time"
                        + (yardstickShare.isPresent() ? String.format(Locale.ROOT, "; a spinning thread of the grader's "
                        + "got %.0f%% of a core meanwhile", 100 * yardstickShare.getAsDouble()) : "") + ")");
    }
}
