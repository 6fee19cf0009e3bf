package ipc.echo;

/**
 * Exercise {@code threaded-echo}. See {@code exercises/threaded-echo/README.md}.
 *
 * <p>Usage: {@code java ipc.echo.ThreadedEchoServer <port>}
 */
public final class ThreadedEchoServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);

        // TODO: bind a ServerSocket to 127.0.0.1:port.
        // TODO: forever: accept a client and hand it to a new thread that echoes its bytes until it
        //       closes its side; the main thread goes straight back to accept().
        // TODO: a client that resets its connection must not stop the server or the other clients.
        System.out.println("TODO: ThreadedEchoServer is not written yet (port " + port + ")");
    }
}
