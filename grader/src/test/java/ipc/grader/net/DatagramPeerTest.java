package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.process.ProgramArguments;
import ipc.grader.process.ProgramLaunch;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

class DatagramPeerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SOON = Duration.ofSeconds(5);

    @Test
    @DisplayName("a server peer listens on a leased port, receives a datagram and replies to its sender")
    void serverReceivesAndReplies() throws Exception {
        try (DatagramPeer server = DatagramPeer.server("UdpPingClient"); DatagramSocket student = udp()) {
            assertThat(server.port()).isBetween(Ports.pickedFrom()[0], Ports.pickedFrom()[1]);
            assertThat(server.toString()).isEqualTo("the grader's UDP server on 127.0.0.1:" + server.port());
            send(student, "ping-0", server.port());
            Datagram ping = server.expectDatagram("ping-0", null, Deadline.in(SOON));
            assertThat(ping.text()).isEqualTo("ping-0");
            assertThat(ping.sender().getPort()).isEqualTo(student.getLocalPort());
            server.reply(ping, "pong-0");
            assertThat(receive(student)).isEqualTo("pong-0");
        }
    }

    @Test
    @DisplayName("a client peer sends to a server's port and receives its answer")
    void clientSendsAndReceives() throws Exception {
        try (DatagramSocket student = udp(); DatagramPeer client = DatagramPeer.client("UdpPongServer", "the grader's client")) {
            client.send("ping-1", student.getLocalPort());
            DatagramPacket ping = new DatagramPacket(new byte[64], 64);
            student.receive(ping);
            assertThat(new String(ping.getData(), 0, ping.getLength(), StandardCharsets.UTF_8)).isEqualTo("ping-1");
            assertThat(ping.getPort()).isEqualTo(client.port());
            student.send(new DatagramPacket("pong-1".getBytes(StandardCharsets.UTF_8), 6, ping.getSocketAddress()));
            Datagram pong = client.receive(null, Deadline.in(SOON));
            assertThat(pong).isNotNull();
            assertThat(pong.text()).isEqualTo("pong-1");
            assertThat(pong.sender().getPort()).isEqualTo(student.getLocalPort());
            assertThat(client.toString()).isEqualTo("the grader's client");
        }
    }

    @Test
    @DisplayName("a wrong datagram fails with the expected and the actual bytes, then the datagrams exchanged")
    void mismatchShowsExpectedAndActual() throws Exception {
        try (DatagramSocket student = udp(); DatagramPeer client = DatagramPeer.client("UdpPongServer", "the grader's client")) {
            client.send("ping-0", student.getLocalPort());
            DatagramPacket ping = new DatagramPacket(new byte[64], 64);
            student.receive(ping);
            student.send(new DatagramPacket("pong-9\n".getBytes(StandardCharsets.UTF_8), 7, ping.getSocketAddress()));
            assertThatThrownBy(() -> client.expectDatagram("pong-0", null, Deadline.in(SOON)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("expected the datagram \"pong-0\" but got \"pong-9\\n\"\n")
                    .hasMessageContaining("The datagrams on the grader's client:\n"
                            + "  grader sent: \"ping-0\" (one datagram, to port " + student.getLocalPort() + ")\n"
                            + "  UdpPongServer sent: \"pong-9\\n\" (one datagram, from port " + student.getLocalPort() + ")");
        }
    }

    @Test
    @DisplayName("receive returns null at the deadline, and at once when the deadline has passed")
    void receiveGivesUpAtTheDeadline() {
        try (DatagramPeer client = DatagramPeer.client("UdpPongServer", "the grader's client")) {
            long start = System.nanoTime();
            assertThat(client.receive(null, Deadline.in(Duration.ofMillis(150)))).isNull();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(140)).isLessThan(SOON);
            start = System.nanoTime();
            assertThat(client.receive(null, Deadline.in(Duration.ZERO))).isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    @DisplayName("a failure with nothing exchanged says so")
    void failureWithoutDatagrams() {
        try (DatagramPeer server = DatagramPeer.server("UdpPingClient")) {
            assertThat(server.failure("no ping").getMessage())
                    .isEqualTo("no ping\nThe datagrams on " + server + ":\n  (nothing was sent or received)\n");
        }
    }

    @Test
    @DisplayName("close() frees the server's port and its TCP twin")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ)
    void closeFreesThePort() throws Exception {
        int port;
        try (DatagramPeer server = DatagramPeer.server("UdpPingClient")) {
            port = server.port();
        }
        try (DatagramSocket again = new DatagramSocket(null)) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(LOOPBACK, port));
        }
        assertThat(Ports.tcpBindable(port)).isTrue();
    }

    // ----------------------------------------------------------------------------------------------
    // With a real program on the other side

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs sh")
    @DisplayName("expectDatagram fails at once, with the exit, when the sender exits without sending")
    void senderExitsWithoutSending() {
        try (DatagramPeer server = DatagramPeer.server("Pinger");
             StudentProgram pinger = StudentProgram.of(new Shell("Pinger", "echo oops >&2; exit 3"), ProgramArguments.of())) {
            pinger.start();
            long start = System.nanoTime();
            assertThatThrownBy(() -> server.expectDatagram("ping-0", pinger, Deadline.in(Duration.ofSeconds(20))))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Pinger exited with code 3 (stderr: \"oops\") without sending the datagram "
                            + "\"ping-0\" the grader expected\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs sh")
    @DisplayName("expectDatagram fails at the deadline when a running sender sends nothing")
    void runningSenderSendsNothing() {
        try (DatagramPeer server = DatagramPeer.server("Pinger");
             StudentProgram pinger = StudentProgram.of(new Shell("Pinger", "exec sleep 30"), ProgramArguments.of())) {
            pinger.start();
            assertThatThrownBy(() -> server.expectDatagram("ping-0", pinger, Deadline.in(Duration.ofMillis(200))))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("expected the datagram \"ping-0\" from Pinger but nothing came within 200 ms\n");
        }
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "runs bash")
    @DisplayName("a datagram sent just before the sender exited still counts")
    void datagramBeforeExitCounts() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash for /dev/udp");
        try (DatagramPeer server = DatagramPeer.server("Pinger");
             StudentProgram pinger = StudentProgram.of(new Shell("Pinger",
                     "printf ping-0 > /dev/udp/127.0.0.1/" + server.port() + "; exit 0", "/bin/bash"), ProgramArguments.of())) {
            pinger.start();
            assertThat(pinger.awaitExit(Deadline.in(SOON), "it had sent its ping")).isZero();
            assertThat(server.expectDatagram("ping-0", pinger, Deadline.in(SOON)).text()).isEqualTo("ping-0");
        }
    }

    /** A one-line shell script standing in for a student program. */
    private record Shell(String displayName, String script, String shell) implements ProgramLaunch {

        Shell(String displayName, String script) {
            this(displayName, script, "sh");
        }

        @Override
        public List<String> command(ProgramArguments arguments) {
            return List.of(shell, "-c", script);
        }
    }

    // ----------------------------------------------------------------------------------------------

    private static DatagramSocket udp() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout((int) SOON.toMillis());
        return socket;
    }

    private static void send(DatagramSocket from, String text, int port) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(data, data.length, new InetSocketAddress(LOOPBACK, port)));
    }

    private static String receive(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
    }
}
