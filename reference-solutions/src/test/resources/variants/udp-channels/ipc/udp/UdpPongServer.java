package ipc.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

public class UdpPongServer {
    public static void main(String[] args) throws IOException {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (DatagramChannel channel = DatagramChannel.open()) {
            channel.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            ByteBuffer buffer = ByteBuffer.allocate(2048);
            for (int round = 0; round < rounds; round++) {
                buffer.clear();
                SocketAddress from = channel.receive(buffer);
                buffer.flip();
                String ping = StandardCharsets.UTF_8.decode(buffer).toString().trim();
                String number = ping.startsWith("ping-") ? ping.substring(5) : String.valueOf(round);
                channel.send(StandardCharsets.UTF_8.encode("pong-" + number), from);
                System.out.printf("[%d] %s from %s%n", round, ping, from);
            }
        }
    }
}
