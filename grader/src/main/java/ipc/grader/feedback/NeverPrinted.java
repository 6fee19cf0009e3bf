package ipc.grader.feedback;

/**
 * A program that kept running but never printed what the check waited for: {@code Main did not
 * print a line "ready" on stdout within 5 s.}
 */
public final class NeverPrinted {

    private NeverPrinted() {
    }

    /** {@code what} is the awaited output ("a line \"ready\" on stdout"); {@code printed} what came instead. */
    public static GradingFailure failure(String program, String what, String within, String printed) {
        return new GradingFailure(FailureKind.NEVER_PRINTED, program + " did not print " + what + " within " + within
                + "." + printed, null);
    }
}
