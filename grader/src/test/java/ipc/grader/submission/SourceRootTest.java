package ipc.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceRootTest {

    @Test
    @DisplayName("a folder holding ipc/ is its own source root")
    void folderWithIpc(@TempDir Path folder) throws IOException {
        source(folder, "ipc/echo/EchoServer.java");
        assertThat(SourceRoot.find(folder)).isEqualTo(folder.toAbsolutePath());
    }

    @Test
    @DisplayName("a student repository is searched down to src/main/java, past tests, build output and hidden folders")
    void studentRepository(@TempDir Path repo) throws IOException {
        source(repo, "student-skeletons/src/main/java/ipc/echo/EchoServer.java");
        source(repo, "student-skeletons/src/test/java/ipc/echo/EchoServerTest.java");
        source(repo, "student-skeletons/target/generated/ipc/echo/EchoServer.java");
        source(repo, ".git/ipc/x/Y.java");
        source(repo, "grader/src/main/java/ipc/grader/Z.java");
        assertThat(SourceRoot.find(repo)).isEqualTo(repo.resolve("student-skeletons/src/main/java").toAbsolutePath());
    }

    @Test
    @DisplayName("two source trees are ambiguous, and the message lists both")
    void ambiguous(@TempDir Path folder) throws IOException {
        source(folder, "a/ipc/echo/EchoServer.java");
        source(folder, "b/ipc/echo/EchoServer.java");
        assertThatThrownBy(() -> SourceRoot.find(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than one source tree").hasMessageContaining("a").hasMessageContaining("b");
    }

    @Test
    @DisplayName("a folder without exercise sources is refused, saying what was expected")
    void nothingToGrade(@TempDir Path folder) throws IOException {
        source(folder, "src/Main.java");
        assertThatThrownBy(() -> SourceRoot.find(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no exercise sources").hasMessageContaining("ipc/");
        assertThatThrownBy(() -> SourceRoot.find(folder.resolve("missing"))).hasMessageContaining("not a folder");
    }

    @Test
    @DisplayName("loose files uploaded at any depth are found by their package declaration, each at its package's path")
    void looseSources(@TempDir Path folder) throws IOException {
        write(folder, "EchoServer.java", "// mine\npackage ipc.echo;\n\npublic class EchoServer {}\n");
        write(folder, "week3/deep/ChatServer.java", "package ipc.chat;\nclass ChatServer {}\n");
        write(folder, "Notes.java", "class Notes {} // no package: not an exercise's\n");
        write(folder, "Tool.java", "package ipc.grader.junit;\nclass Tool {}\n");
        write(folder, "target/ipc/echo/Old.java", "package ipc.echo;\nclass Old {}\n");
        assertThat(SourceRoot.looseSources(folder)).containsOnlyKeys("ipc/echo/EchoServer.java", "ipc/chat/ChatServer.java")
                .containsEntry("ipc/chat/ChatServer.java", folder.resolve("week3/deep/ChatServer.java"));
        assertThat(SourceRoot.locate(folder)).as("an ipc/ tree").isEmpty();
    }

    @Test
    @DisplayName("two loose files that claim one class are refused, naming both")
    void looseSourcesThatClash(@TempDir Path folder) throws IOException {
        write(folder, "a/EchoServer.java", "package ipc.echo;\nclass EchoServer {}\n");
        write(folder, "b/EchoServer.java", "package ipc.echo;\nclass EchoServer {}\n");
        assertThatThrownBy(() -> SourceRoot.looseSources(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ipc.echo.EchoServer").hasMessageContaining("a/EchoServer.java")
                .hasMessageContaining("b/EchoServer.java");
    }

    /** Writes {@code text} to {@code relative} under {@code root}, making its folders. */
    static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void source(Path root, String relative) throws IOException {
        write(root, relative, "// source");
    }
}
