package ipc.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Serves one client a line protocol: every line {@code ping-i} is answered with {@code pong-i}.
 * After {@code count} exchanges it closes the connection and exits.
 *
 * <p>Usage: {@code java ipc.tcp.TcpPongServer <port> [count=5]}
 */
public final class TcpPongServer {

    private TcpPongServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 5;

        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("TcpPongServer: listening on 127.0.0.1:" + port);
            try (Socket client = server.accept()) {
                // TCP is a byte stream: a line may arrive in pieces, or two lines in one read.
                // BufferedReader collects bytes until the end of a line, whatever the reads return.
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream();
                for (int i = 0; i < count; i++) {
                    String ping = in.readLine();
                    if (ping == null) {
                        System.out.println("TcpPongServer: client left after " + i + " pings");
                        return;
                    }
                    System.out.println("TcpPongServer: received '" + ping + "'");
                    out.write(("pong-" + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
        System.out.println("TcpPongServer: done.");
    }
}
