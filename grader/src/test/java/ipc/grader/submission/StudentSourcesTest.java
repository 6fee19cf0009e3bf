package ipc.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an IDE run grades when no submission is named: the sources nearest its working folder. */
class StudentSourcesTest {

    @Test
    @DisplayName("from the repository root, or a folder inside it, the skeletons module's sources are found")
    void fromTheRepositoryOrBelow(@TempDir Path repo) throws IOException {
        source(repo, "student-skeletons/src/main/java/ipc/echo/EchoServer.java");
        source(repo, "grader/src/main/java/ipc/grader/junit/Lab.java");
        Path skeletons = repo.resolve("student-skeletons/src/main/java").toAbsolutePath();
        assertThat(StudentSources.near(repo).sources()).isEqualTo(skeletons);
        assertThat(StudentSources.near(repo).how()).contains("student-skeletons module of " + repo.toAbsolutePath());
        // IntelliJ starts a test of a module in that module's folder: here the grader's, which is no submission.
        assertThat(StudentSources.near(repo.resolve("grader")).sources()).isEqualTo(skeletons);
        assertThat(StudentSources.near(repo.resolve("student-skeletons")).sources()).isEqualTo(skeletons);
    }

    @Test
    @DisplayName("a module whose own src/main/java holds exercise sources is graded from its folder")
    void aModuleOfItsOwn(@TempDir Path module) throws IOException {
        source(module, "src/main/java/ipc/tcp/TcpPongServer.java");
        assertThat(StudentSources.near(module).sources()).isEqualTo(module.resolve("src/main/java").toAbsolutePath());
        assertThat(StudentSources.near(module).how()).isEqualTo("the module " + module.toAbsolutePath());
    }

    @Test
    @DisplayName("no sources anywhere up the tree: the message says where it looked and what to set")
    void noneFound(@TempDir Path folder) throws IOException {
        source(folder, "grader/src/main/java/ipc/grader/junit/Lab.java");
        assertThatThrownBy(() -> StudentSources.near(folder.resolve("grader")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(folder.resolve("grader").toAbsolutePath().toString())
                .hasMessageContaining("student-skeletons/src/main/java")
                .hasMessageContaining("-Dsockgrader.submission=");
    }

    private static void source(Path root, String file) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "class X {}");
    }
}
