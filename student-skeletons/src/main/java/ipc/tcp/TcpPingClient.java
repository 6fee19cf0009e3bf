package ipc.tcp;

/**
 * Exercise {@code tcp-ping-pong}, client side. See {@code exercises/tcp-ping-pong/README.md}.
 *
 * <p>Usage: {@code java ipc.tcp.TcpPingClient <host> <port> [count=5]}
 */
public final class TcpPingClient {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        // TODO: connect a Socket to host:port.
        // TODO: count times: send "ping-i\n", then read one whole line (the pong) before the next ping.
        // TODO: close the socket and exit with status 0.
        System.out.println("TODO: TcpPingClient is not written yet (" + host + ":" + port + ", count " + count + ")");
    }
}
