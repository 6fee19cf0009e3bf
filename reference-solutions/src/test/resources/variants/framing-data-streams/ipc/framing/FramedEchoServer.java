package ipc.framing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

public class FramedEchoServer {
    public static void main(String[] args) throws IOException {
        ExecutorService pool = Executors.newCachedThreadPool();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            for (;;) {
                Socket client = server.accept();
                pool.execute(() -> echo(client));
            }
        }
    }

    private static void echo(Socket client) {
        try (client;
                DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()))) {
            for (byte[] message = MessageFraming.readMessage(in); message != null; message = MessageFraming.readMessage(in)) {
                MessageFraming.writeMessage(out, message);
            }
        } catch (IOException e) {
            System.err.println("lost a client: " + e);
        }
    }
}
