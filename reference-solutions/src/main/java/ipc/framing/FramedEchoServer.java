package ipc.framing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Echoes framed messages (see {@link MessageFraming}): every frame a client sends comes back as one
 * frame with the same payload. One thread per client; a client that breaks the protocol or resets
 * its connection loses only its own connection.
 *
 * <p>Usage: {@code java ipc.framing.FramedEchoServer <port>}
 */
public final class FramedEchoServer {

    private FramedEchoServer() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            System.out.println("FramedEchoServer: listening on 127.0.0.1:" + port);
            while (true) {
                Socket client = server.accept();
                Thread handler = new Thread(() -> serve(client), "framed-echo-" + client.getPort());
                handler.setDaemon(true);
                handler.start();
            }
        }
    }

    private static void serve(Socket client) {
        try (client) {
            // Buffered: a frame's 4 length bytes are not sent as a tiny write of their own.
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            byte[] payload;
            while ((payload = MessageFraming.readMessage(in)) != null) {
                MessageFraming.writeMessage(out, payload);
            }
        } catch (IOException e) {
            // A reset, a cut frame or a bad length: drop this client, keep serving the others.
            System.err.println("FramedEchoServer: client " + client.getPort() + " dropped: " + e);
        }
    }
}
