package ipc.grader.submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The temp folders of open submissions, deleted when closed, and also when the grader is stopped
 * mid-run (Ctrl-C, a CI cancel), by a shutdown hook: an interrupted grading leaves no files behind.
 *
 * <p>Work that writes into a workspace (javac, which creates its output folders as it goes) runs
 * under the workspace's lock, through {@link #whileOpen}. Closing takes the same lock, so a folder
 * is never deleted while the compiler is half-way through it, and no compile starts in a folder
 * already deleted; either would leave a stray {@code classes} folder in the temp directory.
 */
final class Workspaces {

    /** How long closing waits for a compile to finish before it deletes anyway. */
    private static final long CLOSE_WAIT_SECONDS = 20;

    private static final Map<Path, ReentrantLock> OPEN = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> OPEN.keySet().forEach(Workspaces::close), "sockgrader-cleanup"));
    }

    private Workspaces() {
    }

    /** Writes into an open workspace. */
    interface Work<T> {
        T run() throws IOException;
    }

    /** A new workspace in {@code temp}, the grader's temp folder. */
    static Path create(Path temp) throws IOException {
        return open(ShortTempFolder.create(temp, "sockgrader-"));
    }

    /**
     * A folder {@code <prefix><8 letters>} made beside {@code workspace} rather than in it, deleted by
     * {@link #close} or by the shutdown hook as a workspace is.
     */
    static Path createBeside(Path workspace, String prefix) throws IOException {
        return open(ShortTempFolder.create(workspace.getParent(), prefix));
    }

    private static Path open(Path folder) {
        OPEN.put(folder, new ReentrantLock());
        return folder;
    }

    /** Runs {@code work} while {@code folder} cannot be closed; fails if it is closed already. */
    static <T> T whileOpen(Path folder, Work<T> work) throws IOException {
        ReentrantLock lock = OPEN.get(folder);
        if (lock == null) {
            throw new IllegalStateException("the workspace " + folder + " is closed");
        }
        lock.lock();
        try {
            if (OPEN.get(folder) != lock) {
                throw new IllegalStateException("the workspace " + folder + " is closed");
            }
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Deletes {@code folder}, once any work inside it has finished (or after a bounded wait). */
    static void close(Path folder) {
        ReentrantLock lock = OPEN.get(folder);
        if (lock == null) {
            return;
        }
        boolean locked = false;
        try {
            locked = lock.tryLock(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            OPEN.remove(folder, lock);
            FolderTree.delete(folder);
        } finally {
            if (locked) {
                lock.unlock();
            }
        }
    }
}
