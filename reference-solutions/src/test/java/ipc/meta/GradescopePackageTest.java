package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import ipc.grader.export.GradescopePackage;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./grade export-gradescope}: the package is unpacked as Gradescope lays out {@code /autograder}
 * (the zip in {@code <root>/source}, {@code run_autograder} copied to {@code <root>}, the submission in
 * {@code <root>/submission}) and run with {@code AUTOGRADER_ROOT=<root>} on four submissions.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Gradescope's images are Ubuntu: the package's scripts are bash")
class GradescopePackageTest {

    private static final Path JAR = Repository.ROOT.resolve("grader/target/sockgrader.jar");
    private static final Path SCHEMA = Repository.ROOT.resolve("grader/src/test/resources/formats/gradescope-results.schema.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path temp;
    private static Path zip;

    @BeforeAll
    static void export() throws Exception {
        zip = temp.resolve("autograder.zip");
        String printed = HostTools.runToEnd(new ProcessBuilder(javaCommand(), "-jar", JAR.toString(), "export-gradescope",
                zip.toString(), "--time-scale", "2").directory(Repository.ROOT.toFile()), 60);
        assertThat(printed).contains("Wrote the Gradescope autograder package");
    }

    @Test
    @DisplayName("the package holds the two scripts, executable, and the grader jar; no line of the reference, a mutant or a meta-test")
    void holdsNothingOfTheInstructorsButTheSuites() throws Exception {
        List<String> entries = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        Set<String> secrets = SecretLines.codeOnly(SecretLines.ofTheInstructor());
        try (ZipFile file = new ZipFile(zip.toFile())) {
            file.stream().forEach(entry -> entries.add(entry.getName()));
        }
        assertThat(entries).containsExactlyInAnyOrderElementsOf(GradescopePackage.FILES);
        Path unpacked = unpack(temp.resolve("inspect"));
        for (String script : List.of("setup.sh", "run_autograder")) {
            assertThat(Files.getPosixFilePermissions(unpacked.resolve(script))).as(script).contains(PosixFilePermission.OWNER_EXECUTE);
            Files.readString(unpacked.resolve(script)).lines().map(String::strip).filter(secrets::contains)
                    .forEach(line -> leaks.add(script + ": " + line));
        }
        try (ZipFile jar = new ZipFile(unpacked.resolve("sockgrader.jar").toFile())) {
            jar.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("ipc/") && !name.startsWith("ipc/grader/") && !name.equals("ipc/")
                            || name.startsWith("ipc/meta") || name.endsWith(".mutant") || name.contains("mutants/"))
                    .forEach(name -> leaks.add("sockgrader.jar: " + name));
            assertThat(jar.getEntry("ipc/grader/suites/echo/EchoHiddenTest.class")).as("the hidden suites, graded there").isNotNull();
        }
        assertThat(leaks).as("what only the reference, a mutant or a meta-test has").isEmpty();
        assertThat(Files.readString(unpacked.resolve("run_autograder"))).contains("time_scale=\"2.0\"");
    }

    @Test
    @DisplayName("the reference sources, pushed as a student repository, get full marks, hidden checks after the due date")
    void referenceGetsFullMarks() throws Exception {
        Path root = autograderRoot("reference", submission -> copyTree(Repository.REFERENCE.resolve("ipc"),
                submission.resolve("student-skeletons/src/main/java/ipc")));
        JsonNode results = resultsAfterRunning(root);
        assertThat(tests(results)).isNotEmpty().allSatisfy(test -> assertThat(test.get("status").asText()).isEqualTo("passed"));
        double max = tests(results).mapToDouble(test -> test.get("max_score").asDouble()).sum();
        assertThat(results.get("score").asDouble()).isEqualTo(max);
        assertThat(tests(results).filter(test -> "after_due_date".equals(test.path("visibility").asText())))
                .as("checks of the hidden suites, shown to students after the due date").isNotEmpty();
        assertThat(tests(results).filter(test -> !"after_due_date".equals(test.path("visibility").asText())))
                .as("the public checks").isNotEmpty();
    }

