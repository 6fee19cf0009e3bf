package ipc.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Sends {@code ping-i} datagrams one at a time and waits for each {@code pong-i}, {@code count}
 * times. UDP may lose a datagram, so a ping whose pong does not come within the timeout is sent
 * again, a few times at most; a late pong to an earlier ping is skipped.
 *
 * <p>Usage: {@code java ipc.udp.UdpPingClient <host> <port> [count=5]}
 */
public final class UdpPingClient {

    /** How long one attempt waits for its pong. */
    private static final int TIMEOUT_MILLIS = 500;

    /** The first send plus three retries. */
    private static final int TRIES = 4;

    private UdpPingClient() {
    }

    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        InetSocketAddress server = new InetSocketAddress(host, port);
        // Unbound: the kernel picks a free local port, and the server answers to it.
        try (DatagramSocket socket = new DatagramSocket()) {
            byte[] buffer = new byte[1500];
            for (int i = 0; i < count; i++) {
                byte[] ping = ("ping-" + i).getBytes(StandardCharsets.UTF_8);
                String expected = "pong-" + i;
                String pong = null;
                for (int attempt = 1; attempt <= TRIES && pong == null; attempt++) {
                    socket.send(new DatagramPacket(ping, ping.length, server));
                    pong = awaitPong(socket, buffer, expected);
                }
                if (pong == null) {
                    System.err.println("UdpPingClient: no answer from " + host + ":" + port + " to ping-" + i
                            + " after " + TRIES + " tries; is the server running?");
                    System.exit(1);
                }
                System.out.println("UdpPingClient: received '" + pong + "'");
            }
        }
        System.out.println("UdpPingClient: done.");
    }

    /**
     * Waits up to {@link #TIMEOUT_MILLIS} in all for {@code expected}, skipping any other datagram
     * (a late pong to an earlier ping). Returns null when the time is up.
     */
    private static String awaitPong(DatagramSocket socket, byte[] buffer, String expected) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        while (true) {
            long remaining = (deadline - System.nanoTime()) / 1_000_000L;
            if (remaining <= 0) {
                return null;
            }
            // Only the rest of this attempt's time: skipped datagrams must not stretch the wait.
            socket.setSoTimeout((int) remaining);
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(packet.getData(), packet.getOffset(), packet.getLength(),
                    StandardCharsets.UTF_8).strip();
            if (text.equals(expected)) {
                return text;
            }
            // Anything else (a late pong to a ping already answered) is dropped; keep waiting.
        }
    }
}
