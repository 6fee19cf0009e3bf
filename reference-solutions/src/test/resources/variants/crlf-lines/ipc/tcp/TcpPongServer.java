package ipc.tcp;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

public class TcpPongServer {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])));
            try (Socket client = server.accept()) {
                InputStream in = new BufferedInputStream(client.getInputStream());
                PrintStream out = new PrintStream(client.getOutputStream(), true, "UTF-8");
                int round = 0;
                String ping;
                while (round < rounds && (ping = Lines.read(in)) != null) {
                    System.out.printf("[%d] <- %s%n", round, ping);
                    out.print("pong-" + round++ + "\r\n");
                }
            }
        }
    }
}
