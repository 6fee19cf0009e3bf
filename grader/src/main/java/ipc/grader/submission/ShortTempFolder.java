package ipc.grader.submission;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A new temp folder with a short name: a prefix and 8 random letters or digits, made by this call
 * alone (an existing name is never reused) and, where the system has POSIX permissions, readable by
 * its owner only, as {@code Files.createTempDirectory} makes it.
 *
 * <p>Why not {@code createTempDirectory}: its names end in up to 20 digits, and the grader nests three
 * such folders (a batch's grader JVM, the submission's workspace, a check's scratch folder). A Unix
 * domain socket's path has room for 107 bytes on Linux and 103 on macOS, and
 * {@code /tmp/sockgrader-jvm-17818432364556024350/sockgrader-12716857928521758921/run-14434760459246325873/echo.sock}
 * is 107: the reference unix-echo server failed with "Unix domain path too long" in batch gradings
 * whose three numbers all had 20 digits. macOS's temp folder alone ({@code /var/folders/xx/.../T/})
 * takes about 49, which with two such names left no room at all. With these names a check's socket
 * is {@code <temp>/sockgrader-xxxxxxxx/run-xxxxxxxx/echo.sock}: 42 bytes past the temp folder. In a
 * batch's grader JVM on macOS that is still about 115, so there {@link Submission#newScratchFolder()}
 * puts the scratch folder beside the workspace.
 */
public final class ShortTempFolder {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_LETTERS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private ShortTempFolder() {
    }

    /** A new folder {@code <prefix><8 letters>} in the system's temp folder ({@code java.io.tmpdir}, a fact of the JVM). */
    public static Path create(String prefix) throws IOException {
        return create(systemTempFolder(), prefix);
    }

    /** The system's temp folder ({@code java.io.tmpdir}). */
    static Path systemTempFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** A new folder {@code <prefix><8 letters>} in {@code parent}. */
    public static Path create(Path parent, String prefix) throws IOException {
        FileAttribute<?>[] ownerOnly = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        for (int attempt = 0; ; attempt++) {
            StringBuilder name = new StringBuilder(prefix);
            for (int i = 0; i < RANDOM_LETTERS; i++) {
                name.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            }
            try {
                return Files.createDirectory(parent.resolve(name.toString()), ownerOnly);
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 100) {
                    throw taken;
                }
            }
        }
    }
}
