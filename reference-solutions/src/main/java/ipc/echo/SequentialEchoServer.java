package ipc.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An echo server that serves clients one after another, forever. A client that vanishes
 * (a reset connection) costs only its own connection, never the server.
 *
 * <p>Usage: {@code java ipc.echo.SequentialEchoServer <port>}
 */
public final class SequentialEchoServer {

    private SequentialEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("SequentialEchoServer: listening on 127.0.0.1:" + port);
            byte[] buffer = new byte[8192];
            while (true) {
                try (Socket client = server.accept()) {
                    InputStream in = client.getInputStream();
                    OutputStream out = client.getOutputStream();
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        out.write(buffer, 0, n);
                    }
                } catch (IOException e) {
                    // A reset or broken connection ends this client, not the server.
                    System.out.println("SequentialEchoServer: client lost: " + e.getMessage());
                }
            }
        }
    }
}
