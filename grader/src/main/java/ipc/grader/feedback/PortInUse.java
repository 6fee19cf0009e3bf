package ipc.grader.feedback;

/**
 * A server that ended because its port was in use when it bound it: {@code TcpPongServer exited
 * with code 1 (stderr: "...BindException: Address already in use") before it listened on
 * 127.0.0.1:40123. Port 40123 was free when the grader chose it; the kernel now shows nothing on it.} The
 * grader leaves a port it chose free for the server, so another program can take it in the moment
 * before the server binds: a check that meets this starts the server again on another port before
 * it counts the failure against the student.
 */
public final class PortInUse {

    private PortInUse() {
    }

    /**
     * {@code howItEnded} as the program reports it, {@code when} what it had not done yet ("before
     * it listened on 127.0.0.1:40123."), {@code kernelShows} what holds the port now, {@code hint}
     * the concept to look at.
     */
    public static GradingFailure failure(String program, String howItEnded, String when, int port, String kernelShows,
                                         String hint) {
        return new GradingFailure(FailureKind.PORT_IN_USE, program + " " + howItEnded + " " + when
                + "\nPort " + port + " was free when the grader chose it; the kernel now shows " + kernelShows + "."
                + "\nHint: " + hint, null);
    }

    /** {@code failure} after the grader tried {@code ports} ports, each free when chosen, and the server bound none. */
    public static GradingFailure onEveryPortTried(GradingFailure failure, int ports) {
        return failure.withDetails("The grader started it " + ports + " times, each time on another port that was free"
                + " when chosen, and each time the port was in use: does it bind its port twice, or a port of its own?");
    }
}
