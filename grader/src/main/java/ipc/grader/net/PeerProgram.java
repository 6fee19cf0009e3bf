package ipc.grader.net;

import ipc.grader.feedback.ExitedEarly;
import ipc.grader.feedback.GradingFailure;

/**
 * What the grader's sockets need to know of the program at the other end, to fail early and say
 * why: its name, whether it still runs, and how it ended. A student program is one; the sockets
 * need nothing else of it (as Testcontainers' wait strategies need only a {@code WaitStrategyTarget}).
 */
public interface PeerProgram {

    /** The program's name for messages, such as {@code EchoServer}. */
    String displayName();

    boolean isAlive();

    /** How it ended, for a message that goes on "EchoServer ...": {@code exited with code 1}. */
    String exitSummary();

    /**
     * The failure of a check that waited for this program to do something, and it ended first:
     * {@code when} says what it had not done ("before it listened on ...", "without sending ...").
     */
    default GradingFailure exitedEarly(String when) {
        return ExitedEarly.failure(displayName(), exitSummary(), when);
    }
}
