package ipc.fifo;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Exercise {@code fifo}, a writer: sends its messages, one line each, into the reader's named pipe. */
public final class FifoWriter {

    public static void main(String[] args) throws Exception {
        Path fifo = Path.of(args[0]);
        // WRITE without CREATE: a missing pipe is an error, never a regular file made in its place.
        try (Writer out = Files.newBufferedWriter(fifo, StandardCharsets.UTF_8, StandardOpenOption.WRITE)) {
            for (int i = 1; i < args.length; i++) {
                out.write(args[i] + "\n");
            }
        } catch (NoSuchFileException e) {
            System.err.println("There is no named pipe at " + fifo + ": start FifoReader first.");
            System.exit(1);
        }
    }
}
