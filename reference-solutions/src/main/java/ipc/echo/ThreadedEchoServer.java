package ipc.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * An echo server with one thread per client: the main thread only accepts, so an idle or slow
 * client never delays another.
 *
 * <p>Usage: {@code java ipc.echo.ThreadedEchoServer <port>}
 */
public final class ThreadedEchoServer {

    private ThreadedEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("ThreadedEchoServer: listening on 127.0.0.1:" + port);
            while (true) {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "echo-" + client.getPort());
                handler.setDaemon(true);
                handler.start();
            }
        }
    }

    private static void serve(Socket client) {
        // Each thread has its own buffer: a buffer shared between threads would mix clients' bytes.
        byte[] buffer = new byte[8192];
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset connection ends this client's thread only.
            System.out.println("ThreadedEchoServer: client " + client.getPort() + " lost: " + e.getMessage());
        }
    }
}
