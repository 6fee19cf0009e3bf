package ipc.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ipc.grader.junit.Visibility;
import ipc.grader.report.GradescopeResults;
import ipc.grader.score.CheckResult.Status;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudentResultTest {

    @Test
    @DisplayName("a student's row is read back from the batch entry and the results.json the grading wrote")
    void readsBack(@TempDir Path folder) throws IOException {
        GradeReport report = new GradeReport("alice", List.of(
                new CheckResult("echo", "EchoServerTest#a", "echoes", 2, Status.PASSED, "", Duration.ofMillis(5)),
                new CheckResult("echo", "EchoServerTest#b", "flushes", 3, Status.FAILED, "late\nHint: a precise one",
                        Duration.ofMillis(5), "ipc.grader.suites.echo.EchoServerTest", Visibility.VISIBLE, "flush"),
                new CheckResult("pipe", "PipeParentTest#c", "waits", 4, Status.PASSED, "", Duration.ofMillis(5))),
                Duration.ofSeconds(1));
        GradescopeResults.write(report, folder);
        new BatchEntry("alice", Outcome.GRADED, "", "f00", 1.5).writeTo(folder);

        StudentResult alice = StudentResult.read(folder).orElseThrow();

        assertThat(alice.score()).isEqualTo(6);
        assertThat(alice.byExercise()).containsOnlyKeys("echo", "pipe");
        assertThat(alice.byExercise().get("echo")).containsExactly(2, 5);
        assertThat(alice.checks()).extracting(StudentResult.Check::id, StudentResult.Check::name, StudentResult.Check::hint)
                .contains(tuple("EchoServerTest#b", "flushes", "flush"));
    }

    @Test
    @DisplayName("a folder without a finished entry is no row: a batch killed mid-way grades it again")
    void unfinished(@TempDir Path folder) throws IOException {
        assertThat(StudentResult.read(folder)).isEmpty();
        Files.writeString(folder.resolve(BatchEntry.FILE), "{\"outcome\": \"nonsense\"");
        assertThat(StudentResult.read(folder)).isEmpty();
    }
}
