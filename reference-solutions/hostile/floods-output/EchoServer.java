package ipc.echo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;

/** Hostile: writes to stdout and stderr as fast as it can, without end, and hangs up on every client. */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        byte[] line = new byte[8192];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        new Thread(() -> flood(System.err, line)).start();
        new Thread(() -> flood(System.out, line)).start();
        // Then hangs up on every client: each check fails at once, not at its start-up deadline.
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]), 50, InetAddress.getLoopbackAddress())) {
            while (true) {
                server.accept().close();
            }
        }
    }

    private static void flood(PrintStream stream, byte[] line) {
        OutputStream out = stream;
        while (true) {
            try {
                out.write(line);
            } catch (java.io.IOException e) {
                return;
            }
        }
    }
}
