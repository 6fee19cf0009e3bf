package ipc.grader.suites.nio;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.process.ActivityCounters;
import ipc.grader.process.ThreadTurns;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rule that tells a server asleep in select() from a spinning one, on the figures each system gives. */
class IdleActivityTest {

    private static final long MS = 1_000_000;
    private static final long WALL = 1_000 * MS;
    private static final OptionalDouble NOT_MEASURED = OptionalDouble.empty();

    @Test
    @DisplayName("Linux: a thread of the student's awake half the stretch or more spins, even with little CPU on a loaded machine")
    void schedulerFigures() {
        ThreadTurns loop = new ThreadTurns("main", 150 * MS, 830 * MS, 60, 0, WALL); // selectNow() under load
        ThreadTurns compiler = new ThreadTurns("C1 CompilerThre", 900 * MS, 0, 10, 0, WALL); // the JVM's own
        ThreadTurns asleep = new ThreadTurns("main", 0, 0, 1, 1, WALL); // in select()
        assertThat(IdleActivity.spinning(new ActivityCounters.Stretch(List.of(loop), WALL, true), NOT_MEASURED))
                .contains("main 150 ms of CPU", "awake 98%");
        assertThat(IdleActivity.spinning(new ActivityCounters.Stretch(List.of(asleep, compiler), WALL, true), NOT_MEASURED))
                .isNull();
    }

    @Test
    @DisplayName("elsewhere: 20% of a core or more over the stretch spins, and an idle JVM's few milliseconds do not")
    void processFigures() {
        assertThat(IdleActivity.spinning(process(250), NOT_MEASURED)).contains("250 ms of CPU", "25% of a core");
        assertThat(IdleActivity.spinning(process(250), OptionalDouble.of(0.95))).contains("250 ms of CPU", "25% of a core");
        assertThat(IdleActivity.spinning(process(10), NOT_MEASURED)).isNull();
        assertThat(IdleActivity.spinning(process(120), OptionalDouble.of(0.95))).as("a busy-ish server on an idle machine").isNull();
    }

    @Test
    @DisplayName("elsewhere, on a busy machine: half of what a spinning thread of the grader's got spins, a sleeping JVM's CPU does not")
    void processFiguresOnABusyMachine() {
        // selectNow() in a loop beside three other gradings on two cores (CI's portable phase): 15% of a core
        assertThat(IdleActivity.spinning(process(150), OptionalDouble.of(0.17))).contains("150 ms of CPU", "got 17% of a core");
        assertThat(IdleActivity.spinning(process(40), OptionalDouble.of(0.06))).contains("40 ms of CPU");
        assertThat(IdleActivity.spinning(process(10), OptionalDouble.of(0.15))).as("asleep in select()").isNull();
        assertThat(IdleActivity.spinning(process(20), OptionalDouble.of(0.02))).as("a few JVM milliseconds on a starved machine")
                .isNull();
    }

    private static ActivityCounters.Stretch process(long cpuMillis) {
        return new ActivityCounters.Stretch(List.of(new ThreadTurns(ActivityCounters.WHOLE_PROCESS, cpuMillis * MS, 0, 0, 0, WALL)),
                WALL, false);
    }
}
