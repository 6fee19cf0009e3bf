package ipc.grader.suites.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.process.ActivityCounters;
import ipc.grader.process.ThreadTurns;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The spin judgement on counters like those measured (ThreadActivity's comments have the measurements). */
class ThreadActivityTest {

    private static final long MS = 1_000_000;
    private static final long WALL = 500 * MS;

    @Test
    @DisplayName("a blocked program passes, on the scheduler's statistics and on the process's CPU time alone")
    void blockedProgramPasses() {
        ThreadActivity scheduler = new ThreadActivity(List.of(thread("producer-1", 12, 180, 390),
                thread("consumer-1", 6, 50, 130), thread("consumer-2", 6, 40, 130), thread("consumer-3", 6, 30, 130),
                thread("C1 CompilerThread0", 40, 0, 5)), WALL, 399, true, OptionalDouble.empty());
        ThreadActivity portable = new ThreadActivity(List.of(thread(ThreadActivity.WHOLE_PROCESS, 60, 0)), WALL, 399, false, OptionalDouble.empty());
        assertThat(scheduler.spinning()).isEmpty();
        assertThat(portable.spinning()).isEmpty();
    }

    @Test
    @DisplayName("a spinner that burns CPU fails by its CPU per item, with or without the scheduler's statistics")
    void cpuBurnerFails() {
        ThreadActivity portable = new ThreadActivity(List.of(thread(ThreadActivity.WHOLE_PROCESS, 300, 0)), WALL, 399, false, OptionalDouble.empty());
        assertThat(portable.spinning()).get().asString().contains("751 us of CPU per item");
    }

    @Test
    @DisplayName("without the scheduler's statistics, a spinner that a busy machine starves fails by using as much CPU as a spinning thread got")
    void starvedSpinnerFailsByTheYardstick() {
        ThreadActivity starved = portable(50, 0.05);
        assertThat(starved.cpuMicrosPerItem()).isLessThan(ThreadActivity.SPINNING_CPU_MICROS_PER_ITEM);
        assertThat(starved.spinning()).get().asString().contains("10% of a core").contains("got (5%)");
    }

    @Test
    @DisplayName("without the scheduler's statistics, a blocked program passes beside the yardstick, idle or loaded")
    void blockedProgramPassesBesideTheYardstick() {
        assertThat(portable(65, 0.95).spinning()).as("idle: 13 percent of a core").isEmpty();
        assertThat(portable(45, 0.09).spinning()).as("loaded: 9 percent of a core, as much as the yardstick").isEmpty();
        assertThat(portable(35, 0.05).spinning()).as("very loaded: 1.4 times the yardstick, but under the least share")
                .isEmpty();
    }

    @Test
    @DisplayName("the items counted in a stretch are at most what its producers can make, and too many more is no stretch to judge")
    void itemsAreCappedAtWhatTheProducersCanMake() {
        ActivityCounters.Stretch stretch = new ActivityCounters.Stretch(List.of(thread(ThreadActivity.WHOLE_PROCESS, 60, 0)),
                WALL, false);
        assertThat(ThreadActivity.of(stretch, 450, 1, OptionalDouble.empty())).get()
                .extracting(ThreadActivity::items).as("a 500 ms stretch of one producer, 450 items counted").isEqualTo(450);
        assertThat(ThreadActivity.of(stretch, 620, 1, OptionalDouble.empty())).get()
                .extracting(ThreadActivity::items).as("the grader a little behind: 620 items counted").isEqualTo(500);
        assertThat(ThreadActivity.of(stretch, 620, 2, OptionalDouble.empty())).get()
                .extracting(ThreadActivity::items).as("two producers make twice as many").isEqualTo(620);
        assertThat(ThreadActivity.of(stretch, 700, 1, OptionalDouble.empty())).as("the grader far behind: 700 items counted")
                .isEmpty();
    }

    @Test
    @DisplayName("a yielding spinner on a busy machine burns little CPU, but never sleeps, and fails on Linux")
    void politeSpinnerFailsByNeverSleeping() {
        ThreadActivity yielding = new ThreadActivity(List.of(thread("consumer-1", 5, 495), thread("consumer-2", 5, 490),
                thread("consumer-3", 4, 480), thread("producer-1", 8, 60)), WALL, 399, true, OptionalDouble.empty());
        assertThat(yielding.spinning()).get().asString().startsWith("consumer-1 100% (asleep 2 times), consumer-2 99%").doesNotContain("producer-1");
    }

    @Test
    @DisplayName("a producer that waits long for a core after each sleep on a busy machine is not a spinner")
    void producerOnABusyMachinePasses() {
        ThreadActivity busy = new ThreadActivity(List.of(thread("producer-1", 7, 350, 392), thread("consumer-1", 2, 20, 120)),
                WALL, 399, true, OptionalDouble.empty());
        assertThat(busy.spinning()).isEmpty();
    }

    @Test
    @DisplayName("a thread seen only for a moment is not judged by its share of that moment")
    void shortLivedThreadIsNotJudged() {
        ThreadTurns brief = new ThreadTurns("worker", MS, MS, 3, 0, 2 * MS);
        assertThat(new ThreadActivity(List.of(brief), WALL, 399, true, OptionalDouble.empty()).neverAsleep()).isEmpty();
    }

    /** The whole process's {@code cpuMillis} over {@link #WALL} and 399 items, beside a yardstick that got {@code yardstick}. */
    private static ThreadActivity portable(long cpuMillis, double yardstick) {
        return new ThreadActivity(List.of(thread(ThreadActivity.WHOLE_PROCESS, cpuMillis, 0)), WALL, 399, false,
                OptionalDouble.of(yardstick));
    }

    private static ThreadTurns thread(String name, long cpuMillis, long waitingMillis) {
        return thread(name, cpuMillis, waitingMillis, 2);
    }

    private static ThreadTurns thread(String name, long cpuMillis, long waitingMillis, long sleeps) {
        return new ThreadTurns(name, cpuMillis * MS, waitingMillis * MS, 100, sleeps, WALL);
    }
}
