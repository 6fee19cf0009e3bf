package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import ipc.grader.batch.BatchRun;
import ipc.grader.batch.ClassOutputs;
import ipc.grader.batch.Shard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade batch} over a small class, graded for real (the echo exercise only, to keep it
 * short): the reference, the skeletons, a folder with no sources and a file that does not compile.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BatchGradingTest {

    private static final List<String> ECHO = List.of("--exercise", "echo");

    @TempDir
    static Path temp;
    private static Path submissions;
    /** The first test's batch, whose class report the second renders. */
    private static Path graded;

    @BeforeAll
    static void aClass() throws IOException {
        submissions = temp.resolve("submissions");
        copy(Repository.REFERENCE, submissions.resolve("alice/src/main/java"));
        copy(Repository.SKELETONS.resolve("src/main/java"), submissions.resolve("bob/src/main/java"));
        Files.createDirectories(submissions.resolve("carol/notes"));
        copy(Repository.REFERENCE, submissions.resolve("eve"));
        Files.writeString(submissions.resolve("eve/ipc/echo/EchoServer.java"), "package ipc.echo; class EchoServer { int x = ; }");
    }

    @Test
    @Order(1)
    @DisplayName("a batch writes a gradebook row per student, with the reason where a grading could not score")
    void gradebook() throws Exception {
        Path out = temp.resolve("whole");
        String log = batch(BatchRun.of(submissions, out));
        graded = out;

        assertThat(log).contains("Grading 4 submissions", "alice: graded", "carol: no sources");
        List<String> rows = Files.readAllLines(out.resolve(ClassOutputs.GRADEBOOK));
        assertThat(rows.get(0)).isEqualTo("student,echo,total,max,outcome,reason");
        assertThat(rows.get(1)).matches("alice,(\\d+),\\1,\\1,graded,");
        assertThat(rows.get(2)).matches("bob,0,0,\\d+,graded,");
        assertThat(rows.get(3)).startsWith("carol,,0,,no sources,");
        assertThat(rows.get(4)).matches("eve,0,0,\\d+,graded,");
        assertThat(Files.readString(out.resolve("students/eve/results.json"))).as("eve's report").contains("EchoServer.java");
        for (String file : List.of("results.json", "report.md", "classroom-result.json", "batch.json")) {
            assertThat(out.resolve("students/alice").resolve(file)).isRegularFile();
        }
        assertThat(Files.readString(out.resolve(ClassOutputs.HTML))).contains("<svg", "<table id=\"ranking\">");
        assertThat(Files.readString(out.resolve(ClassOutputs.MARKDOWN))).contains("4 submissions, 3 graded to the end, 1 no sources");
    }

    @Test
    @Order(2)
    @DisplayName("the class report renders in headless Chromium: a histogram per exercise and the checks ranked, most failed first")
    void classReportInABrowser() throws Exception {
        assertThat(graded).as("the class graded by the first test").isNotNull();
        String page = graded.resolve(ClassOutputs.HTML).toUri().toString();

        String dom = HostTools.chromium(page, "--dump-dom");
        assertThat(dom).as("the page as Chromium rendered it").contains("<svg class=\"histogram\"", "<rect class=\"bar\"",
                "<figcaption>echo, % of its points</figcaption>", "<table id=\"ranking\">");
        int checks = new ObjectMapper().readTree(graded.resolve("students/alice/results.json").toFile()).path("tests").size();
        assertThat(dom.split("<tr>", -1).length - 2).as("ranked checks (rows below the header)").isEqualTo(checks).isPositive();

        // The screenshot README.md shows (.github/images/class-report.png) is a copy of this one.
        Path png = Repository.MODULE.resolve("target/class-report.png");
        Files.deleteIfExists(png);
        HostTools.chromium(page, "--screenshot=" + png, "--window-size=1000,1300", "--hide-scrollbars");
        assertThat(png).isRegularFile();
        assertThat(Files.readAllBytes(png)).as("a PNG image").startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    @DisplayName("a rerun keeps the submissions it graded before, unless their sources changed")
    void rerunSkipsUnchanged() throws Exception {
        Path source = temp.resolve("rerun-submissions");
        copy(submissions.resolve("alice"), source.resolve("alice"));
        copy(submissions.resolve("bob"), source.resolve("bob"));
        Path out = temp.resolve("rerun");
        batch(BatchRun.of(source, out));
        String gradebook = Files.readString(out.resolve(ClassOutputs.GRADEBOOK));

        assertThat(batch(BatchRun.of(source, out))).contains("Grading 0 submissions (2 more unchanged");
        assertThat(Files.readString(out.resolve(ClassOutputs.GRADEBOOK))).isEqualTo(gradebook);

        Path bobsServer = source.resolve("bob/src/main/java/ipc/echo/EchoServer.java");
        Files.writeString(bobsServer, Files.readString(bobsServer) + "\n// changed\n");
        assertThat(batch(BatchRun.of(source, out))).contains("Grading 1 submissions (1 more unchanged", "bob: graded");
    }

    @Test
    @Order(3)
    @DisplayName("shards 1/2 and 2/2, merged, give the same gradebook as one batch over the class")
    void shardsMerge() throws Exception {
        assertThat(graded).as("the class graded by the first test").isNotNull();
        Path whole = graded;
        Path first = temp.resolve("shard-1");
        Path second = temp.resolve("shard-2");
        assertThat(batch(BatchRun.of(submissions, first).shard(Shard.parse("1/2")))).contains("Grading 2 submissions");
        assertThat(batch(BatchRun.of(submissions, second).shard(Shard.parse("2/2")))).contains("Grading 2 submissions");

        Path merged = temp.resolve("merged");
        assertThat(ClassOutputs.merge(List.of(first, second), merged)).isEqualTo(4);

        assertThat(Files.readString(merged.resolve(ClassOutputs.GRADEBOOK)))
                .isEqualTo(Files.readString(whole.resolve(ClassOutputs.GRADEBOOK)));
        assertThat(merged.resolve("students/eve/report.md")).isRegularFile();
    }

    @Test
    @DisplayName("a grading past its time limit is stopped, with its processes, and gets a row that says so")
    void timeLimit() throws Exception {
        Path source = temp.resolve("slow-submissions");
        copy(submissions.resolve("alice"), source.resolve("alice"));
        Path out = temp.resolve("slow");
        String log = batch(BatchRun.of(source, out).timeLimit(Duration.ofMillis(300)));

        assertThat(log).contains("alice: timed out");
        assertThat(Files.readAllLines(out.resolve(ClassOutputs.GRADEBOOK)).get(1))
                .isEqualTo("alice,0,,timed out,\"grading took longer than the limit of 300 ms, and was stopped; see grade.log\"");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse("")))
                .as("processes left running").noneMatch(command -> command.contains(source.toString()));
    }

    private static String batch(BatchRun run) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream console = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            run.gradeArguments(ECHO).run(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
