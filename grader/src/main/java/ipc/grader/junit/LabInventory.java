package ipc.grader.junit;

import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.submission.Submission;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What a {@link Lab} opened: its programs, connections and other resources, closed newest first when
 * the test ends, and its scratch folder, deleted last. Checks run in parallel, and a check's own
 * threads may open things too, so every change is made under this inventory's lock.
 */
final class LabInventory implements AutoCloseable {

    private final Submission submission;
    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final List<StudentProgram> programs = new ArrayList<>();
    private Path scratch;
    private int connections;

    LabInventory(Submission submission) {
        this.submission = submission;
    }

    /** Keeps {@code resource} to be closed with the lab. */
    synchronized <T extends AutoCloseable> T track(T resource) {
        resources.push(resource);
        return resource;
    }

    /** Keeps {@code program} to be stopped with the lab, then starts it. */
    StudentProgram start(StudentProgram program) {
        synchronized (this) {
            programs.add(program);
        }
        track(program);
        return program.start();
    }

    /** The number of the lab's next connection, from 1, for naming it in messages. */
    synchronized int nextConnectionNumber() {
        return ++connections;
    }

    /** The folder the lab's programs run in, made on first use. */
    synchronized Path scratch() {
        if (scratch == null) {
            scratch = submission.newScratchFolder();
        }
        return scratch;
    }

    /** Every connection to a program the lab opened, oldest first. */
    synchronized List<TcpConnection> connections() {
        List<TcpConnection> connections = new ArrayList<>();
        resources.descendingIterator().forEachRemaining(resource -> {
            if (resource instanceof TcpConnection connection) {
                connections.add(connection);
            }
        });
        return connections;
    }

    /** Every program started in the lab. */
    synchronized List<StudentProgram> programs() {
        return List.copyOf(programs);
    }

    /** Closes everything, newest first, and deletes the scratch folder; the first problem is thrown at the end. */
    @Override
    public void close() {
        RuntimeException problem = null;
        AutoCloseable resource;
        while ((resource = poll()) != null) {
            try {
                resource.close();
            } catch (Exception e) {
                if (problem == null) {
                    problem = new IllegalStateException("cleaning up after the test failed: " + e.getMessage(), e);
                }
            }
        }
        deleteScratch();
        if (problem != null) {
            throw problem;
        }
    }

    private synchronized AutoCloseable poll() {
        return resources.poll();
    }

    private void deleteScratch() {
        Path folder;
        synchronized (this) {
            folder = scratch;
        }
        if (folder != null) {
            submission.deleteScratchFolder(folder);
        }
    }
}
