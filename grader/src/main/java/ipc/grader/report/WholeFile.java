package ipc.grader.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: first beside it as {@code <name>.partial}, then moved over it
 * in one step. A reader (a workflow step, a rerun of a batch) never sees half a file, and a grading
 * killed mid-write leaves the old file or none.
 */
public final class WholeFile {

    private WholeFile() {
    }

    public static void write(Path file, byte[] content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static void write(Path file, String text) throws IOException {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
