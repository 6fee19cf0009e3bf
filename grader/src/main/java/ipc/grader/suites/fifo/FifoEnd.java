package ipc.grader.suites.fifo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The grader's own end of a named pipe, run as a process of its own ({@code Lab.startGraderTool}),
 * because opening a FIFO blocks until the other end opens it: a blocked process is ended with the
 * lab, where a blocked grader thread could not be.
 *
 * <ul>
 *   <li>{@code write <path>}: opens the pipe for writing, prints {@code open}, then passes each line
 *       typed into its stdin to the pipe in one write, and closes the pipe when its stdin ends.
 *   <li>{@code read <path>}: opens the pipe for reading and copies every byte to its stdout until
 *       every writer has closed the pipe.
 * </ul>
 */
public final class FifoEnd {

    private FifoEnd() {
    }

    public static void main(String[] args) throws IOException {
        Path fifo = Path.of(args[1]);
        if (args[0].equals("write")) {
            write(fifo);
        } else {
            try (InputStream in = Files.newInputStream(fifo)) {
                in.transferTo(System.out);
            }
            System.out.flush();
        }
    }

    private static void write(Path fifo) throws IOException {
        try (OutputStream out = Files.newOutputStream(fifo, StandardOpenOption.WRITE)) {
            System.out.println("open");
            BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8)); // one write: a line stays whole
                out.flush();
            }
        } catch (IOException e) {
            System.err.println("the pipe broke: " + e.getMessage());
            System.exit(1);
        }
        System.out.println("closed");
    }
}
