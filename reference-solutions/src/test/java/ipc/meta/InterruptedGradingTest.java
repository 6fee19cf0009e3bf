package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** A grading stopped half-way (Ctrl-C, a cancelled CI job) leaves nothing behind and reports no score. */
class InterruptedGradingTest {

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "destroy() is not a catchable signal on Windows")
    @DisplayName("a grader stopped with SIGTERM mid-run ends its student programs, deletes its files and prints no score")
    void stoppedGradingLeavesNothing(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("grade.log");
        Path tmpdir = Files.createDirectory(tmp.resolve("tmpdir"));
        Process grader = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + tmpdir, "-Dsockgrader.home=" + Repository.ROOT,
                "ipc.grader.cli.GradeCommand", "--reference", "--exercise", "threaded-echo"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            ProcessHandle student = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> grader.descendants().filter(p -> p.info().commandLine().orElse("")
                            .contains("ipc.echo.ThreadedEchoServer")).findFirst(), found -> found.isPresent()).orElseThrow();

            grader.destroy(); // SIGTERM, as Ctrl-C or a CI cancel sends

            assertThat(grader.waitFor(30, TimeUnit.SECONDS)).as("the grader exits").isTrue();
            await().atMost(Duration.ofSeconds(10)).until(() -> !student.isAlive());
            try (Stream<Path> left = Files.list(tmpdir)) {
                assertThat(left.map(path -> path.getFileName().toString())).as("files left in the grader's temp folder")
                        .noneMatch(name -> name.startsWith("sockgrader-"));
            }
            assertThat(Files.readString(log)).as("what the stopped grader printed").doesNotContain("TOTAL");
        } finally {
            grader.destroyForcibly();
        }
    }
}
