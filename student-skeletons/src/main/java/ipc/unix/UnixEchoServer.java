package ipc.unix;

/**
 * Exercise {@code unix-echo}. See {@code exercises/unix-echo/README.md}.
 *
 * <p>Usage: {@code java ipc.unix.UnixEchoServer <socket-path>}
 */
public final class UnixEchoServer {

    public static void main(String[] args) throws Exception {
        String path = args[0];

        // TODO: if something is at path: a socket nobody accepts on (a dead server's) is removed;
        //       a live server's socket, or any other file, is left alone: say why on stderr, exit 1.
        // TODO: bind a ServerSocketChannel.open(StandardProtocolFamily.UNIX) to UnixDomainSocketAddress.of(path),
        //       then make the socket file's mode 0600 (owner only), whatever the umask.
        // TODO: remove the socket file when the server is stopped (a shutdown hook runs on SIGTERM).
        // TODO: forever: accept a client and echo its bytes in a thread of its own, until it closes its side.
        System.out.println("TODO: UnixEchoServer is not written yet (path " + path + ")");
    }
}
