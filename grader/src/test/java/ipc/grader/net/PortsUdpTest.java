package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

class PortsUdpTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    @DisplayName("a leased UDP port is free for a datagram server to bind, while its TCP twin is held")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ)
    void udpLeaseHoldsTheTcpTwin() throws Exception {
        int port;
        try (PortLease lease = Ports.leaseUdp()) {
            port = lease.port();
            assertThat(port).isBetween(Ports.pickedFrom()[0], Ports.pickedFrom()[1]);
            try (DatagramSocket server = udp(port)) {
                assertThat(server.getLocalPort()).isEqualTo(port);
            }
            assertThatThrownBy(() -> tcp(port).close()).isInstanceOf(BindException.class);
            assertThat(Ports.tcpBindable(port)).isFalse();
        }
        tcp(port).close(); // released with the lease
        assertThat(Ports.tcpBindable(port)).isTrue();
    }

    @Test
    @DisplayName("leased UDP ports are distinct while held")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ_WRITE)
    void udpLeasesAreDistinct() {
        List<PortLease> leases = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                leases.add(Ports.leaseUdp());
            }
            assertThat(leases).extracting(PortLease::port).doesNotHaveDuplicates();
        } finally {
            leases.forEach(PortLease::close);
        }
    }

    @Test
    @DisplayName("while UDP ports are leased, TCP leases never hand them out, and the other way round")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ_WRITE)
    void tcpAndUdpLeasesNeverMeet() {
        // With 150 ports of each kind held and 2,000 leases of each kind drawn from some 20,000, a lease
        // that ignored the other kind would hit a held port a dozen times. (Few enough sockets held at
        // once to stay far below a file limit of 1024 while other tests run alongside.)
        int range = Ports.pickedFrom()[1] - Ports.pickedFrom()[0] + 1;
        int held = Math.min(150, range / 10);
        List<PortLease> udpLeases = new ArrayList<>();
        List<PortLease> tcpLeases = new ArrayList<>();
        try {
            for (int i = 0; i < held; i++) {
                udpLeases.add(Ports.leaseUdp());
                tcpLeases.add(Ports.leaseTcp());
            }
            Set<Integer> udpPorts = ports(udpLeases);
            Set<Integer> tcpPorts = ports(tcpLeases);
            assertThat(udpPorts).doesNotContainAnyElementsOf(tcpPorts);
            for (int i = 0; i < 2_000; i++) {
                try (PortLease tcp = Ports.leaseTcp(); PortLease udp = Ports.leaseUdp()) {
                    assertThat(udpPorts).doesNotContain(tcp.port());
                    assertThat(tcpPorts).doesNotContain(udp.port());
                }
            }
        } finally {
            udpLeases.forEach(PortLease::close);
            tcpLeases.forEach(PortLease::close);
        }
    }

    private static Set<Integer> ports(List<PortLease> leases) {
        Set<Integer> ports = new HashSet<>();
        leases.forEach(lease -> ports.add(lease.port()));
        return ports;
    }

    private static DatagramSocket udp(int port) throws Exception {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return socket;
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    private static ServerSocket tcp(int port) throws Exception {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
            return socket;
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }
}
