package ipc.grader.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A failed check's report ends with the command that reruns it alone. */
class RerunCommandTest {

    @Test
    @DisplayName("the report of a failed check ends with its Maven rerun command, after the programs' output")
    void reportEndsWithTheRerunCommand() throws Exception {
        String rerun = RerunCommand.of(Suite.class, Suite.class.getDeclaredMethod("visible")).orElseThrow();
        assertThat(rerun).isEqualTo("mvn test -Dtest=Suite#visible");
        String report = GradingExtension.describe(new AssertionError("the server sent nothing"), "read until -1", List.of(),
                List.of("EchoServer printed:\n  hello"), rerun);
        assertThat(report).startsWith("the server sent nothing\nHint: read until -1\n\nEchoServer printed:")
                .endsWith("\n\nRerun this check alone: mvn test -Dtest=Suite#visible");
    }

    @Test
    @DisplayName("a hidden check, which a student repository lacks, has no rerun command, and its report none")
    void hiddenChecksHaveNone() throws Exception {
        assertThat(RerunCommand.of(Suite.class, Suite.class.getDeclaredMethod("hidden"))).isEmpty();
        assertThat(RerunCommand.of(HiddenSuite.class, HiddenSuite.class.getDeclaredMethod("any"))).isEmpty();
        assertThat(GradingExtension.describe(new AssertionError("x"), null, List.of(), List.of(), null)).isEqualTo("x");
    }

    static class Suite {
        void visible() {
        }

        @Hidden
        void hidden() {
        }
    }

    @Hidden
    static class HiddenSuite {
        void any() {
        }
    }
}
