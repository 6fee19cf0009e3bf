package ipc.grader.feedback;

/**
 * The program ended with the wrong status: {@code FifoWriter exited with code 0 when there was no
 * named pipe at lost, but it should fail with a non-zero status.}
 */
public final class ExitStatus {

    private ExitStatus() {
    }

    /** {@code when} says in what situation, {@code should} what a correct program does then. */
    public static GradingFailure failure(String program, String howItEnded, String when, String should) {
        return new GradingFailure(FailureKind.EXIT_STATUS, program + " " + howItEnded + " " + when + ", but it should "
                + should + ".", null);
    }
}
