package ipc.grader.score;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Points;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Graded suites with known outcomes, run by {@link ScoreCollectorTest} through a launcher of its
 * own. Their names do not end in "Test", so the build never runs them directly.
 */
final class FakeSuites {

    private FakeSuites() {
    }

    @GradedExercise("echo")
    static class Mixed {

        @Test
        @Points(2)
        @DisplayName("passes")
        void passes() {
        }

        @Test
        @Points(3)
        @DisplayName("fails an assertion")
        @Hint("the lecture's idea")
        void failsAnAssertion() {
            throw new AssertionError("expected \"a\" but got \"b\"\nThe conversation: ...");
        }

        @Test
        @Points(1)
        @DisplayName("crashes")
        void crashes() {
            throw new IllegalStateException("boom");
        }

        /** Stands for a check that finds while running that the platform cannot measure it (CPU time on macOS). */
        @Test
        @Points(4)
        @DisplayName("cannot measure here")
        void cannotMeasureHere() {
            Assumptions.abort("this system gives no CPU time of another process");
        }

        @Test
        @DisplayName("is not graded")
        void notGraded() {
        }
    }

    @GradedExercise("tcp-ping-pong")
    static class CannotStart {

        @BeforeAll
        static void setUp() {
            throw new IllegalStateException("suite set-up failed");
        }

        @Test
        @Points(4)
        @DisplayName("never runs")
        void neverRuns() {
        }
    }

    /** Stands for a suite the platform cannot run, as fifo's on Windows ({@code @DisabledOnOs}). */
    @GradedExercise("fifo")
    @Disabled("named pipes need Linux or macOS")
    static class NotOnThisPlatform {

        @Test
        @Points(5)
        @DisplayName("is skipped")
        void isSkipped() {
        }
    }
}
