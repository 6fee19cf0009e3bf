package ipc.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.Fixtures;
import ipc.grader.process.JavaLaunch;
import ipc.grader.process.ProgramArguments;
import ipc.grader.process.ProgramLaunch;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {

    @Test
    @DisplayName("a file that does not compile costs only the programs that use it, with javac's message in the student's file names")
    void brokenFileCostsOnlyItsProgram() {
        try (Submission submission = Fixtures.submission()) {
            assertThat(submission.launch("ipc.fixture.Exits")).isInstanceOf(JavaLaunch.class);
            assertThat(submission.launch("ipc.fixture.UsesHelper")).isInstanceOf(JavaLaunch.class);
            assertThatThrownBy(() -> submission.launch("ipc.fixture.Broken"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Broken does not compile: ipc/fixture/Broken.java:6: error: ';' expected")
                    .hasMessageNotContaining(System.getProperty("java.io.tmpdir") + "/sockgrader-");
        }
    }

    @Test
    @DisplayName("a grading of some exercises compiles their packages in one javac run, what they use with them, and nothing else")
    void compilesTheGradedPackagesTogether(@TempDir Path folder) throws Exception {
        SourceRootTest.write(folder, "ipc/a/Main.java", "package ipc.a; public class Main { public static void main(String[] args) { ipc.b.Helper.help(); } }");
        SourceRootTest.write(folder, "ipc/b/Helper.java", "package ipc.b; public class Helper { public static void help() {} }");
        SourceRootTest.write(folder, "ipc/c/Broken.java", "package ipc.c; public class Broken { int x = }");
        SourceRootTest.write(folder, "ipc/d/Other.java", "package ipc.d; public class Other { public static void main(String[] args) {} }");
        try (Submission submission = Submission.open(folder, Map.of()).compileInBackground(Set.of("ipc.a"))) {
            Path classes = Path.of(submission.launch("ipc.a.Main").command(ProgramArguments.of()).get(2));
            assertThat(classes.getFileName()).as("the folder of the one run for the packages together").hasToString("all");
            assertThat(classes.resolve("ipc/a/Main.class")).exists();
            assertThat(classes.resolve("ipc/b/Helper.class")).exists();
            assertThat(classes.resolve("ipc/c")).doesNotExist();
            assertThat(classes.resolve("ipc/d")).doesNotExist();
            Path other = Path.of(submission.launch("ipc.d.Other").command(ProgramArguments.of()).get(2));
            assertThat(other.resolve("ipc/d/Other.class")).as("a program of another package, compiled on its own").exists();
        }
        try (Submission whole = Submission.open(folder, Map.of()).compileInBackground(Set.of())) {
            Path classes = Path.of(whole.launch("ipc.a.Main").command(ProgramArguments.of()).get(2));
            assertThat(classes.getFileName()).as("every source together fails on Broken: Main on its own").hasToString("ipc.a.Main");
        }
    }

    @Test
    @DisplayName("every check that needs a broken program gets the compiler's message, not just the first")
    void compileFailureIsReportedToEveryCaller() {
        try (Submission submission = Fixtures.submission()) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> submission.launch("ipc.fixture.Broken")).hasMessageContaining("does not compile");
            }
        }
    }

    @Test
    @DisplayName("a missing main class is named with the path the student must create")
    void missingMainClass() {
        try (Submission submission = Fixtures.submission()) {
            assertThatThrownBy(() -> submission.launch("ipc.echo.EchoServer"))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Your submission has no ipc/echo/EchoServer.java");
        }
    }

    @Test
    @DisplayName("a compiled main class launches as java -cp <its classes> <main class> <arguments>")
    void javaLaunchCommand() {
        try (Submission submission = Fixtures.submission()) {
            List<String> command = submission.launch("ipc.fixture.Exits").command(ProgramArguments.of(3));
            assertThat(command.get(0)).endsWith("java");
            assertThat(command).containsSubsequence("-cp", "ipc.fixture.Exits", "3");
            assertThat(Path.of(command.get(2)).resolve("ipc/fixture/Exits.class")).exists();
        }
    }

    @Test
    @DisplayName("a command template replaces its main class and runs in the submission's folder")
    void commandTemplate() {
        try (Submission submission = Submission.open(Fixtures.root(), Map.of("ipc.fixture.Exits", "python3 exits.py {port}"))) {
            ProgramLaunch launch = submission.launch("ipc.fixture.Exits");
            assertThat(launch.command(ProgramArguments.forServer(4000))).containsExactly("python3", "exits.py", "4000");
            assertThat(launch.directory()).contains(Fixtures.root());
        }
    }

    @Test
    @DisplayName("only the exercise sources are taken: no other files, and no links to files elsewhere")
    void takesOnlyJavaSources(@TempDir Path folder) throws Exception {
        Path sources = folder.resolve("ipc/demo");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Main.java"), "package ipc.demo; public class Main { public static void main(String[] a) {} }");
        Files.writeString(sources.resolve("notes.txt"), "not a source");
        Path secret = Files.writeString(folder.resolve("Secret.java"), "package ipc.demo; class Secret {}");
        Files.createSymbolicLink(sources.resolve("Secret.java"), secret);
        try (Submission submission = Submission.open(folder, Map.of())) {
            Path classes = Path.of(submission.launch("ipc.demo.Main").command(ProgramArguments.of()).get(2));
            Path copied = classes.getParent().getParent().resolve("src/ipc/demo");
            try (var files = Files.list(copied)) {
                assertThat(files.map(file -> file.getFileName().toString())).containsExactly("Main.java");
            }
        }
    }

    @Test
    @DisplayName("closing the submission deletes its copy and its classes")
    void closeDeletesTheWorkspace() {
        Path classes;
        try (Submission submission = Fixtures.submission()) {
            classes = Path.of(submission.launch("ipc.fixture.Exits").command(ProgramArguments.of()).get(2));
            assertThat(classes).isDirectory();
        }
        assertThat(classes.getParent().getParent()).doesNotExist();
    }

    @Test
    @DisplayName("closing while the background compiler runs waits for it, so no half-written classes folder is left")
    void closeDuringBackgroundCompileLeavesNothing() throws Exception {
        for (int round = 0; round < 5; round++) {
            Path workspace;
            try (Submission submission = Fixtures.submission().compileInBackground(Set.of())) {
                workspace = submission.newScratchFolder().getParent();
            }
            awaitCompilerGone();
            assertThat(workspace).as("workspace after close, round %d", round).doesNotExist();
        }
    }

    @Test
    @DisplayName("where the temp folder's path is long (macOS's, in a batch), scratch folders have room for a Unix domain socket")
    void scratchFoldersHaveRoomForASocket(@TempDir Path temp) throws Exception {
        // As long as macOS's temp folder with a batch's grader JVM folder in it: 73 bytes. A socket in a
        // scratch folder inside the workspace would take 116, past Linux's 107 too.
        Path longTemp = Files.createDirectories(temp.resolve("t".repeat(Math.max(1, 72 - temp.toString().length()))));
        Path scratch;
        try (Submission submission = Submission.open(Fixtures.root(), Map.of(), longTemp)) {
            scratch = submission.newScratchFolder();
            Path socket = scratch.resolve("echo.sock");
            assertThat(socket.toString().length()).as("bytes of %s", socket).isLessThanOrEqualTo(Submission.SOCKET_PATH_BYTES);
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
            }
            Path second = submission.newScratchFolder();
            submission.deleteScratchFolder(second);
            assertThat(second).doesNotExist();
        }
        assertThat(scratch).as("a scratch folder left to the submission's close").doesNotExist();
        try (var left = Files.list(longTemp)) {
            assertThat(left).as("left in the temp folder").isEmpty();
        }
    }

    private static void awaitCompilerGone() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("sockgrader-compiler")) {
                thread.join(30_000);
            }
        }
    }
}
