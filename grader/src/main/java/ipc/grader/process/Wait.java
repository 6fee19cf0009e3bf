package ipc.grader.process;

import static org.awaitility.Awaitility.await;

import ipc.grader.net.KernelSockets;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;

/** The wait strategies a graded test needs. */
public final class Wait {

    private static final Duration POLL = Duration.ofMillis(5);

    private Wait() {
    }

    /** Ready at once: for clients, whose readiness shows as a connection to the grader. */
    public static WaitStrategy none() {
        return program -> { };
    }

    /**
     * Ready once something listens on {@code port}, read from the kernel's socket table. No probe
     * connection is made, so a server that serves exactly one client keeps it for the test.
     */
    public static WaitStrategy forListeningPort(int port) {
        return program -> {
            Deadline deadline = Deadline.in(Waits.STARTUP);
            try {
                await().pollInSameThread()
                        .pollDelay(Duration.ZERO)
                        .pollInterval(POLL)
                        .atMost(deadline.remaining())
                        .until(() -> KernelSockets.isListening(port) || exitedBeforeListening(program, port));
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(program.displayName() + " did not listen on 127.0.0.1:" + port + " within "
                        + deadline.describe() + " of its start.\n"
                        + "Hint: a server binds 127.0.0.1 on the port given as its first argument, then calls accept().");
            }
        };
    }

    private static boolean exitedBeforeListening(StudentProgram program, int port) {
        if (program.isAlive() || KernelSockets.isListening(port)) {
            return false;
        }
        throw new AssertionError(program.displayName() + " " + program.exitSummary()
                + " before it listened on 127.0.0.1:" + port + ".\n"
                + "Hint: a server binds 127.0.0.1 on the port given as its first argument and keeps running while it serves.");
    }
}
