package ipc.tcp;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;

public class TcpPingClient {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        try (Socket socket = new Socket(args[0], Integer.parseInt(args[1]))) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            PrintStream out = new PrintStream(socket.getOutputStream(), true, "UTF-8");
            for (int round = 0; round < rounds; round++) {
                out.print("ping-" + round + "\r\n");
                System.out.printf("[%d] -> %s%n", round, Lines.read(in));
            }
        }
    }
}
