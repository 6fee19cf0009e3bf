package ipc.grader.feedback;

/**
 * The peer sent something while a correct program must still be waiting: {@code EchoServer
 * answered too early, after half a line: it sent "hel"}.
 */
public final class AnsweredEarly {

    private AnsweredEarly() {
    }

    /** {@code because} says when ("after half a line"), {@code sent} what came, shown safely. */
    public static GradingFailure failure(String peer, String because, String sent) {
        return new GradingFailure(FailureKind.ANSWERED_EARLY, peer + " answered too early, " + because + ": it sent "
                + sent, null);
    }
}
