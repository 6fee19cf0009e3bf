package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The real {@code netstat -an} against real sockets: what the portable mode and students' laptops
 * rely on, run on Linux where CI has net-tools.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the recorded samples cover the other systems; this runs the Linux netstat")
class NetstatTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @BeforeEach
    void netstatInstalled() {
        assumeTrue(onPath("netstat"), "no netstat on PATH (Debian's net-tools package provides it)");
    }

    @Test
    @DisplayName("a listening ServerSocket is seen, and no longer once closed")
    void listeningServerSocket() throws Exception {
        try (PortLease lease = Ports.leaseTcp()) {
            assertThat(Netstat.isListening(lease.port())).isFalse();
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(LOOPBACK, lease.port()), 50);
                assertThat(Netstat.isListening(lease.port())).isTrue();
            }
            assertThat(Netstat.isListening(lease.port())).isFalse();
        }
    }

    @Test
    @DisplayName("a bound DatagramSocket is seen, a bound but unlistened TCP socket is not a listener")
    void boundDatagramSocket() throws Exception {
        // The UDP lease holds the port's TCP twin bound without listening: it must not pass for a server.
        try (PortLease lease = Ports.leaseUdp()) {
            assertThat(Netstat.isBoundUdp(lease.port())).isFalse();
            assertThat(Netstat.isListening(lease.port())).isFalse();
            try (DatagramSocket server = new DatagramSocket(new InetSocketAddress(LOOPBACK, lease.port()))) {
                assertThat(Netstat.isBoundUdp(lease.port())).isTrue();
            }
            assertThat(Netstat.isBoundUdp(lease.port())).isFalse();
        }
    }

    @Test
    @DisplayName("the bytes a program has not read yet show in its connection's Recv-Q, and are gone once read")
    void unreadBytes() throws Exception {
        try (PortLease lease = Ports.leaseTcp(); ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, lease.port()), 50);
            try (Socket client = new Socket(LOOPBACK, lease.port()); Socket accepted = server.accept()) {
                client.getOutputStream().write("twelve bytes".getBytes(StandardCharsets.US_ASCII));
                int serverPort = accepted.getLocalPort();
                int clientPort = client.getLocalPort();
                await().atMost(Duration.ofSeconds(5)).until(() -> Netstat.unreadBytes(serverPort, clientPort), hasValue(12));
                assertThat(accepted.getInputStream().readNBytes(12)).hasSize(12);
                await().atMost(Duration.ofSeconds(5)).until(() -> Netstat.unreadBytes(serverPort, clientPort), hasValue(0));
                assertThat(Netstat.showsQueues()).isTrue();
            }
        }
    }

    private static Predicate<OptionalInt> hasValue(int expected) {
        return unread -> unread.isPresent() && unread.getAsInt() == expected;
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }
}
