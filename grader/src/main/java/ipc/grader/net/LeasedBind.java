package ipc.grader.net;

import java.io.IOException;
import java.util.function.Supplier;

/**
 * Binds a socket of the grader's own on a leased port, and tries other ports when the bind fails.
 * A lease makes a collision rare, not impossible: between the lease's probe and the bind, another
 * grader on the machine may probe the same port for a moment. So every socket the grader binds
 * (its server, its proxy, its UDP relay) goes through this one loop, which keeps the last problem
 * for the message.
 *
 * @param <T> what the binder makes: a channel, a socket, or a whole endpoint
 */
public record LeasedBind<T>(PortLease lease, T bound) {

    private static final int ATTEMPTS = 20;

    /** Binds on {@code port}; closes whatever it opened before it throws. */
    public interface Binder<T> {
        T bind(int port) throws IOException;
    }

    /** Binds with {@code binder} on a leased TCP port. */
    public static <T> LeasedBind<T> tcp(String what, Binder<T> binder) {
        return bind(what, Ports::leaseTcp, binder);
    }

    /** Binds with {@code binder} on a leased UDP port. */
    public static <T> LeasedBind<T> udp(String what, Binder<T> binder) {
        return bind(what, Ports::leaseUdp, binder);
    }

    private static <T> LeasedBind<T> bind(String what, Supplier<PortLease> leases, Binder<T> binder) {
        String lastProblem = "";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PortLease lease = leases.get();
            try {
                return new LeasedBind<>(lease, binder.bind(lease.port()));
            } catch (IOException e) {
                lastProblem = lease.port() + ": " + e.getMessage() + "; the kernel shows " + KernelSockets.describe(lease.port());
                lease.close();
            }
        }
        throw new IllegalStateException(what + " could not bind a free port in " + ATTEMPTS + " tries; last try "
                + lastProblem);
    }
}
