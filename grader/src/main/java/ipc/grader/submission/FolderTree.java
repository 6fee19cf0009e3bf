package ipc.grader.submission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A folder and everything in it, as the grader deletes its temp folders. */
public final class FolderTree {

    private FolderTree() {
    }

    /**
     * Deletes {@code folder} and everything in it, deepest first, without following links. What
     * cannot be deleted stays, and a missing folder is fine: cleanup must never fail a grading.
     */
    public static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // already gone, or going: what is left stays
        }
    }
}
