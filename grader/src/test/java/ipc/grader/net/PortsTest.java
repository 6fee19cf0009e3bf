package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

class PortsTest {

    @Test
    @DisplayName("leased ports are distinct, below the ephemeral range, and free for a student server to bind")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ_WRITE)
    void leasesAreDistinctAndBindable() throws Exception {
        List<PortLease> leases = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
                leases.add(Ports.leaseTcp());
            }
            assertThat(leases).extracting(PortLease::port).doesNotHaveDuplicates().allMatch(port -> port >= 10_000 && port < 32_768);
            // A student server binds without SO_REUSEADDR (as a Python one does by default).
            try (ServerSocket student = new ServerSocket()) {
                student.setReuseAddress(false);
                student.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), leases.get(0).port()));
            }
        } finally {
            leases.forEach(PortLease::close);
        }
    }

    @Test
    @DisplayName("a port leased in this JVM, TCP or UDP, is not tried by another lease until the lease is closed")
    void leasedPortIsNotTriedAgainUntilClosed() {
        for (PortLease lease : List.of(Ports.leaseTcp(), Ports.leaseUdp())) {
            assertThat(Ports.inUse(lease.port())).as("while leased").isTrue();
            lease.close();
            assertThat(Ports.inUse(lease.port())).as("once closed").isFalse();
        }
    }

    @Test
    @DisplayName("a lease closed twice frees its port once, so it cannot free the port of a later lease")
    void secondCloseFreesNothing() {
        AtomicInteger freed = new AtomicInteger();
        PortLease lease = new PortLease(10_001, () -> { }, freed::incrementAndGet);
        lease.close();
        lease.close();
        assertThat(freed).hasValue(1);
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "reads the ephemeral range from /proc")
    @DisabledIfSystemProperty(named = Ports.RANGE_PROPERTY, matches = ".+", disabledReason = "the range is overridden")
    @DisplayName("ports are picked from 10000 up to just below the kernel's ephemeral range")
    void rangeEndsBelowTheEphemeralRange() throws Exception {
        // Regression: Files.readString of this /proc file returns one byte, which once shrank the range to 1000 ports.
        int ephemeralLow = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                .get(0).trim().split("\\s+")[0]);
        assertThat(Ports.pickedFrom()).containsExactly(10_000, Math.min(32_767, ephemeralLow - 1));
    }

    @Test
    @DisplayName("while leased, the port's UDP twin is held, so another grader cannot lease it; closing frees it")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ)
    void leaseHoldsTheUdpTwin() throws Exception {
        int port;
        try (PortLease lease = Ports.leaseTcp()) {
            port = lease.port();
            assertThatThrownBy(() -> udp(port).close()).isInstanceOf(BindException.class);
        }
        udp(port).close();
    }

    private static DatagramSocket udp(int port) throws Exception {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }
}
