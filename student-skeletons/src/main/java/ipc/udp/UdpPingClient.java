package ipc.udp;

/**
 * Exercise {@code udp-ping-pong}, client side. See {@code exercises/udp-ping-pong/README.md}.
 *
 * <p>Usage: {@code java ipc.udp.UdpPingClient <host> <port> [count=5]}
 */
public final class UdpPingClient {

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        // TODO: open one DatagramSocket (no need to bind it) and give it a receive timeout of 500 ms.
        // TODO: for i = 0 .. count-1: send the datagram "ping-i" to host:port and wait for "pong-i".
        //       A datagram that is not pong-i (a late pong to an earlier ping) is ignored: keep
        //       waiting, within the same 500 ms.
        // TODO: UDP can lose datagrams: if no pong-i comes in time, send ping-i again, at most 3
        //       retries (4 sends in all). Print each pong you receive.
        // TODO: if all 4 tries time out, print a clear message to System.err (which ping, which
        //       host:port, is the server running?) and exit with status 1.
        // TODO: after count rounds, close the socket and exit with status 0.
        System.out.println("TODO: UdpPingClient is not written yet (" + host + ":" + port + ", count " + count + ")");
    }
}
