package ipc.tcp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Connects to a pong server, sends {@code ping-i} lines one at a time and waits for each
 * {@code pong-i} before the next, {@code count} times, then closes.
 *
 * <p>Usage: {@code java ipc.tcp.TcpPingClient <host> <port> [count=5]}
 */
public final class TcpPingClient {

    private TcpPingClient() {
    }

    public static void main(String[] args) throws IOException {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        try (Socket socket = new Socket(host, port)) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            for (int i = 0; i < count; i++) {
                out.write(("ping-" + i + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String pong = in.readLine();
                if (pong == null) {
                    System.err.println("TcpPingClient: the server closed the connection after " + i + " pongs");
                    System.exit(1);
                }
                System.out.println("TcpPingClient: received '" + pong + "'");
            }
        }
        System.out.println("TcpPingClient: done.");
    }
}
