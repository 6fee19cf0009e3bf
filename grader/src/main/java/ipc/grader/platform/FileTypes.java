package ipc.grader.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of file is at a path, read from the file system without following links: a Unix
 * domain socket is a file of its own type, which tells a socket with a path from a regular file
 * or a TCP port in disguise.
 */
public final class FileTypes {

    private static final int TYPE_BITS = 0170000;
    private static final int SOCKET = 0140000;
    private static final int FIFO = 0010000;

    private FileTypes() {
    }

    /** Whether a socket file is at {@code path}. */
    public static boolean isSocket(Path path) {
        return type(path).map(type -> type == SOCKET).orElse(false);
    }

    /** What is at {@code path}, for a message: "nothing", "a socket file", "a regular file of 7 bytes", ... */
    public static String describe(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return "nothing";
        }
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a folder";
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return "a regular file of " + Files.size(path) + " bytes";
            } catch (IOException e) {
                return "a regular file";
            }
        }
        Optional<Integer> type = type(path);
        if (type.isEmpty()) {
            return "a special file"; // no unix view (Windows): a socket file shows as "other"
        }
        return type.get() == SOCKET ? "a socket file" : type.get() == FIFO ? "a named pipe" : "a special file";
    }

    /**
     * What tells the file now at {@code path} from another one made there later (its inode where
     * the system has one, and its times: a new file may get the inode of one just deleted), or
     * empty when nothing is there.
     */
    public static Optional<Object> identity(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return Optional.of(Arrays.asList(attributes.fileKey(), attributes.creationTime(), attributes.lastModifiedTime()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The permissions of the file at {@code path} ({@code rw-------}), where the system has them. */
    public static Optional<String> permissions(Path path) {
        try {
            return Optional.of(PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> type(Path path) {
        try {
            if (!Files.getFileStore(path.toAbsolutePath().getParent()).supportsFileAttributeView("unix")) {
                // Windows: only "other" is known, which a socket file is.
                return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()
                        ? Optional.of(SOCKET) : Optional.of(0);
            }
            return Optional.of((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_BITS);
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
