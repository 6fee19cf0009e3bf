package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import ipc.grader.feedback.WithheldLines;
import ipc.grader.process.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Untrusted code: a purpose-written hostile submission for each way student code attacks or breaks
 * a grader (reference-solutions/hostile/), graded as {@code ./grade} and {@code ./grade --sandbox}
 * grade it. Whatever it does, the grading ends in bounded time, leaves no process and no temp file,
 * keeps its reports small, scores the hostile exercise 0 with a reason and grades the other one
 * (the reference tcp-ping-pong) in full. One case at a time, and nothing else beside them: their
 * markers are told apart that way, and no other test is graded on a machine they starve.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the hostile programs use /bin/sh, and the sandbox Linux namespaces")
@Execution(ExecutionMode.SAME_THREAD)
@Isolated // spinning, flooding hostile programs load both cores: a grading beside them would be judged on a starved machine
class HostileSubmissionsTest {

    private static final int TCP_POINTS = 24;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exits-at-once", "spins-without-binding", "floods-output", "starts-thousands-of-threads",
            "starts-a-grandchild", "allocates-until-heap-gone", "grabs-every-port", "does-not-compile"})
    @DisplayName("contained without a sandbox (a student's laptop): bounded, nothing left, scored 0, the rest graded")
    void containedWithoutASandbox(String name, @TempDir Path folder) throws Exception {
        HostileGrading grading = HostileGrading.of(name, folder);
        try {
            grading.run();
            SoftAssertions soft = new SoftAssertions();
            assertContained(grading, soft, name.equals("starts-a-grandchild")
                    ? "the orphaned grandchild outlives a grading without a sandbox (SECURITY.md)" : null);
            assertGradedAsMeasured(grading, soft);
            if (name.equals("does-not-compile")) {
                soft.assertThat(grading.tests("echo").get(0).get("output").asText()).as("the reason of a file that does not compile")
                        .contains("EchoServer.java").contains("';' expected");
            }
            if (name.equals("allocates-until-heap-gone")) {
                soft.assertThat(grading.tests("echo").get(0).get("output").asText()).as("the reason of a program out of heap")
                        .contains("OutOfMemoryError");
            }
            soft.assertAll();
        } finally {
            grading.killSurvivors();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"starts-a-grandchild", "kills-its-parent", "forges-results", "reads-hidden-files",
            "grabs-every-port", "floods-output"})
    @DisplayName("contained in the sandbox (a course's CI): and it cannot detach, kill the grader, forge reports or read hidden files")
    void containedInTheSandbox(String name, @TempDir Path folder) throws Exception {
        assumeTrue(Sandbox.available(), () -> "no sandbox on this machine: " + Sandbox.availability());
        HostileGrading grading = HostileGrading.of(name, folder);
        try {
            grading.run("--sandbox");
            SoftAssertions soft = new SoftAssertions();
            assertContained(grading, soft, null);
            assertGradedAsMeasured(grading, soft);
            if (name.equals("reads-hidden-files")) {
                String seen = whatTheStudentSees(grading);
                soft.assertThat(leaks(seen, SecretLines.ofTheInstructor()))
                        .as("lines of the reference or of hidden suites in what the student sees").isEmpty();
                // Out of sight, not withheld: the sandbox left the reader nothing to find.
                soft.assertThat(seen).as("what the student sees").doesNotContain(WithheldLines.MARKER);
            }
            soft.assertAll();
        } finally {
            grading.killSurvivors();
        }
    }

    @Test
    @DisplayName("without a sandbox, a submission that kills the grader gets no score at all, never a partial one")
    void killedGraderReportsNoScore(@TempDir Path folder) throws Exception {
        HostileGrading grading = HostileGrading.of("kills-its-parent", folder);
        try {
            grading.run();
            assertThat(grading.finished()).as("the killed grader's JVM ended").isTrue();
            assertThat(grading.status()).as("exit status of the killed grader").isNotZero();
            assertThat(grading.out.resolve("results.json")).as("a results.json of a grading cut short").doesNotExist();
            assertThat(grading.printed()).as("what the killed grader printed").doesNotContain("TOTAL");
        } finally {
            // Without a sandbox the killed grader's other student programs are orphans: SECURITY.md says so.
            grading.killSurvivors();
        }
    }

    @Test
    @DisplayName("in a batch without a sandbox, a submission that kills its grader gets a 'broken' row with 0, and the batch goes on")
    void killedGraderIsABrokenRow(@TempDir Path folder) throws Exception {
        HostileGrading grading = HostileGrading.of("kills-its-parent", folder);
        // The class holds a copy of the submission only: the grading's temp folder must stay outside
        // it, or the batch's workspaces there would be a second source tree of this student.
        Path killer = Files.createDirectories(folder.resolve("class")).resolve("killer");
        try (java.util.stream.Stream<Path> files = Files.walk(grading.submission)) {
            for (Path file : files.toList()) {
                Files.copy(file, killer.resolve(grading.submission.relativize(file).toString()));
            }
        }
        Path reference = Files.createDirectories(folder.resolve("class/reference/ipc/tcp"));
        for (Path file : SecretLines.filesIn(Repository.REFERENCE.resolve("ipc/tcp"))) {
            Files.copy(file, reference.resolve(file.getFileName()));
        }
        Path graded = folder.resolve("graded");
        try {
            Process batch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Djava.io.tmpdir=" + grading.tmp,
                    "-Dsockgrader.home=" + Repository.ROOT, "ipc.grader.cli.GradeCommand", "batch", folder.resolve("class").toString(),
                    "--out", graded.toString(), "--no-sandbox", "--exercise", "echo", "--exercise", "tcp-ping-pong")
                    .redirectErrorStream(true).redirectOutput(folder.resolve("batch.log").toFile()).start();
            assertThat(batch.waitFor(HostileGrading.BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                    .as("the batch ended").isTrue();
            assertThat(batch.exitValue()).as("exit status of the batch; it printed:%n%s",
                    Files.readString(folder.resolve("batch.log"))).isZero();
            List<String> rows = Files.readAllLines(graded.resolve("gradebook.csv"));
            assertThat(rows).as("gradebook").hasSize(3);
            assertThat(rows.get(0)).startsWith("student,tcp-ping-pong,echo,total,max,outcome,reason");
            // A grading cut short has no numbers but its total of 0; the one beside it is graded as usual.
            assertThat(rows.get(1)).as("the killer's row").startsWith("killer,,,0,,broken,");
            assertThat(rows.get(2)).as("the row of the class's other student").startsWith("reference,24,0,24,").contains(",graded,");
        } finally {
            grading.killSurvivors();
        }
    }

    @Test
    @DisplayName("without a sandbox, the hidden lines a submission finds and prints are withheld from its feedback")
    void hiddenLinesAreWithheld(@TempDir Path folder) throws Exception {
        HostileGrading grading = HostileGrading.of("reads-hidden-files", folder);
        try {
            grading.run();
            SoftAssertions soft = new SoftAssertions();
            assertContained(grading, soft, null);
            assertGradedAsMeasured(grading, soft);
            String seen = whatTheStudentSees(grading);
            // Proof that the reader found hidden files and printed them: the marker in their place.
            soft.assertThat(seen).as("what the student sees").contains(WithheldLines.MARKER);
            // The submission holds the reference tcp-ping-pong: its lines are the student's own to see.
            Set<String> secrets = new HashSet<>(SecretLines.codeOnly(SecretLines.ofTheInstructor()));
            for (Path file : SecretLines.filesIn(grading.submission)) {
                Files.readAllLines(file).stream().map(String::strip).forEach(secrets::remove);
            }
            soft.assertThat(leaks(seen, secrets))
                    .as("lines of code of the reference or of hidden suites in what the student sees").isEmpty();
            soft.assertAll();
        } finally {
            grading.killSurvivors();
        }
    }

    @Test
    @DisplayName("the leak check finds a secret line printed, on a line of its own, or quoted as bytes")
    void theLeakCheckCanFail() throws Exception {
        Set<String> secrets = SecretLines.codeOnly(SecretLines.ofTheInstructor());
        String secret = secrets.stream().filter(line -> !line.contains("\"") && !line.contains("\\")).sorted().findFirst()
                .orElseThrow();

        assertThat(leaks("Your program printed:\n  | " + secret + "\n", secrets)).as("printed").containsExactly(secret);
        assertThat(leaks("got \"first\\n" + secret + "\\nmore\" (99 bytes)", secrets)).as("quoted bytes").containsExactly(secret);
        assertThat(leaks("ok\n" + secret, secrets)).as("a line of its own").containsExactly(secret);
        assertThat(leaks("ok\n" + secret + " and more", secrets)).as("not a whole line").isEmpty();
    }

    private static void assertContained(HostileGrading grading, SoftAssertions soft, String survivorsExpectedBecause)
            throws Exception {
        soft.assertThat(grading.finished()).as("%s: grading ended within %s", grading, HostileGrading.BOUND).isTrue();
        soft.assertThat(grading.status()).as("%s: exit status of the grader; it printed:%n%s", grading,
                tail(grading.printed())).isZero();
        if (survivorsExpectedBecause == null) {
            soft.assertThat(grading.survivors()).as("%s: processes left running", grading).isEmpty();
        }
        soft.assertThat(grading.leftInTemp()).as("%s: files left in the grader's temp folder", grading).isEmpty();
        soft.assertThat(grading.reportBytes()).as("%s: bytes of all reports (captured output is capped)", grading)
                .isLessThan(1024 * 1024);
        soft.assertThat(Files.size(grading.log)).as("%s: bytes the grader printed", grading).isLessThan(1024 * 1024);
    }

    /** The hostile echo scores 0, each check with a reason; the reference tcp-ping-pong gets every point. */
    private static void assertGradedAsMeasured(HostileGrading grading, SoftAssertions soft) throws Exception {
        if (!Files.exists(grading.out.resolve("results.json"))) {
            soft.fail("%s: no results.json; the grader printed:%n%s", grading, tail(grading.printed()));
            return;
        }
        List<JsonNode> echo = grading.tests("echo");
        soft.assertThat(echo).as("%s: echo checks", grading).isNotEmpty();
        for (JsonNode check : echo) {
            soft.assertThat(check.get("score").asInt()).as("%s: score of %s", grading, check.get("name").asText()).isZero();
            soft.assertThat(check.get("output").asText()).as("%s: reason of %s", grading, check.get("name").asText()).isNotBlank();
        }
        int tcp = grading.tests("tcp-ping-pong").stream().mapToInt(check -> check.get("score").asInt()).sum();
        soft.assertThat(tcp).as("%s: tcp-ping-pong (the reference, graded beside it); results:%n%s", grading,
                grading.results().toPrettyString()).isEqualTo(TCP_POINTS);
        soft.assertThat(grading.results().get("score").asInt()).as("%s: the total in results.json", grading).isEqualTo(TCP_POINTS);
        soft.assertThat(Files.readString(grading.out.resolve("summary.txt"))).as("%s: summary.txt", grading)
                .containsPattern("TOTAL +" + TCP_POINTS + " / ");
    }

    /** What the grader printed, report.md and results.json, together. */
    private static String whatTheStudentSees(HostileGrading grading) throws Exception {
        return grading.printed() + Files.readString(grading.out.resolve("report.md")) + grading.results().toString();
    }

    private static final Pattern PREFIX = Pattern.compile("^[\\s|\"]+");

    /** Secret lines found in {@code text}: on lines of their own, quoted output ("| ...") or escaped bytes ("\n"). */
    private static List<String> leaks(String text, Set<String> secrets) {
        return Pattern.compile("\n|\\\\n").splitAsStream(text)
                .map(line -> PREFIX.matcher(line).replaceFirst("").strip())
                .filter(secrets::contains).distinct().limit(10).toList();
    }

    private static String tail(String text) {
        return text.length() <= 3_000 ? text : "..." + text.substring(text.length() - 3_000);
    }
}
