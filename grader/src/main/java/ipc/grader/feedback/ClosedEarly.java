package ipc.grader.feedback;

/**
 * The peer closed the connection while a correct program must keep it open: {@code EchoServer
 * closed the connection after half a line, instead of waiting for the rest}.
 */
public final class ClosedEarly {

    private ClosedEarly() {
    }

    /** {@code because} says when ("after half a line"), {@code instead} what it should have done. */
    public static GradingFailure failure(String peer, String because, String instead) {
        return new GradingFailure(FailureKind.CLOSED_EARLY, peer + " closed the connection " + because + ", instead of "
                + instead, null);
    }
}
