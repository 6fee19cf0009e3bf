package ipc.echo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Serves exactly one client: sends back every byte it receives, unchanged, until the client
 * closes its side; then closes the connection and exits.
 *
 * <p>Usage: {@code java ipc.echo.EchoServer <port>}
 */
public final class EchoServer {

    private EchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("EchoServer: listening on 127.0.0.1:" + port);
            try (Socket client = server.accept()) {
                System.out.println("EchoServer: client " + client.getRemoteSocketAddress() + " connected");
                InputStream in = client.getInputStream();
                OutputStream out = client.getOutputStream();
                // Bytes, never text: decoding to a String would corrupt binary data and any
                // UTF-8 character that happens to be split between two reads.
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) != -1) {   // -1: the client closed its side
                    out.write(buffer, 0, n);
                }
            }
        }
        System.out.println("EchoServer: client done, shutting down.");
    }
}
