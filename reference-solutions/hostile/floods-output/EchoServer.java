package ipc.echo;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/** Hostile: writes to stdout and stderr as fast as it can, without end, and never listens. */
public final class EchoServer {
    public static void main(String[] args) throws Exception {
        byte[] line = new byte[8192];
        Arrays.fill(line, (byte) 'x');
        line[line.length - 1] = '\n';
        Thread err = new Thread(() -> flood(System.err, line));
        err.start();
        flood(System.out, line);
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
