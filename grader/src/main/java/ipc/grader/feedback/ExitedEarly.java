package ipc.grader.feedback;

/**
 * The program ended before it did what the check waited for: {@code EchoServer exited with code 0
 * (last output: "TODO: ...") before it listened on 127.0.0.1:40123.}
 */
public final class ExitedEarly {

    private ExitedEarly() {
    }

    /**
     * {@code howItEnded} as the program reports it ("exited with code 1 (stderr: ...)"), and
     * {@code when}, what it had not done yet ("before it listened on ...", "without sending ...").
     */
    public static GradingFailure failure(String program, String howItEnded, String when) {
        return new GradingFailure(FailureKind.EXITED_EARLY, program + " " + howItEnded + " " + when, null);
    }
}
