package ipc.echo;

/**
 * Exercise {@code sequential-echo}. See {@code exercises/sequential-echo/README.md}.
 *
 * <p>Usage: {@code java ipc.echo.SequentialEchoServer <port>}
 */
public final class SequentialEchoServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: bind a ServerSocket to 127.0.0.1:port.
        // TODO: forever: accept a client, echo its bytes until it closes its side, close, accept the next.
        // TODO: a client that resets its connection must not stop the server.
        System.out.println("TODO: SequentialEchoServer is not written yet (port " + port + ")");
    }
}
