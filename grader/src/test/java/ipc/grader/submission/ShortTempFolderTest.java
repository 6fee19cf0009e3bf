package ipc.grader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ShortTempFolderTest {

    @Test
    @DisplayName("a new folder is named by its prefix and 8 letters or digits, a new name each time")
    void shortNewNames(@TempDir Path parent) throws Exception {
        Path first = ShortTempFolder.create(parent, "run-");
        Path second = ShortTempFolder.create(parent, "run-");
        assertThat(first.getFileName().toString()).matches("run-[a-z0-9]{8}");
        assertThat(first).isDirectory().isNotEqualTo(second);
        assertThat(second).isDirectory();
    }

    @Test
    @DisplayName("a check's socket path in a batch's nested folders fits macOS's 103 bytes after its 49-byte temp folder")
    void roomForASocketPath(@TempDir Path parent) throws Exception {
        Path scratch = ShortTempFolder.create(ShortTempFolder.create(parent, "sockgrader-"), "run-");
        int pastTemp = parent.relativize(scratch.resolve("echo.sock")).toString().length() + 1;
        assertThat(49 + pastTemp).isLessThanOrEqualTo(103);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "POSIX permissions")
    @DisplayName("only its owner may read it, as with Files.createTempDirectory")
    void ownerOnly(@TempDir Path parent) throws Exception {
        Path folder = ShortTempFolder.create(parent, "sockgrader-");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
    }
}
