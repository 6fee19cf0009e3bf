package ipc.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.score.CheckResult.Status;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    private static final String FOOTER = "Each failed check is shown in full above.";

    private static CheckResult passed(String exercise, String name, int points) {
        return new CheckResult(exercise, "Suite#" + name.replace(' ', '_'), name, points, Status.PASSED, "",
                Duration.ofMillis(20));
    }

    private static CheckResult failed(String exercise, String name, int points, String message) {
        return new CheckResult(exercise, "Suite#" + name.replace(' ', '_'), name, points, Status.FAILED, message,
                Duration.ofMillis(20));
    }

    private static GradeReport report(CheckResult... checks) {
        return new GradeReport("students/alice", List.of(checks), Duration.ofMillis(1500));
    }

    private static List<String> lines(GradeReport report) {
        return ConsoleSummary.render(report, FOOTER).lines().toList();
    }

    private static final GradeReport MIXED = report(
            passed("echo", "echoes one line", 2),
            failed("echo", "echoes binary data", 3, "expected \"a\\n\", got nothing\n  sent: \"a\\n\"\n  received: \"\""),
            passed("tcp-ping-pong", "answers one ping", 1),
            failed("tcp-ping-pong", "answers many pings", 1, "  no pong within 3 s\n  details"));

    @Test
    @DisplayName("the summary names the submission")
    void namesTheSubmission() {
        assertThat(lines(MIXED)).contains("Submission: students/alice");
    }

    @Test
    @DisplayName("each exercise shows points earned of possible and how many checks fail")
    void showsEachExercise() {
        assertThat(lines(MIXED)).contains(
                "echo                 2 / 5    1 of 2 checks fail",
                "tcp-ping-pong        1 / 2    1 of 2 checks fail");
    }

    @Test
    @DisplayName("each failed check gets a line with its points and name, then its one-line reason")
    void listsFailedChecks() {
        List<String> lines = lines(MIXED);

        assertThat(lines).containsSubsequence(
                "   x [3 pts] echoes binary data",
                "        expected \"a\\n\", got nothing");
        assertThat(lines).containsSubsequence(
                "   x [1 pt] answers many pings",
                "        no pong within 3 s");
        assertThat(String.join("\n", lines)).doesNotContain("sent:", "details");
    }

    @Test
    @DisplayName("passed checks are not listed")
    void omitsPassedChecks() {
        assertThat(String.join("\n", lines(MIXED))).doesNotContain("echoes one line", "answers one ping");
    }

    @Test
    @DisplayName("the TOTAL line sums every check and says how long grading took")
    void showsTotal() {
        assertThat(lines(MIXED)).contains("TOTAL                3 / 7    (4 checks, graded in 1.5 s, time scale 1)");
    }

    @Test
    @DisplayName("the footer says where the details are when a check failed")
    void footerWhenSomethingFailed() {
        List<String> lines = lines(MIXED);

        assertThat(lines.get(lines.size() - 1)).isEqualTo(FOOTER);
    }

    @Test
    @DisplayName("when every check passes there is no footer")
    void noFooterWhenAllPass() {
        List<String> lines = lines(report(passed("echo", "echoes one line", 2), passed("pipe", "reads a pipe", 1)));

        assertThat(lines).doesNotContain(FOOTER).contains("echo                 2 / 2    every check passes");
        assertThat(lines.get(lines.size() - 1)).startsWith("TOTAL                3 / 3");
    }

    @Test
    @DisplayName("exercises appear in catalogue order even when given out of order")
    void catalogueOrder() {
        List<String> lines = lines(report(
                passed("threaded-echo", "serves two clients", 1),
                passed("echo", "echoes one line", 1),
                passed("pipe", "reads a pipe", 1)));

        assertThat(lines).containsSubsequence(
                "pipe                 1 / 1    every check passes",
                "echo                 1 / 1    every check passes",
                "threaded-echo        1 / 1    every check passes");
    }

    @Test
    @DisplayName("a long reason is flattened to one line and cut at 150 characters")
    void cutsLongReasons() {
        String reason = "word\tword  " + "z".repeat(300);
        List<String> lines = lines(report(failed("echo", "echoes a flood", 2, reason + "\nsecond line")));

        assertThat(lines).contains("        word word " + "z".repeat(147 - "word word ".length()) + "...");
    }

    @Test
    @DisplayName("when every check of an exercise fails for the same reason, ports aside, the reason is said once")
    void sameReasonIsSaidOnce() {
        List<String> lines = lines(report(
                failed("echo", "echoes one line", 2, "EchoServer exited with code 0 before it listened on 127.0.0.1:10461.\nmore"),
                failed("echo", "echoes binary data", 3, "EchoServer exited with code 0 before it listened on 127.0.0.1:20077.")));

        assertThat(lines).contains("   x all 2 checks: EchoServer exited with code 0 before it listened on 127.0.0.1:10461.");
        assertThat(lines).noneMatch(line -> line.contains("echoes binary data"));
    }

    @Test
    @DisplayName("checks that fail for different reasons are each listed")
    void differentReasonsAreListed() {
        List<String> lines = lines(report(
                failed("echo", "echoes one line", 2, "expected \"a\" but got nothing"),
                failed("echo", "echoes binary data", 3, "the 256 bytes came back changed")));

        assertThat(lines).anyMatch(line -> line.contains("echoes one line")).anyMatch(line -> line.contains("echoes binary data"));
    }

    @Test
    @DisplayName("an exercise the platform cannot run shows its reason and is left out of the total")
    void skippedExerciseIsNotCounted() {
        CheckResult skipped = new CheckResult("fifo", "Suite#reads", "reads a fifo", 4, Status.SKIPPED,
                "skipped: named pipes need Linux or macOS", Duration.ZERO);
        List<String> lines = lines(report(passed("echo", "echoes one line", 2), skipped));

        assertThat(lines).contains("fifo               skipped: named pipes need Linux or macOS (not counted)");
        assertThat(lines.get(lines.size() - 1)).startsWith("TOTAL                2 / 2    (1 checks");
    }
}
