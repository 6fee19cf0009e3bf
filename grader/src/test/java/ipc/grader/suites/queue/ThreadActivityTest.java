package ipc.grader.suites.queue;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.process.ThreadTurns;
import java.util.List;
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
                thread("C1 CompilerThread0", 40, 0, 5)), WALL, 399, true);
        ThreadActivity portable = new ThreadActivity(List.of(thread(ThreadActivity.WHOLE_PROCESS, 60, 0)), WALL, 399, false);
        assertThat(scheduler.spinning()).isEmpty();
        assertThat(portable.spinning()).isEmpty();
    }

    @Test
    @DisplayName("a spinner that burns CPU fails by its CPU per item, with or without the scheduler's statistics")
    void cpuBurnerFails() {
        ThreadActivity portable = new ThreadActivity(List.of(thread(ThreadActivity.WHOLE_PROCESS, 300, 0)), WALL, 399, false);
        assertThat(portable.spinning()).get().asString().contains("751 us of CPU per item");
    }

    @Test
    @DisplayName("a yielding spinner on a busy machine burns little CPU, but never sleeps, and fails on Linux")
    void politeSpinnerFailsByNeverSleeping() {
        ThreadActivity yielding = new ThreadActivity(List.of(thread("consumer-1", 5, 495), thread("consumer-2", 5, 490),
                thread("consumer-3", 4, 480), thread("producer-1", 8, 60)), WALL, 399, true);
        assertThat(yielding.spinning()).get().asString().startsWith("consumer-1 100% (asleep 2 times), consumer-2 99%").doesNotContain("producer-1");
    }

    @Test
    @DisplayName("a producer that waits long for a core after each sleep on a busy machine is not a spinner")
    void producerOnABusyMachinePasses() {
        ThreadActivity busy = new ThreadActivity(List.of(thread("producer-1", 7, 350, 392), thread("consumer-1", 2, 20, 120)),
                WALL, 399, true);
        assertThat(busy.spinning()).isEmpty();
    }

    @Test
    @DisplayName("a thread seen only for a moment is not judged by its share of that moment")
    void shortLivedThreadIsNotJudged() {
        ThreadTurns brief = new ThreadTurns("worker", MS, MS, 3, 0, 2 * MS);
        assertThat(new ThreadActivity(List.of(brief), WALL, 399, true).neverAsleep()).isEmpty();
    }

    private static ThreadTurns thread(String name, long cpuMillis, long waitingMillis) {
        return thread(name, cpuMillis, waitingMillis, 2);
    }

    private static ThreadTurns thread(String name, long cpuMillis, long waitingMillis, long sleeps) {
        return new ThreadTurns(name, cpuMillis * MS, waitingMillis * MS, 100, sleeps, WALL);
    }
}
