package ipc.unix;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An echo server on a Unix domain socket: a path in the file system instead of a port. Only the
 * owner may connect (the socket file's mode is 0600); a socket file left by a server that died is
 * reused, a live server's path or any other file is never taken; the file is removed at the end.
 *
 * <p>Usage: {@code java ipc.unix.UnixEchoServer <socket-path>}
 */
public final class UnixEchoServer {

    private UnixEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        String problem = whyNotFree(path);
        if (problem != null) {
            System.err.println("UnixEchoServer: " + problem);
            System.exit(1);
        }
        UnixDomainSocketAddress address = UnixDomainSocketAddress.of(path);
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(address);
            // The mode a bind gives follows the umask: set the owner-only mode right away.
            if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            // A socket file outlives its server unless someone removes it: SIGTERM runs this hook.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(path)));
            System.out.println("UnixEchoServer: listening on " + path);
            while (true) {
                SocketChannel client = server.accept();
                Thread handler = new Thread(() -> serve(client), "unix-echo-client");
                handler.setDaemon(true);
                handler.start();
            }
        }
    }

    /**
     * Null if the server may bind {@code path}: nothing is there, or a socket file that nobody
     * accepts on any more (left by a server that died), which is removed. Otherwise why not.
     */
    private static String whyNotFree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (!isSocket(path)) {
            return path + " exists and is not a socket; not touching it";
        }
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return "another server is listening on " + path;
        } catch (IOException refused) {
            Files.delete(path); // stale: its server is gone
            return null;
        }
    }

    private static boolean isSocket(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("unix")) {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & 0170000) == 0140000; // S_IFSOCK
        }
        // Without the unix view (Windows), a socket file is "other": neither a file, a folder nor a link.
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
    }

    private static void serve(SocketChannel client) {
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try (client) {
            while (client.read(buffer) != -1) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    client.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            System.out.println("UnixEchoServer: a client was lost: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // exiting anyway
        }
    }
}
