package ipc.grader.net;

/**
 * The JUnit resource lock that keeps the tests leasing ports by the hundred away from the tests
 * that check a released port can be bound again.
 *
 * <p>A "freed on close" test releases its port, then binds it itself. A test beside it that holds
 * 150 ports and draws thousands of leases may take that very port in between, and the bind fails
 * with "Address already in use" although nothing leaked (it happened once in CI, in
 * {@code CuttingProxyTest}). So the lease-heavy tests take this lock to write and the
 * freed-on-close tests take it to read: they still run beside each other and beside everything else.
 */
public final class LeaseTraffic {

    /** The lock's key for {@code @ResourceLock}. */
    public static final String PORTS = "sockgrader: loopback port leases";

    private LeaseTraffic() {
    }
}
