package ipc.fifo;

import java.io.File;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** FileOutputStream (which would create a file, so the path is checked first) and a PrintStream. */
public final class FifoWriter {

    public static void main(String[] args) throws Exception {
        File fifo = new File(args[0]);
        if (!fifo.exists()) {
            System.err.println("no pipe at " + fifo);
            System.exit(2);
        }
        try (PrintStream out = new PrintStream(new FileOutputStream(fifo), false, StandardCharsets.UTF_8)) {
            for (int i = 1; i < args.length; i++) {
                out.print(args[i]);
                out.print('\n');
            }
        }
    }
}
