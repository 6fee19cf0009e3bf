package ipc.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import ipc.grader.junit.Visibility;
import ipc.grader.score.CheckResult.Status;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every report of one grading, checked against its real format and against the others' totals. */
class ReportFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a failure looks like: escapes shown as the grader writes them, and a backtick fence to survive. */
    private static final String FAILURE = "BareHttpServer ended the status line with \"\\n\", not \"\\r\\n\"\n"
            + "  grader sent: \"GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n\"\n  it printed: ```not a fence``` and a NUL \u0000 byte";

    private static final GradeReport REPORT = new GradeReport("students/alice", List.of(
            check("http", "BareHttpServerTest#crlf", "ends header lines with CRLF", 3, Status.FAILED, FAILURE, Visibility.VISIBLE),
            check("http", "BareHttpServerTest#page", "serves the page | with a bar", 2, Status.PASSED, "", Visibility.VISIBLE),
            check("echo", "EchoHiddenTest#pieces", "echoes uneven pieces", 2, Status.FAILED, "secret details", Visibility.AFTER_DUE_DATE),
            check("fifo", "FifoReaderTest#reads", "reads a FIFO", 4, Status.SKIPPED, "named pipes do not exist on Windows",
                    Visibility.VISIBLE)),
            Duration.ofMillis(2_345)).withIgnoredChanges(List.of("grader/pom.xml", "results.json (added)"));

    private static CheckResult check(String exercise, String id, String name, int points, Status status, String message,
                                     Visibility visibility) {
        return new CheckResult(exercise, id, name, points, status, message, Duration.ofMillis(120), "ipc.grader.suites."
                + id.substring(0, id.indexOf('#')), visibility, "");
    }

    @Test
    @DisplayName("--out writes the five reports side by side, each whole")
    void writesEveryReport(@TempDir Path out) throws IOException {
        ReportFiles.write(REPORT, "summary\n", out);

        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "results.json", "classroom-result.json", "report.md", "summary.txt", "junit");
        }
        try (Stream<Path> files = Files.list(out.resolve("junit"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder(
                    "TEST-ipc.grader.suites.BareHttpServerTest.xml", "TEST-ipc.grader.suites.EchoHiddenTest.xml",
                    "TEST-ipc.grader.suites.FifoReaderTest.xml");
        }
    }

    @Test
    @DisplayName("results.json passes Gradescope's schema; the tests' max_scores add up to the total, hidden checks are after_due_date")
    void gradescopeResults(@TempDir Path out) throws IOException {
        JsonNode results = writtenAndValid(out, "results.json", "gradescope-results.schema.json");

        assertThat(tests(results).mapToInt(test -> test.get("max_score").asInt()).sum()).isEqualTo(REPORT.maxScore()).isEqualTo(7);
        assertThat(tests(results).mapToInt(test -> test.get("score").asInt()).sum()).isEqualTo(results.get("score").asInt())
                .isEqualTo(REPORT.score());
        assertThat(tests(results).map(test -> test.get("visibility").asText())).containsExactly("after_due_date", "visible", "visible");
        assertThat(results.get("output").asText()).contains("grader/pom.xml", "results.json (added)");
    }

    @Test
    @DisplayName("classroom-result.json passes the runner-result schema; its scores add up to the summary's, status matching score")
    void classroomResult(@TempDir Path out) throws IOException {
        JsonNode result = writtenAndValid(out, "classroom-result.json", "classroom-result.schema.json");

        assertThat(result.get("max_score").asInt()).isEqualTo(REPORT.maxScore());
        assertThat(tests(result).mapToInt(test -> test.get("score").asInt()).sum()).isEqualTo(REPORT.score()).isEqualTo(2);
        assertThat(result.get("status").asText()).isEqualTo("fail");
        tests(result).forEach(test -> assertThat(test.get("status").asText())
                .as("status of %s, which scored %s", test.get("name"), test.get("score"))
                .isEqualTo(test.get("score").asInt() > 0 ? "pass" : "fail"));
        assertThat(result.toString()).as("a hidden check's details stay hidden").doesNotContain("secret details");
    }

    @Test
    @DisplayName("a grading with full marks is a passing runner result")
    void fullMarksPass() {
        GradeReport allPassed = new GradeReport("bob", List.of(check("pipe", "PipeParentTest#a", "a", 2, Status.PASSED, "",
                Visibility.VISIBLE)), Duration.ofMillis(10));

        assertThat(ClassroomResult.toJson(allPassed).get("status").asText()).isEqualTo("pass");
        assertThat(errors("classroom-result.schema.json", ClassroomResult.toJson(allPassed))).isEmpty();
    }

    @Test
    @DisplayName("the schemas are not empty promises: a wrong status or a missing field is refused")
    void schemasRefuseWrongFiles() throws IOException {
        JsonNode wrongStatus = JSON.readTree("{\"version\":1,\"status\":\"passed\",\"max_score\":1,\"tests\":[]}");
        JsonNode noStatus = JSON.readTree("{\"tests\":[{\"name\":\"x\",\"status\":\"pass\",\"score\":1}]}");
        JsonNode badVisibility = JSON.readTree("{\"tests\":[{\"name\":\"x\",\"visibility\":\"later\"}]}");

        assertThat(errors("classroom-result.schema.json", wrongStatus)).isNotEmpty();
        assertThat(errors("classroom-result.schema.json", noStatus)).isNotEmpty();
        assertThat(errors("gradescope-results.schema.json", badVisibility)).isNotEmpty();
    }

    @Test
    @DisplayName("junit/ is Surefire's XML: required attributes, its time format, counts that match the test cases")
    void junitXml(@TempDir Path out) throws Exception {
        ReportFiles.write(REPORT, "", out);
        List<Element> suites = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("junit"))) {
            for (Path file : files.toList()) {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
                suites.add(document.getDocumentElement());
            }
        }
        int failures = 0;
        int skipped = 0;
        for (Element suite : suites) {
            assertThat(suite.getTagName()).isEqualTo("testsuite");
            for (String required : List.of("name", "tests", "errors", "skipped", "failures")) {
                assertThat(suite.hasAttribute(required)).as("testsuite@%s", required).isTrue();
            }
            NodeList cases = suite.getElementsByTagName("testcase");
            assertThat(Integer.parseInt(suite.getAttribute("tests"))).isEqualTo(cases.getLength());
            assertThat(Integer.parseInt(suite.getAttribute("failures"))).isEqualTo(suite.getElementsByTagName("failure").getLength());
            assertThat(Integer.parseInt(suite.getAttribute("skipped"))).isEqualTo(suite.getElementsByTagName("skipped").getLength());
            for (int i = 0; i < cases.getLength(); i++) {
                Element testcase = (Element) cases.item(i);
                assertThat(testcase.getAttribute("time")).as("Surefire's time format").matches("[0-9]*(\\.[0-9]{0,3})?");
                assertThat(testcase.getAttribute("classname")).isEqualTo(suite.getAttribute("name"));
            }
            NodeList failed = suite.getElementsByTagName("failure");
            for (int i = 0; i < failed.getLength(); i++) {
                assertThat(((Element) failed.item(i)).getAttribute("type")).isNotEmpty();
            }
            failures += failed.getLength();
            skipped += suite.getElementsByTagName("skipped").getLength();
        }
        assertThat(failures).isEqualTo(2);
        assertThat(skipped).isEqualTo(1);
        String http = Files.readString(out.resolve("junit/TEST-ipc.grader.suites.BareHttpServerTest.xml"));
        assertThat(http).as("a control byte becomes U+FFFD, escapes stay visible").contains("\uFFFD").contains("\\r\\n");
    }

    @Test
    @DisplayName("report.md: a table per exercise, then each failure in a code block that shows \\r\\n and cannot be closed early")
    void markdown() {
        String markdown = MarkdownReport.render(REPORT);

        assertThat(markdown).startsWith("## sockgrader: 2 / 7 points");
        assertThat(markdown).contains("#### http: 2 / 5", "| ❌ | ends header lines with CRLF | 0 / 3 |",
                "serves the page \\| with a bar", "#### fifo: not counted", "grader/pom.xml");
        assertThat(markdown).contains("````text\nBareHttpServer ended the status line with \"\\n\", not \"\\r\\n\"\n",
                "it printed: ```not a fence``` and a NUL \\u0000 byte\n````");
        assertThat(markdown).as("control characters are shown as escapes").doesNotContain("\u0000");
        assertThat(markdown).contains("\\r\\n\\r\\n");
        assertThat(markdown).doesNotContain("secret details").contains("echoes uneven pieces *(hidden)*");
    }

    @Test
    @DisplayName("report.md stays under a pull-request comment's size, however many long failures there are")
    void markdownFitsAComment() {
        List<CheckResult> many = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(check("chat", "ChatServerTest#c" + i, "check " + i, 1, Status.FAILED, "x".repeat(10_000), Visibility.VISIBLE));
        }
        String markdown = MarkdownReport.render(new GradeReport("carol", many, Duration.ofSeconds(3)));

        assertThat(markdown.length()).isLessThanOrEqualTo(MarkdownReport.BUDGET + 500);
        assertThat(markdown).contains("more failed checks are listed in the tables above");
    }

    /** Writes the reports, reads {@code file} back and checks it against its schema. */
    private static JsonNode writtenAndValid(Path out, String file, String schemaFile) throws IOException {
        ReportFiles.write(REPORT, "", out);
        JsonNode document = JSON.readTree(out.resolve(file).toFile());
        assertThat(errors(schemaFile, document)).as("%s checked against %s", file, schemaFile).isEmpty();
        return document;
    }

    private static List<String> errors(String schemaFile, JsonNode document) {
        try (InputStream schema = ReportFilesTest.class.getResourceAsStream("/formats/" + schemaFile)) {
            Schema compiled = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
            return compiled.validate(document).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Stream<JsonNode> tests(JsonNode root) {
        return StreamSupport.stream(root.get("tests").spliterator(), false);
    }
}
