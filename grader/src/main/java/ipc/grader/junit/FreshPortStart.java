package ipc.grader.junit;

import ipc.grader.feedback.FailureKind;
import ipc.grader.feedback.GradingFailure;
import ipc.grader.feedback.PortInUse;
import ipc.grader.net.PortLease;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Starts a server on a port leased as free, and again on another one when its port was in use by
 * the time it bound it ({@link FailureKind#PORT_IN_USE}). The lease keeps the port itself free for
 * the server (see {@code Ports}), so another program can take it in the moment before the server
 * binds: a submission's port grabber in another exercise's check, say. That must not cost this
 * check, whose server is not to blame. A server that can bind none of {@value #ATTEMPTS} ports keeps
 * its failure: it binds its port twice, or a port of its own.
 */
final class FreshPortStart {

    static final int ATTEMPTS = 3;

    private FreshPortStart() {
    }

    /** {@code start} on a lease from {@code leases}, on a fresh lease after each port found in use. */
    static <T> T start(Supplier<PortLease> leases, Function<PortLease, T> start) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.apply(leases.get());
            } catch (GradingFailure failure) {
                if (failure.kind() != FailureKind.PORT_IN_USE) {
                    throw failure;
                }
                if (attempt == ATTEMPTS) {
                    throw PortInUse.onEveryPortTried(failure, ATTEMPTS);
                }
            }
        }
    }
}
