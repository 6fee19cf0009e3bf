package ipc.fifo;

import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** java.io.File, Runtime.exec for mkfifo, and lines cut by hand from the bytes of a FileInputStream. */
public final class FifoReader {

    public static void main(String[] args) throws Exception {
        File fifo = new File(args[0]);
        if (!fifo.exists() && Runtime.getRuntime().exec(new String[] {"mkfifo", fifo.getPath()}).waitFor() != 0) {
            System.err.println("cannot make " + fifo);
            System.exit(1);
        }
        try (InputStream in = new FileInputStream(fifo)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[64];
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        System.out.println("Received: " + line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(buffer[i]);
                    }
                }
            }
            if (line.size() > 0) {
                System.out.println("Received: " + line.toString(StandardCharsets.UTF_8));
            }
        }
        if (!fifo.delete()) {
            System.err.println("could not remove " + fifo);
        }
    }
}
