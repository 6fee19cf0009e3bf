package ipc.echo;

/**
 * Exercise {@code echo}. See {@code exercises/echo/README.md}.
 *
 * <p>Usage: {@code java ipc.echo.EchoServer <port>}
 */
public final class EchoServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: bind a ServerSocket to 127.0.0.1:port and accept one client.
        // TODO: send back every byte the client sends, unchanged, until the client closes its side
        //       (read returns -1).
        // TODO: then close the connection and exit.
        System.out.println("TODO: EchoServer is not written yet (port " + port + ")");
    }
}
