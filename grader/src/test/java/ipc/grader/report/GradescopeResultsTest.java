package ipc.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipc.grader.score.CheckResult.Status;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import ipc.grader.settings.RunSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

@Isolated // sets the JVM-wide time scale, which every deadline of a test running beside it would read
class GradescopeResultsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String FAILURE = "expected \"a\\n\", got nothing\n  sent: \"a\\n\"";

    /** Given out of catalogue order: echo comes after tcp-ping-pong in the catalogue. */
    private static final GradeReport REPORT = new GradeReport("students/alice", List.of(
            new CheckResult("echo", "EchoServerTest#oneLine", "echoes one line", 2, Status.PASSED, "",
                    Duration.ofMillis(30)),
            new CheckResult("echo", "EchoServerTest#binary", "echoes binary data", 3, Status.FAILED, FAILURE,
                    Duration.ofMillis(40)),
            new CheckResult("tcp-ping-pong", "TcpPongServerTest#onePing", "answers one ping", 1, Status.PASSED, "",
                    Duration.ofMillis(50))),
            Duration.ofMillis(1234));

    private static Stream<JsonNode> tests(JsonNode root) {
        return StreamSupport.stream(root.get("tests").spliterator(), false);
    }

    @Test
    @DisplayName("the top level has the score, the maximum, the time in seconds and a one-line output")
    void topLevel() {
        ObjectNode root = GradescopeResults.toJson(REPORT);

        assertThat(root.get("score").asInt()).isEqualTo(3);
        assertThat(root.get("max_score")).as("Gradescope has no top-level max_score").isNull();
        assertThat(root.at("/extra_data/max_score").asInt()).isEqualTo(6);
        assertThat(root.get("execution_time").asDouble()).isEqualTo(1.2);
        assertThat(root.get("output").asText()).isEqualTo("Graded 3 checks of 2 exercises: 3 of 6 points, with every deadline at time scale 1.");
        assertThat(root.at("/extra_data/time_scale").asDouble()).isEqualTo(1.0);
        assertThat(root.get("tests")).hasSize(3);
    }

    @Test
    @DisplayName("a run with stretched deadlines says by how much, in the output and in extra_data")
    void statesTheTimeScale() {
        GradeReport stretched;
        RunSettings saved = RunSettings.current();
        RunSettings.use(saved.withTimeScale(2.5));
        try {
            stretched = new GradeReport("students/carol", List.of(new CheckResult("pipe", "PipeTest#reads",
                    "reads a pipe", 4, Status.PASSED, "", Duration.ofMillis(10))), Duration.ofMillis(100));
        } finally {
            RunSettings.use(saved);
        }

        ObjectNode root = GradescopeResults.toJson(stretched);

        assertThat(root.get("output").asText()).endsWith("4 of 4 points, with every deadline at time scale 2.5.");
        assertThat(root.at("/extra_data/time_scale").asDouble()).isEqualTo(2.5);
        assertThat(MarkdownReport.render(stretched)).contains("at time scale 2.5 (every deadline ×2.5).");
    }

    @Test
    @DisplayName("a run with platform switches names them in every report, as it names the time scale")
    void statesThePlatformSwitches() {
        GradeReport portable = REPORT.withPlatformSwitches("portable platform, student line ends crlf");

        assertThat(GradescopeResults.toJson(portable).get("output").asText())
                .contains("at time scale 1, with the switches portable platform, student line ends crlf.");
        assertThat(GradescopeResults.toJson(portable).at("/extra_data/platform_switches").asText())
                .isEqualTo("portable platform, student line ends crlf");
        assertThat(MarkdownReport.render(portable)).contains("(every deadline ×1), with the switches portable platform");
        assertThat(ConsoleSummary.render(portable, "")).contains("time scale 1, portable platform, student line ends crlf)");
        assertThat(GradescopeResults.toJson(REPORT).get("output").asText()).doesNotContain("switches");
    }

    @Test
    @DisplayName("a passed check is a visible test with its full points, numbered exercise.check")
    void passedCheck() {
        JsonNode test = GradescopeResults.toJson(REPORT).get("tests").get(0);

        assertThat(test.get("name").asText()).isEqualTo("tcp-ping-pong: answers one ping");
        assertThat(test.get("name_format").asText()).isEqualTo("text");
        assertThat(test.get("number").asText()).isEqualTo("1.1");
        assertThat(test.get("score").asInt()).isEqualTo(1);
        assertThat(test.get("max_score").asInt()).isEqualTo(1);
        assertThat(test.get("status").asText()).isEqualTo("passed");
        assertThat(test.get("output").asText()).isEmpty();
        assertThat(test.get("visibility").asText()).isEqualTo("visible");
        assertThat(test.get("tags")).containsExactly(JSON.getNodeFactory().textNode("tcp-ping-pong"));
    }

    @Test
    @DisplayName("a failed check scores nothing and carries its whole message")
    void failedCheck() {
        JsonNode test = GradescopeResults.toJson(REPORT).get("tests").get(2);

        assertThat(test.get("name").asText()).isEqualTo("echo: echoes binary data");
        assertThat(test.get("number").asText()).isEqualTo("2.2");
        assertThat(test.get("score").asInt()).isZero();
        assertThat(test.get("max_score").asInt()).isEqualTo(3);
        assertThat(test.get("status").asText()).isEqualTo("failed");
        assertThat(test.get("output").asText()).isEqualTo(FAILURE);
        assertThat(test.get("visibility").asText()).isEqualTo("visible");
        assertThat(test.get("tags")).containsExactly(JSON.getNodeFactory().textNode("echo"));
    }

    @Test
    @DisplayName("tests follow catalogue order and are numbered within their exercise")
    void numbering() {
        assertThat(tests(GradescopeResults.toJson(REPORT)).map(test -> test.get("number").asText() + " "
                + test.get("name").asText()))
                .containsExactly("1.1 tcp-ping-pong: answers one ping", "2.1 echo: echoes one line",
                        "2.2 echo: echoes binary data");
    }

    @Test
    @DisplayName("the tests' scores and maxima add up to the top-level score and maximum")
    void totalsAreSums() {
        ObjectNode root = GradescopeResults.toJson(REPORT);

        assertThat(tests(root).mapToInt(test -> test.get("score").asInt()).sum()).isEqualTo(root.get("score").asInt());
        assertThat(tests(root).mapToInt(test -> test.get("max_score").asInt()).sum())
                .isEqualTo(root.at("/extra_data/max_score").asInt());
    }

    @Test
    @DisplayName("write creates the folder and leaves only results.json, holding the report")
    void writesResultsJson(@TempDir Path temp) throws IOException {
        Path directory = temp.resolve("out/nested");

        Path file = GradescopeResults.write(REPORT, directory);

        assertThat(file).isEqualTo(directory.resolve("results.json")).isRegularFile();
        assertThat(directory.resolve("results.json.partial")).doesNotExist();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("results.json");
        }
        assertThat(JSON.readTree(file.toFile()))
                .isEqualTo(JSON.readTree(JSON.writeValueAsString(GradescopeResults.toJson(REPORT))));
    }

    @Test
    @DisplayName("writing again replaces the earlier results")
    void replacesEarlierResults(@TempDir Path temp) throws IOException {
        GradescopeResults.write(REPORT, temp);
        GradeReport allPassed = new GradeReport("students/bob", List.of(new CheckResult("pipe", "PipeTest#reads",
                "reads a pipe", 4, Status.PASSED, "", Duration.ofMillis(10))), Duration.ofMillis(100));

        Path file = GradescopeResults.write(allPassed, temp);

        JsonNode root = JSON.readTree(file.toFile());
        assertThat(root.get("score").asInt()).isEqualTo(4);
        assertThat(root.get("tests")).hasSize(1);
        assertThat(temp.resolve("results.json.partial")).doesNotExist();
    }
}
