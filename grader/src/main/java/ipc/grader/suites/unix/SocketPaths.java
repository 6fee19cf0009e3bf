package ipc.grader.suites.unix;

import ipc.grader.junit.Lab;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

/** Paths for the server's socket file, and the leftovers a check puts there first. */
final class SocketPaths {

    private SocketPaths() {
    }

    /**
     * A path for the socket file in the lab's folder, which the lab deletes. A short name: a socket
     * path may hold only about 100 bytes on every system.
     */
    static Path in(Lab lab) {
        return lab.folder().resolve("echo.sock").toAbsolutePath();
    }

    /**
     * Leaves at {@code path} what a server that died leaves: a socket file nobody accepts on. The
     * grader binds it, then closes its channel without deleting the file, as a crash does.
     */
    static void leaveStale(Path path) {
        try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            dead.bind(UnixDomainSocketAddress.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("the grader could not leave a stale socket file at " + path, e);
        }
    }
}
