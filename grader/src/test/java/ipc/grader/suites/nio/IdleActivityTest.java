package ipc.grader.suites.nio;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.process.ActivityCounters;
import ipc.grader.process.ThreadTurns;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rule that tells a server asleep in select() from a spinning one, on the figures each system gives. */
class IdleActivityTest {

    private static final long MS = 1_000_000;
    private static final long WALL = 1_000 * MS;

    @Test
    @DisplayName("Linux: a thread of the student's awake half the stretch or more spins, even with little CPU on a loaded machine")
    void schedulerFigures() {
        ThreadTurns loop = new ThreadTurns("main", 150 * MS, 830 * MS, 60, 0, WALL); // selectNow() under load
        ThreadTurns compiler = new ThreadTurns("C1 CompilerThre", 900 * MS, 0, 10, 0, WALL); // the JVM's own
        ThreadTurns asleep = new ThreadTurns("main", 0, 0, 1, 1, WALL); // in select()
        assertThat(IdleActivity.spinning(new ActivityCounters.Stretch(List.of(loop), WALL, true)))
                .contains("main 150 ms of CPU", "awake 98%");
        assertThat(IdleActivity.spinning(new ActivityCounters.Stretch(List.of(asleep, compiler), WALL, true))).isNull();
    }

    @Test
    @DisplayName("elsewhere: 20% of a core or more over the stretch spins, and an idle JVM's few milliseconds do not")
    void processFigures() {
        String whole = ActivityCounters.WHOLE_PROCESS;
        assertThat(IdleActivity.spinning(new ActivityCounters.Stretch(List.of(new ThreadTurns(whole, 250 * MS, 0, 0, 0, WALL)),
                WALL, false))).contains("250 ms of CPU", "25% of a core");
        assertThat(IdleActivity.spinning(new ActivityCounters.Stretch(List.of(new ThreadTurns(whole, 10 * MS, 0, 0, 0, WALL)),
                WALL, false))).isNull();
    }
}
