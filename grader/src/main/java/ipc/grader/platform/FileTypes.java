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
 * What kind of file is at a path, read from the file system without following links: a named pipe
 * and a Unix domain socket are files of their own types, which tell them from a regular file (or a
 * socket from a TCP port in disguise).
 */
public final class FileTypes {

    /** The file-type bits of a Unix mode, and the values for a socket and a FIFO (S_IFMT, S_IFSOCK, S_IFIFO). */
    private static final int TYPE_BITS = 0170000;
    private static final int SOCKET = 0140000;
    private static final int FIFO = 0010000;
    /** Nothing there, or unreadable. */
    private static final int NONE = 0;
    /**
     * A special file on a system without the unix view (Windows): only "other" is known there. It is
     * taken for whichever special file a check expects, a socket file or a named pipe, the only kinds
     * a program there can make.
     */
    private static final int OTHER = -1;

    private FileTypes() {
    }

    /** Whether a socket file is at {@code path}. */
    public static boolean isSocket(Path path) {
        int type = type(path);
        return type == SOCKET || type == OTHER;
    }

    /** Whether a named pipe (FIFO) is at {@code path}. */
    public static boolean isNamedPipe(Path path) {
        int type = type(path);
        return type == FIFO || type == OTHER;
    }

    /** What is at {@code path}, for a message: "nothing", "a socket file", "a regular file of 7 bytes", ... */
    public static String describe(Path path) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return "nothing";
        }
        if (attributes.isRegularFile()) {
            return "a regular file of " + attributes.size() + " bytes";
        }
        if (attributes.isDirectory()) {
            return "a directory";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        return switch (type(path)) {
            case SOCKET -> "a socket file";
            case FIFO -> "a named pipe (FIFO)";
            case OTHER -> "a special file (a socket file or a named pipe)";
            default -> "a special file";
        };
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

    private static int type(Path path) {
        try {
            return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & TYPE_BITS;
        } catch (IOException e) {
            return NONE;
        } catch (UnsupportedOperationException e) {
            try {
                return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther() ? OTHER : NONE;
            } catch (IOException gone) {
                return NONE;
            }
        }
    }
}
