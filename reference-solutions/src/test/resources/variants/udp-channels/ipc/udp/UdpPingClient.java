package ipc.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;

public class UdpPingClient {
    private static final long TIMEOUT_MS = 300;
    private static final int RETRIES = 3;

    public static void main(String[] args) throws IOException {
        InetSocketAddress server = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (DatagramChannel channel = DatagramChannel.open(); Selector selector = Selector.open()) {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_READ);
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            for (int round = 0; round < rounds; round++) {
                String ping = "ping-" + round;
                boolean answered = false;
                for (int attempt = 0; attempt <= RETRIES && !answered; attempt++) {
                    channel.send(StandardCharsets.UTF_8.encode(ping), server);
                    answered = awaitPong(channel, selector, buffer, "pong-" + round);
                }
                if (!answered) {
                    System.err.printf("no pong for %s from %s after %d retries, giving up%n", ping, server, RETRIES);
                    System.exit(1);
                }
                System.out.printf("[%d] pong-%d%n", round, round);
            }
        }
    }

    /** True when {@code expected} arrives within the timeout; other datagrams are skipped. */
    private static boolean awaitPong(DatagramChannel channel, Selector selector, ByteBuffer buffer, String expected)
            throws IOException {
        long deadline = System.nanoTime() + TIMEOUT_MS * 1_000_000;
        for (long left = TIMEOUT_MS; left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            selector.select(left);
            selector.selectedKeys().clear();
            buffer.clear();
            while (channel.receive(buffer) != null) {
                buffer.flip();
                if (StandardCharsets.UTF_8.decode(buffer).toString().trim().equals(expected)) {
                    return true;
                }
                buffer.clear();
            }
        }
        return false;
    }
}
