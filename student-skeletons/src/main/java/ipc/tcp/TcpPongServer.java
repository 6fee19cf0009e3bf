package ipc.tcp;

/**
 * Exercise {@code tcp-ping-pong}, server side. See {@code exercises/tcp-ping-pong/README.md}.
 *
 * <p>Usage: {@code java ipc.tcp.TcpPongServer <port> [count=5]}
 */
public final class TcpPongServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        // TODO: bind a ServerSocket to 127.0.0.1:port and accept one client.
        // TODO: count times: read one whole line "ping-i" (it may arrive in pieces, or together
        //       with the next line) and answer "pong-i\n".
        // TODO: then close the connection and the server socket.
        System.out.println("TODO: TcpPongServer is not written yet (port " + port + ", count " + count + ")");
    }
}
