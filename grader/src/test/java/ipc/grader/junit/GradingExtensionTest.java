package ipc.grader.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.SetupStep;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradingExtensionTest {

    @Test
    @DisplayName("a failure report gives the check's hint, unless the failure brings a hint of its own, such as a setup step's")
    void aStepsHintReplacesTheChecksHint() {
        String plain = GradingExtension.describe(new AssertionError("got nothing"), "Broadcast every line.", List.of(), null);
        assertThat(plain).isEqualTo("got nothing\nHint: Broadcast every line.");
        String step = GradingExtension.describe(SetupStep.failed("client 1 to be in the list", new AssertionError("got nothing"),
                "Add each client in the accept thread."), "Broadcast every line.", List.of(), "mvn test -Dtest=X");
        assertThat(step).contains("Hint: Add each client in the accept thread.").doesNotContain("Broadcast every line.")
                .endsWith("Rerun this check alone: mvn test -Dtest=X");
    }
}
