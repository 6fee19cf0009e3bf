package ipc.grader.feedback;

/**
 * Library code the grader called threw instead of returning: {@code threw
 * UnsupportedOperationException: TODO: read one frame}, as a probe reports it.
 */
public final class Threw {

    private Threw() {
    }

    /** {@code report} is the probe's line about the exception, which starts with "threw". */
    public static GradingFailure failure(String report) {
        return new GradingFailure(FailureKind.THREW, report, null);
    }
}
