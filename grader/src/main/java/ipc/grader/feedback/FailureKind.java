package ipc.grader.feedback;

/**
 * What went wrong in a failed check, in one word a test can match. The wording belongs to the
 * factory of each kind ({@link ExitedEarly} and its kin), so a message can be reworded for students
 * without breaking a test that asks what kind of failure a check met.
 */
public enum FailureKind {
    /** The program ended before it did what the check waited for. */
    EXITED_EARLY,
    /** The program ended with the wrong exit status. */
    EXIT_STATUS,
    /**
     * A server that ended because the port it was given was in use when it bound it: taken by
     * another program after the grader chose it, or bound twice by the server itself.
     */
    PORT_IN_USE,
    /** A server that kept running but never listened (or bound) on its port. */
    NEVER_LISTENED,
    /** A program that kept running but never printed the line the check waited for. */
    NEVER_PRINTED,
    /** The peer sent something while a correct program must still be waiting. */
    ANSWERED_EARLY,
    /** The peer closed the connection while a correct program must keep it open. */
    CLOSED_EARLY,
    /** Library code the grader calls threw an exception instead of returning. */
    THREW,
    /** A step before the check's subject failed (see {@link SetupStep}). */
    SETUP_STEP,
    /** Any other failure of the submission: a wrong, missing or late answer. */
    WRONG_RESULT,
    /** The check did not run: its suite could not start (the code does not compile, say), or the run ended first. */
    NOT_RUN,
    /** Not an assertion: the grader itself met an error it did not expect. */
    GRADER_ERROR
}
