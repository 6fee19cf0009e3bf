package ipc.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("deletes a folder with nested folders and files in it")
    void deletesNestedFolders() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("work/a/b"));
        Files.writeString(folder.resolve("deep.txt"), "x");
        Files.writeString(temp.resolve("work/top.txt"), "y");

        FolderTree.delete(temp.resolve("work"));

        assertThat(temp.resolve("work")).doesNotExist();
    }

    @Test
    @DisplayName("deletes a link, never what it points to")
    void doesNotFollowLinks() throws Exception {
        Path outside = Files.writeString(Files.createDirectories(temp.resolve("outside")).resolve("keep.txt"), "z");
        Path work = Files.createDirectories(temp.resolve("work"));
        Files.createSymbolicLink(work.resolve("link"), outside.getParent());

        FolderTree.delete(work);

        assertThat(work).doesNotExist();
        assertThat(outside).hasContent("z");
    }

    @Test
    @DisplayName("a folder that is gone already is fine")
    void missingFolderIsFine() {
        assertThatCode(() -> FolderTree.delete(temp.resolve("never-made"))).doesNotThrowAnyException();
    }
}
