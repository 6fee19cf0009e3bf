package ipc.grader.suites.fifo;

import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the grader knows how to do with named pipes: make one, wait for one, and tell one from a file. */
final class NamedPipes {

    private NamedPipes() {
    }

    /** Makes a named pipe at {@code path} with the system's {@code mkfifo}, as a student's reader would. */
    static void make(Path path) {
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            if (!mkfifo.waitFor(Deadline.in(Waits.EXIT).remainingMillis(), TimeUnit.MILLISECONDS)) {
                mkfifo.destroyForcibly();
                throw new IllegalStateException("mkfifo " + path + " did not finish");
            }
            if (mkfifo.exitValue() != 0) {
                throw new IllegalStateException("mkfifo " + path + " failed: "
                        + new String(mkfifo.getInputStream().readAllBytes()).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run mkfifo: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making " + path, e);
        }
    }

    /**
     * Opens the pipe for reading and writing at once and closes it again: that never blocks, and it
     * lets a reader still waiting in open() for a writer go on, to the end of its (empty) stream.
     */
    static void release(Path path) {
        // READ and WRITE without CREATE: O_RDWR, which Linux and macOS grant a FIFO at once.
        try (FileChannel both = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            both.isOpen(); // opened: that was all
        } catch (IOException e) {
            // gone already: nobody is waiting on it
        }
    }

    /**
     * Releases the pipe again and again until {@code reader} has ended: a reader still starting up
     * reaches open() only after a single release would have passed.
     */
    static void releaseUntilEnded(Path path, StudentProgram reader) {
        Deadline deadline = Deadline.in(Waits.EXIT);
        if (!Poll.named(reader.displayName() + " to exit").every(Duration.ofMillis(10)).until(deadline, () -> {
            if (!reader.isAlive()) {
                return true;
            }
            release(path);
            return false;
        }).met()) {
            throw new AssertionError(reader.displayName() + " was still running " + deadline.describe()
                    + " after the pipe's only writer had gone, but it should have exited.");
        }
    }

    /** Waits until something exists at {@code path}; fails at once when {@code maker} exits first. */
    static void awaitCreated(Path path, StudentProgram maker) {
        Deadline deadline = Deadline.in(Waits.STARTUP);
        if (Poll.named(maker.displayName() + " to make " + path.getFileName()).stoppingWhen(() -> !maker.isAlive())
                .until(deadline, () -> Files.exists(path, LinkOption.NOFOLLOW_LINKS)) == Poll.Outcome.TIMED_OUT) {
            throw new AssertionError(maker.displayName() + " made nothing at " + path.getFileName() + " within "
                    + deadline.describe() + "; it should make a named pipe there with mkfifo.");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw maker.exitedEarly("before it made the named pipe " + path.getFileName() + ".");
        }
    }
}
