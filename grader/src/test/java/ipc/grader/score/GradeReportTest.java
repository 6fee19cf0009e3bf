package ipc.grader.score;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.score.CheckResult.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradeReportTest {

    @Test
    @DisplayName("withMessages edits the failure messages and keeps everything else of the report")
    void withMessages() {
        CheckResult passed = new CheckResult("echo", "EchoTest#echoes", "echoes a line", 2, Status.PASSED, "",
                Duration.ofMillis(5));
        CheckResult failed = new CheckResult("echo", "EchoTest#closes", "closes", 3, Status.FAILED, "got secret",
                Duration.ofMillis(7));
        GradeReport report = new GradeReport("submission", List.of(passed, failed), Duration.ofSeconds(1))
                .withIgnoredChanges(List.of("pom.xml"));

        GradeReport edited = report.withMessages(message -> message.replace("secret", "[withheld]"));

        assertThat(edited.checks()).containsExactly(passed, new CheckResult("echo", "EchoTest#closes", "closes", 3,
                Status.FAILED, "got [withheld]", Duration.ofMillis(7)));
        assertThat(edited.score()).isEqualTo(2);
        assertThat(edited.maxScore()).isEqualTo(5);
        assertThat(edited.ignoredChanges()).containsExactly("pom.xml");
        assertThat(edited.submission()).isEqualTo("submission");
        assertThat(edited.timeScale()).isEqualTo(report.timeScale());
    }
}
