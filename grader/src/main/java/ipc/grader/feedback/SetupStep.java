package ipc.grader.feedback;

/**
 * The failure of a step a check takes before it gets to its subject, such as bringing clients into
 * a chat before testing a broadcast. The report names the step, so that the student looks at the
 * step's concept and not at the check's, and carries the step's own hint in place of the check's.
 */
public final class SetupStep {

    private SetupStep() {
    }

    /**
     * A failure of the step {@code step} ("the clients already in the chat hear that ... joined"),
     * found as {@code cause}, whose message (reason first, then the conversation) is kept whole.
     */
    public static GradingFailure failed(String step, AssertionError cause, String hint) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        int end = message.indexOf('\n');
        String reason = end < 0 ? message : message.substring(0, end);
        String details = end < 0 ? "" : message.substring(end);
        GradingFailure failure = new GradingFailure(FailureKind.SETUP_STEP, "before its own subject, the check needs "
                + step + ", and that failed: " + reason + details
                + "\nThis step comes before what the check is about, so the hint is the step's.\nHint: " + hint, cause);
        failure.setStackTrace(cause.getStackTrace());
        return failure;
    }
}
