package ipc.grader.time;

import java.time.Duration;

/**
 * The nominal budgets of the grader's waits, in one place so that they are tuned together.
 * Each is stretched by {@link TimeScale} when used through {@link Deadline#in(Duration)}.
 */
public final class Waits {

    /** For the submission to compile: javac takes about a second here, but must never block a check forever. */
    public static final Duration COMPILE = Duration.ofSeconds(60);
    /** From launch until a server listens or a client connects: covers a JVM start on a loaded machine. */
    public static final Duration STARTUP = Duration.ofSeconds(10);
    /** For an answer that a correct program sends within milliseconds. */
    public static final Duration REPLY = Duration.ofSeconds(3);
    /** For a program to exit or close once it has every reason to. */
    public static final Duration EXIT = Duration.ofSeconds(5);
    /**
     * For a UDP client to send again after a lost datagram: the exercises ask for a receive timeout
     * of at most a second, so a retry comes well within this.
     */
    public static final Duration RETRY = Duration.ofSeconds(3);
    /** For a crowd of clients to connect, or to be echoed, all together. */
    public static final Duration CROWD = Duration.ofSeconds(5);
    /**
     * For the grader to read what an exited program printed to the end of its pipes: its reader
     * threads can lag behind the exit on a loaded machine. Only a process the program left behind,
     * holding a pipe open, makes this run out.
     */
    public static final Duration OUTPUT_END = Duration.ofSeconds(2);
    /** For a peer to read what was sent before the next piece goes out. */
    public static final Duration CONSUME = Duration.ofSeconds(2);
    /**
     * How long the grader listens for an answer that must not come (a reply to half a line).
     * A correct program never answers, so it only ever costs this much; a buggy one answers
     * within microseconds of its read.
     */
    public static final Duration PREMATURE_ANSWER = Duration.ofMillis(150);

    /**
     * How long a program is watched after an event that a buggy program dies of (a reset); a correct
     * program just runs on. Dying is not always quick: a JVM whose client thread calls System.exit
     * while its main thread waits in accept() took 320 ms to end here, idle, and 470 to 530 ms with
     * twelve at once on two cores (300 ms let such a server pass once in four determinism runs).
     */
    public static final Duration AFTERMATH = Duration.ofMillis(1_500);

    private Waits() {
    }
}
