package ipc.grader.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SetupStepTest {

    @Test
    @DisplayName("a failed setup step names the step on the reason's line, keeps the cause's details, and carries the step's hint")
    void namesTheStepAndItsHint() {
        AssertionError cause = new AssertionError("expected the line \"a\\n\" but got nothing within 3 s\n"
                + "The conversation on connection 1 to ChatServer:\n  (nothing was sent or received)");
        AssertionError failure = SetupStep.failed("client 1 to hear that client 2 joined", cause, "Announce every join.");
        assertThat(failure.getMessage().lines().findFirst()).contains("before its own subject, the check needs client 1 "
                + "to hear that client 2 joined, and that failed: expected the line \"a\\n\" but got nothing within 3 s");
        assertThat(failure.getMessage()).contains("The conversation on connection 1 to ChatServer:\n  (nothing was sent")
                .endsWith("\nHint: Announce every join.");
        assertThat(failure).hasCause(cause);
    }
}
