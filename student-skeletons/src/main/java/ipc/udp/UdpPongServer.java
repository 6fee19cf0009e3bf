package ipc.udp;

/**
 * Exercise {@code udp-ping-pong}, server side. See {@code exercises/udp-ping-pong/README.md}.
 *
 * <p>Usage: {@code java ipc.udp.UdpPongServer <port> [count=5]}
 */
public final class UdpPongServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        // TODO: bind a DatagramSocket to 127.0.0.1:port.
        // TODO: count times: receive one datagram into a buffer of at least 1500 bytes. It holds the
        //       text "ping-N" (UTF-8, no newline; strip spaces around it before reading N).
        // TODO: answer ping-N with exactly one datagram "pong-N" (same N), sent to the address and port
        //       the ping came from (packet.getSocketAddress()), not to the first client you saw.
        //       If the text is not ping-N, answer "pong-i", where i counts datagrams from 0.
        // TODO: after count datagrams, close the socket and exit with status 0.
        System.out.println("TODO: UdpPongServer is not written yet (port " + port + ", count " + count + ")");
    }
}
