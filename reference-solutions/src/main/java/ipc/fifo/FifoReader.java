package ipc.fifo;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Exercise {@code fifo}, the reader: makes a named pipe if there is none, prints every line that
 * any writer sends through it, and removes it when the last writer is done.
 */
public final class FifoReader {

    public static void main(String[] args) throws Exception {
        Path fifo = Path.of(args[0]);
        if (!Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)) {
            // The JDK has no mkfifo of its own; the system's command makes the special file.
            Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
            if (mkfifo.waitFor() != 0) {
                System.err.println("mkfifo " + fifo + " failed with status " + mkfifo.exitValue());
                System.exit(1);
            }
        }
        // Opening a FIFO for reading waits until a writer opens it; readLine() returns null only
        // when every writer that had it open has closed it.
        try (BufferedReader in = Files.newBufferedReader(fifo, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                System.out.println("Received: " + line);
            }
        }
        Files.deleteIfExists(fifo);
    }
}
