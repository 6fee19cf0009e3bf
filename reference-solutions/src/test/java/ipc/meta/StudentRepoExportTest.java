package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ipc.grader.score.ExerciseCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The student repository as {@code ./grade export-student} writes it: it holds nothing of the
 * reference, the mutants or the hidden suites; it builds on its own and its {@code mvn test} ends
 * with the score; and the grading step of its workflow, run as written, takes its score from the
 * course's grader even when a later commit changes the tests and adds result files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StudentRepoExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TAMPERED_SUITE = "grader/src/main/java/ipc/grader/suites/echo/EchoServerTest.java";

    /** One folder for the class: each test goes on from the export of the one before. */
    @TempDir
    static Path temp;
    private static Path repo;

    @Test
    @Order(1)
    @DisplayName("./grade export-student writes the student repository, with no line of the reference, mutants or hidden suites")
    void exportHoldsNothingHidden() throws Exception {
        repo = temp.resolve("student");
        String exported = run(Repository.ROOT, 60, List.of(javaCommand(), "-cp", System.getProperty("java.class.path"),
                "-Dsockgrader.home=" + Repository.ROOT, "ipc.grader.cli.GradeCommand", "export-student", repo.toString()));
        assertThat(exported).contains("Wrote the student repository");

        Set<String> secrets = SecretLines.ofTheInstructor();
        assertThat(secrets).as("lines of the reference that no skeleton has").hasSizeGreaterThan(200);
        List<String> leaks = new ArrayList<>();
        for (Path file : SecretLines.filesIn(repo)) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            text.lines().map(String::strip).filter(secrets::contains)
                    .forEach(line -> leaks.add(repo.relativize(file) + ": " + line));
            if (text.contains("EchoHiddenTest") || text.contains("mistake: ")) {
                leaks.add(repo.relativize(file) + ": names a hidden suite or holds a mutant");
            }
        }
        assertThat(leaks).as("exported lines that only the reference, a mutant or a hidden suite has").isEmpty();
        assertThat(repo.resolve("reference-solutions")).doesNotExist();
        assertThat(repo.resolve("grader/src/hidden")).doesNotExist();
    }

    @Test
    @Order(2)
    @DisplayName("the export builds on its own: mvn test grades the skeletons and ends with the score summary")
    void mvnTestEndsWithTheScore() throws Exception {
        String output = run(repo, 600, maven("test"));
        // Surefire reports each failed check as an [ERROR]; the score must come after the last of them.
        String afterSurefire = output.substring(Math.max(0, output.lastIndexOf("[ERROR]")));
        assertThat(afterSurefire).as("what mvn test prints after surefire's last error line")
                .contains("sockgrader: score")
                .containsPattern("TOTAL +0 / \\d+");
        Path reports = repo.resolve("student-skeletons/target/sockgrader");
        for (String report : List.of("results.json", "classroom-result.json", "report.md", "summary.txt")) {
            assertThat(reports.resolve(report)).isRegularFile();
        }
        assertThat(JSON.readTree(reports.resolve("results.json").toFile()).toString())
                .as("a student's run has no hidden check").doesNotContain("after_due_date");
    }

    @Test
    @Order(3)
    @DisplayName("mvn test -Dexercise=echo grades echo alone: its summary lists echo and no other exercise")
    void mvnTestGradesOneExercise() throws Exception {
        String output = run(repo, 600, maven("test", "-Dexercise=echo"));
        String summary = Files.readString(repo.resolve("student-skeletons/target/sockgrader/summary.txt"));
        assertThat(summary).as("the summary of mvn test -Dexercise=echo").containsPattern("(?m)^echo +0 / \\d+");
        List<String> others = ExerciseCatalog.ids().stream().filter(id -> !id.equals("echo"))
                .filter(id -> summary.lines().anyMatch(line -> line.startsWith(id + " "))).toList();
        assertThat(others).as("other exercises in the summary:%n%s", summary).isEmpty();
        assertThat(output.substring(output.lastIndexOf("sockgrader: score"))).as("what mvn test prints last")
                .contains("echo ").doesNotContain("chat ");
    }

    @Test
    @Order(4)
    @DisplayName("the workflow's grading step, as written, grades with the first commit's grader and names what a later commit changed")
    void workflowGradesWithTheCoursesGrader() throws Exception {
        git("init", "-q");
        git("add", "-A");
        git("commit", "-q", "-m", "the assignment as created");
        // A later commit that would raise the score if its grader were used: a check that passes at
        // once, plus a result file with a made-up score.
        Path suite = repo.resolve(TAMPERED_SUITE);
        String original = Files.readString(suite);
        String tampered = original.replace("void echoesAShortMessage(Lab lab) {", "void echoesAShortMessage(Lab lab) {\n        if (true) return;");
        assertThat(tampered).isNotEqualTo(original);
        Files.writeString(suite, tampered);
        Files.writeString(repo.resolve("results.json"), "{\"score\": 1000, \"tests\": []}");
        git("add", "-A");
        git("commit", "-q", "-m", "make it pass");

        Path runner = Files.createDirectories(temp.resolve("runner"));
        Path output = runner.resolve("github-output");
        Path summary = runner.resolve("step-summary");
        String script = WorkflowStep.run(repo.resolve(".github/workflows/classroom.yml"), "sockgrader");
        ProcessBuilder step = new ProcessBuilder("bash", "-c", script).directory(repo.toFile());
        step.environment().putAll(Map.of("RUNNER_TEMP", runner.toString(), "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()));
        String log = HostTools.runToEnd(step, 600);

        String result = Files.readAllLines(output).stream().filter(line -> line.startsWith("result=")).findFirst()
                .orElseThrow(() -> new AssertionError("no result= in the step's output; its log:\n" + log)).substring(7);
        JsonNode classroom = JSON.readTree(Base64.getDecoder().decode(result));
        List<JsonNode> tests = StreamSupport.stream(classroom.get("tests").spliterator(), false).toList();
        assertThat(tests.stream().mapToInt(test -> test.get("score").asInt()).sum()).as("the skeletons' score, log:\n%s", log).isZero();
        assertThat(tests).as("the tampered check, graded by the course's grader")
                .filteredOn(test -> test.get("test_code").asText().endsWith("EchoServerTest#echoesAShortMessage"))
                .singleElement().satisfies(test -> assertThat(test.get("status").asText()).isEqualTo("fail"));
        assertThat(classroom.get("max_score").asInt()).isPositive();
        assertThat(Files.readString(summary)).startsWith("## sockgrader: 0 / " + classroom.get("max_score").asInt() + " points")
                .contains(TAMPERED_SUITE, "results.json (added)");
    }

    /** mvn -B with these arguments, on this build's local repository. */
    private static List<String> maven(String... arguments) {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-Djacoco.skip=true"));
        command.addAll(List.of(arguments));
        String localRepository = System.getProperty("maven.repo.local");
        if (localRepository != null) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        return command;
    }

    private static void git(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=student", "-c", "user.email=student@example.org",
                "-c", "commit.gpgsign=false"));
        command.addAll(List.of(arguments));
        run(repo, 60, command);
    }

    private static String run(Path folder, int seconds, List<String> command) throws Exception {
        return HostTools.runToEnd(new ProcessBuilder(command).directory(folder.toFile()), seconds);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
