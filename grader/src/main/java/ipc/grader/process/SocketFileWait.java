package ipc.grader.process;

import ipc.grader.feedback.NeverListened;
import ipc.grader.platform.FileTypes;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import ipc.grader.time.Waits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Ready once the program's own Unix domain socket file is at its path, read from the file system:
 * no probe connection is made. A socket file that was there before the start (a stale one a check
 * left) does not count: only a file made after it. Fails fast when the program exits first.
 */
final class SocketFileWait implements WaitStrategy {

    private static final Duration EVERY = Duration.ofMillis(10);

    private final Path path;
    private final Optional<Object> before;

    /** Made before the program starts: what is at {@code path} then is not the program's. */
    SocketFileWait(Path path) {
        this.path = path;
        this.before = FileTypes.identity(path);
    }

    private boolean madeByTheProgram() {
        return FileTypes.isSocket(path) && !FileTypes.identity(path).equals(before);
    }

    @Override
    public void waitUntilReady(StudentProgram program) {
        Deadline deadline = Deadline.in(Waits.STARTUP);
        Poll.Outcome outcome = Poll.named(program.displayName() + " to make its socket file").every(EVERY)
                .stoppingWhen(() -> !program.isAlive()).until(deadline, this::madeByTheProgram);
        if (outcome == Poll.Outcome.STOPPED) {
            throw program.exitedEarly("before it made a socket file at " + path + " (" + FileTypes.describe(path)
                    + " there).\nHint: a server binds a ServerSocketChannel of the UNIX family to the path given as its "
                    + "first argument and keeps running while it serves.");
        }
        if (outcome == Poll.Outcome.TIMED_OUT) {
            throw NeverListened.failure(program.displayName(), "bind a Unix domain socket to " + path, deadline.describe(),
                    FileTypes.describe(path) + " there", "bind ServerSocketChannel.open(StandardProtocolFamily.UNIX) to "
                            + "UnixDomainSocketAddress.of(path), with the path given as the first argument.");
        }
    }
}
