package ipc.udp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers {@code count} datagrams {@code ping-N}, each with exactly one datagram {@code pong-N} sent
 * back to wherever that ping came from, then exits.
 *
 * <p>Usage: {@code java ipc.udp.UdpPongServer <port> [count=5]}
 */
public final class UdpPongServer {

    /** Larger than any datagram a ping can need; a shorter buffer would silently cut a datagram. */
    private static final int BUFFER_SIZE = 1500;

    private static final Pattern PING = Pattern.compile("ping-(\\d{1,9})");

    private UdpPongServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("UdpPongServer: listening on 127.0.0.1:" + port);
            byte[] buffer = new byte[BUFFER_SIZE];
            for (int i = 0; i < count; i++) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                // No connection: each datagram carries its own sender, and the reply goes to that one.
                SocketAddress sender = packet.getSocketAddress();
                String ping = new String(packet.getData(), packet.getOffset(), packet.getLength(),
                        StandardCharsets.UTF_8).strip();
                String pong = "pong-" + numberOf(ping, i);
                byte[] reply = pong.getBytes(StandardCharsets.UTF_8);
                // One datagram per message: UDP keeps message boundaries, so the pong goes out whole.
                socket.send(new DatagramPacket(reply, reply.length, sender));
                System.out.println("UdpPongServer: received '" + ping + "' from " + sender + ", sent '" + pong + "'");
            }
        }
        System.out.println("UdpPongServer: done.");
    }

    /** The N of {@code ping-N}, or {@code fallback} when the text is not a ping. */
    private static int numberOf(String ping, int fallback) {
        Matcher matcher = PING.matcher(ping);
        return matcher.matches() ? Integer.parseInt(matcher.group(1)) : fallback;
    }
}
