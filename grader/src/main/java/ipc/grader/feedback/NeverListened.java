package ipc.grader.feedback;

/**
 * A server that kept running but never listened on its port: {@code EchoServer did not listen on
 * 127.0.0.1:40123 within 5 s of its start.}
 */
public final class NeverListened {

    private NeverListened() {
    }

    /**
     * {@code action} is what it did not do ("listen on 127.0.0.1:40123"); {@code seen}, possibly
     * empty, what the grader saw instead, in brackets; {@code hint} the concept to look at.
     */
    public static GradingFailure failure(String program, String action, String within, String seen, String hint) {
        return new GradingFailure(FailureKind.NEVER_LISTENED, program + " did not " + action + " within " + within
                + " of its start" + (seen.isEmpty() ? "" : " (" + seen + ")") + ".\nHint: " + hint, null);
    }
}
