package ipc.grader.net;

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
}
