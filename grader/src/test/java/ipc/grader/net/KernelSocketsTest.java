package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

@EnabledOnOs(value = OS.LINUX, disabledReason = "reads /proc/net/tcp")
class KernelSocketsTest {

    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    @DisplayName("a listening socket is seen without connecting to it, and is gone once closed")
    void listening() throws Exception {
        // Whether this JVM's socket listens: another process on the machine (another build's tests, a
        // hostile port grabber) may bind the port the moment it is free, so "anyone" would be a race.
        List<Long> self = List.of(ProcessHandle.current().pid());
        try (PortLease lease = Ports.leaseTcp()) {
            assertThat(KernelSockets.isListeningBy(lease.port(), self)).isFalse();
            try (ServerSocket server = bind(lease.port())) {
                assertThat(KernelSockets.isListening(lease.port())).isTrue();
                assertThat(KernelSockets.isListeningBy(lease.port(), self)).isTrue();
                assertThat(KernelSockets.acceptQueue(lease.port())).hasValue(0);
            }
            assertThat(KernelSockets.isListeningBy(lease.port(), self)).isFalse();
        }
    }

    @Test
    @DisplayName("connections nobody has accepted yet are counted in the accept queue")
    void acceptQueue() throws Exception {
        List<Socket> clients = new ArrayList<>();
        try (PortLease lease = Ports.leaseTcp(); ServerSocket server = bind(lease.port())) {
            for (int i = 0; i < 3; i++) {
                clients.add(new Socket(InetAddress.getLoopbackAddress(), lease.port()));
            }
            await().atMost(SOON).until(() -> KernelSockets.acceptQueue(lease.port()).orElse(-1) == 3);
            server.accept().close();
            await().atMost(SOON).until(() -> KernelSockets.acceptQueue(lease.port()).orElse(-1) == 2);
        } finally {
            for (Socket client : clients) {
                client.close();
            }
        }
    }

    @Test
    @DisplayName("bytes the peer has received but not read are counted, and drop to 0 once it reads")
    void unreadBytes() throws Exception {
        try (PortLease lease = Ports.leaseTcp(); ServerSocket server = bind(lease.port());
             Socket client = new Socket(InetAddress.getLoopbackAddress(), lease.port());
             Socket accepted = server.accept()) {
            client.getOutputStream().write(new byte[5]);
            await().atMost(SOON).until(() -> KernelSockets.unreadBytes(lease.port(), client.getLocalPort()).orElse(-1) == 5);
            accepted.getInputStream().readNBytes(5);
            assertThat(KernelSockets.unreadBytes(lease.port(), client.getLocalPort())).hasValue(0);
            assertThat(KernelSockets.unreadBytes(lease.port(), 1)).isEqualTo(OptionalInt.empty());
        }
    }

    @Test
    @DisplayName("unread bytes are counted on IPv4 sockets (/proc/net/tcp) as on IPv6 ones (tcp6), whichever was looked at last")
    void unreadBytesOfBothFamilies() throws Exception {
        try (PortLease lease = Ports.leaseTcp(); ServerSocket server = bind(lease.port())) {
            for (int round = 0; round < 2; round++) {
                try (SocketChannel ipv4 = SocketChannel.open(StandardProtocolFamily.INET);
                     SocketChannel ipv6 = SocketChannel.open(StandardProtocolFamily.INET6)) {
                    ipv4.connect(new InetSocketAddress("127.0.0.1", lease.port()));
                    ipv6.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), lease.port()));
                    try (Socket fromIpv4 = server.accept(); Socket fromIpv6 = server.accept()) {
                        ipv4.write(ByteBuffer.wrap(new byte[3]));
                        ipv6.write(ByteBuffer.wrap(new byte[4]));
                        int ipv4Port = ((InetSocketAddress) ipv4.getLocalAddress()).getPort();
                        int ipv6Port = ((InetSocketAddress) ipv6.getLocalAddress()).getPort();
                        // The accepted sockets are the server's family (IPv6 in Java); the clients' rows are
                        // read from their own tables, in turns that make each table the one looked at last.
                        await().atMost(SOON).until(() -> KernelSockets.unreadBytes(lease.port(), ipv4Port).orElse(-1) == 3);
                        assertThat(KernelSockets.unsentBytes(ipv4Port, lease.port())).hasValue(0);
                        await().atMost(SOON).until(() -> KernelSockets.unreadBytes(lease.port(), ipv6Port).orElse(-1) == 4);
                        assertThat(KernelSockets.unsentBytes(ipv6Port, lease.port())).hasValue(0);
                        fromIpv4.getInputStream().readNBytes(3);
                        assertThat(KernelSockets.unreadBytes(lease.port(), ipv4Port)).hasValue(0);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("the ports a process listens on are found from its own sockets")
    void listeningPortsOfAProcess() throws Exception {
        long self = ProcessHandle.current().pid();
        try (PortLease lease = Ports.leaseTcp()) {
            assertThat(KernelSockets.listeningPortsOf(List.of(self))).doesNotContain(lease.port());
            try (ServerSocket server = bind(lease.port())) {
                assertThat(KernelSockets.listeningPortsOf(List.of(self))).contains(lease.port());
                assertThat(KernelSockets.listeningPortsOf(List.of(Long.MAX_VALUE))).isEmpty();
            }
        }
    }

    @Test
    @DisplayName("a port is listened on by the process that holds the listening socket, and by no other")
    void listeningByAProcess() throws Exception {
        List<Long> self = List.of(ProcessHandle.current().pid());
        List<Long> parent = List.of(ProcessHandle.current().parent().orElseThrow().pid());
        try (PortLease lease = Ports.leaseTcp()) {
            assertThat(KernelSockets.isListeningBy(lease.port(), self)).isFalse();
            try (ServerSocket server = bind(lease.port())) {
                assertThat(KernelSockets.isListeningBy(lease.port(), self)).isTrue();
                assertThat(KernelSockets.isListeningBy(lease.port(), parent)).isFalse();
                assertThat(KernelSockets.isListeningBy(lease.port(), List.of(Long.MAX_VALUE))).isFalse();
            }
            assertThat(KernelSockets.isListeningBy(lease.port(), self)).isFalse();
        }
    }

    @Test
    @DisplayName("the port of a /proc address is read from its hex digits")
    void portOfAddress() {
        assertThat(KernelSockets.port("0100007F:1F90")).isEqualTo(8080);
        assertThat(KernelSockets.port("0000000000000000FFFF00000100007F:0050")).isEqualTo(80);
    }

    private static ServerSocket bind(int port) throws Exception {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return server;
    }
}
