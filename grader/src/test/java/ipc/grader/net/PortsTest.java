package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    @DisplayName("leased ports are distinct, below the ephemeral range, and free for a student server to bind")
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
    @DisplayName("while leased, the port's UDP twin is held, so another grader cannot lease it; closing frees it")
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