    @Test
    @DisplayName("loose .java files uploaded at any depth are graded by their package")
    void looseFilesAreGraded() throws Exception {
        Path root = autograderRoot("loose", submission -> {
            Files.copy(Repository.REFERENCE.resolve("ipc/echo/EchoServer.java"), submission.resolve("EchoServer.java"));
            Path deep = Files.createDirectories(submission.resolve("my files/tcp"));
            for (String name : List.of("TcpPongServer.java", "TcpPingClient.java")) {
                Files.copy(Repository.REFERENCE.resolve("ipc/tcp/" + name), deep.resolve(name));
            }
        });
        JsonNode results = resultsAfterRunning(root);
        assertThat(tests(results).filter(test -> test.get("name").asText().startsWith("echo:")
                || test.get("name").asText().startsWith("tcp-ping-pong:")))
                .isNotEmpty().allSatisfy(test -> assertThat(test.get("status").asText()).as(test.get("name").asText()).isEqualTo("passed"));
        assertThat(tests(results).filter(test -> test.get("name").asText().startsWith("chat:")))
                .isNotEmpty().allSatisfy(test -> assertThat(test.get("output").asText())
                        .containsPattern("has no ipc/chat/Chat(Server|Client)\\.java"));
    }

    @Test
    @DisplayName("a file that does not compile costs its exercise all its points, and the compiler's message is shown")
    void compileErrorIsShown() throws Exception {
        Path root = autograderRoot("broken", submission -> Files.writeString(submission.resolve("EchoServer.java"),
                "package ipc.echo;\npublic class EchoServer {\n    public static void main(String[] args) {\n        int x = \n    }\n}\n"));
        JsonNode results = resultsAfterRunning(root);
        assertThat(tests(results).filter(test -> test.get("name").asText().startsWith("echo:"))).isNotEmpty()
                .allSatisfy(test -> {
                    assertThat(test.get("score").asDouble()).isZero();
                    assertThat(test.get("output").asText()).contains("EchoServer does not compile", "illegal start of expression");
                });
    }

    @Test
    @DisplayName("an empty upload gets a score of 0 and the reason, never no result")
    void emptyUploadGetsZeroWithTheReason() throws Exception {
        JsonNode results = resultsAfterRunning(autograderRoot("empty", submission -> { }));
        assertThat(results.get("score").asDouble()).isZero();
        assertThat(results.get("output").asText()).contains("could not grade", "no exercise sources");
        assertThat(results.get("tests")).isEmpty();
    }

    @Test
    @DisplayName("setup.sh's checks pass where a JDK 17 or newer is installed")
    void setupChecks() throws Exception {
        Path source = unpack(temp.resolve("setup"));
        assertThat(HostTools.runToEnd(new ProcessBuilder("bash", source.resolve("setup.sh").toString(), "--check"), 60))
                .contains("ready to grade");
    }

    private interface Contents {
        void writeInto(Path submission) throws IOException;
    }

    /** A folder laid out as Gradescope lays out /autograder, with the submission {@code contents} writes. */
    private static Path autograderRoot(String name, Contents contents) throws IOException {
        Path root = Files.createDirectories(temp.resolve(name));
        Path source = unpack(root.resolve("source"));
        Files.copy(source.resolve("run_autograder"), root.resolve("run_autograder"));
        contents.writeInto(Files.createDirectories(root.resolve("submission")));
        return root;
    }

    private static JsonNode resultsAfterRunning(Path root) throws Exception {
        ProcessBuilder run = new ProcessBuilder(root.resolve("run_autograder").toString()).directory(root.toFile());
        run.environment().put("AUTOGRADER_ROOT", root.toString());
        String log = HostTools.runToEnd(run, 600);
        Path results = root.resolve("results/results.json");
        assertThat(results).as("results.json; run_autograder printed:%n%s", log).isRegularFile();
        JsonNode document = JSON.readTree(results.toFile());
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.newInputStream(SCHEMA));
        assertThat(schema.validate(document).stream().map(Error::toString).toList()).as("results.json against its schema").isEmpty();
        return document;
    }

    /** The zip unpacked into {@code folder}, its scripts executable as Gradescope leaves them. */
    private static Path unpack(Path folder) throws IOException {
        Files.createDirectories(folder);
        try (FileSystem files = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
            for (String name : GradescopePackage.FILES) {
                Path entry = files.getPath(name);
                Files.copy(entry, folder.resolve(name));
                Files.setPosixFilePermissions(folder.resolve(name), Files.getPosixFilePermissions(entry));
            }
        }
        return folder;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static Stream<JsonNode> tests(JsonNode results) {
        return StreamSupport.stream(results.get("tests").spliterator(), false);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
