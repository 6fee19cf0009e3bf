package ipc.grader.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temp folders of open submissions, deleted when closed, and also when the grader is stopped
 * mid-run (Ctrl-C, a CI cancel), by a shutdown hook: an interrupted grading leaves no files behind.
 */
final class Workspaces {

    private static final Set<Path> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(Workspaces::delete), "sockgrader-cleanup"));
    }

    private Workspaces() {
    }

    static Path create() throws IOException {
        Path folder = Files.createTempDirectory("sockgrader-");
        OPEN.add(folder);
        return folder;
    }

    static void close(Path folder) {
        delete(folder);
        OPEN.remove(folder);
    }

    static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // already gone
        }
    }
}
