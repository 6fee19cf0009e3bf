package ipc.grader.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ipc.grader.fault.DatagramPlan.Fate;
import ipc.grader.net.LeaseTraffic;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

class DatagramRelayTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Duration SOON = Duration.ofSeconds(5);
    private static final String TARGET = "the grader's server";

    @Test
    @DisplayName("with deliverAll, requests reach the target in order and its answers come back, each logged")
    void deliversEverything() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET).start()) {
            send(client, "one", relay.port());
            send(client, "two", relay.port());
            send(client, "three", relay.port());
            DatagramPacket first = receivePacket(target);
            assertThat(text(first)).isEqualTo("one");
            assertThat(first.getPort()).as("sent on from the relay's own socket").isNotEqualTo(client.getLocalPort());
            assertThat(receive(target)).isEqualTo("two");
            assertThat(receive(target)).isEqualTo("three");

            reply(target, first, "ack");
            DatagramPacket answer = receivePacket(client);
            assertThat(text(answer)).isEqualTo("ack");
            assertThat(answer.getPort()).as("answers come from the port the client sent to").isEqualTo(relay.port());

            assertThat(relay.log()).containsExactly(
                    "datagram 1 to the grader's server \"one\": delivered",
                    "datagram 2 to the grader's server \"two\": delivered",
                    "datagram 3 to the grader's server \"three\": delivered",
                    "datagram 1 from the grader's server \"ack\": delivered");
            assertThat(relay.describe()).isEqualTo("the grader's UDP relay in front of the grader's server, which delivered every datagram");
        }
    }

    @Test
    @DisplayName("dropping request 1 loses the first datagram only")
    void dropsTheFirstRequest() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.deliverAll().dropping(Direction.REQUESTS, 1)).start()) {
            send(client, "ping-1", relay.port());
            send(client, "ping-2", relay.port());
            send(client, "ping-3", relay.port());
            // Loopback keeps the order: had ping-1 gone through, it would come first.
            assertThat(receive(target)).isEqualTo("ping-2");
            assertThat(receive(target)).isEqualTo("ping-3");
            assertThat(relay.log()).containsExactly(
                    "datagram 1 to the grader's server \"ping-1\": dropped",
                    "datagram 2 to the grader's server \"ping-2\": delivered",
                    "datagram 3 to the grader's server \"ping-3\": delivered");
            assertThat(relay.describe()).endsWith("which dropped request datagram 1");
        }
    }

    @Test
    @DisplayName("a duplicated request arrives twice, before the next one")
    void duplicatesARequest() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.deliverAll().duplicating(Direction.REQUESTS, 1)).start()) {
            send(client, "a", relay.port());
            send(client, "b", relay.port());
            assertThat(List.of(receive(target), receive(target), receive(target))).containsExactly("a", "a", "b");
            assertThat(relay.log()).first().isEqualTo("datagram 1 to the grader's server \"a\": delivered twice");
        }
    }

    @Test
    @DisplayName("a request swapped with the next arrives after it")
    void swapsTwoRequests() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.deliverAll().swappingWithNext(Direction.REQUESTS, 1)).start()) {
            send(client, "a", relay.port());
            send(client, "b", relay.port());
            send(client, "c", relay.port());
            assertThat(List.of(receive(target), receive(target), receive(target))).containsExactly("b", "a", "c");
            assertThat(relay.log()).containsExactly(
                    "datagram 1 to the grader's server \"a\": held back until the next one had gone",
                    "datagram 2 to the grader's server \"b\": delivered",
                    "datagram 3 to the grader's server \"c\": delivered");
        }
    }

    @Test
    @DisplayName("with two swaps in a row, each swapped datagram still arrives after the one that follows it")
    void consecutiveSwaps() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.deliverAll().swappingWithNext(Direction.REQUESTS, 1, 2)).start()) {
            send(client, "a", relay.port());
            send(client, "b", relay.port());
            send(client, "c", relay.port());
            List<String> arrived = List.of(receive(target), receive(target), receive(target));
            assertThat(arrived).containsExactlyInAnyOrder("a", "b", "c");
            assertThat(arrived.indexOf("b")).as("b, the one after a, arrives before a: %s", arrived)
                    .isLessThan(arrived.indexOf("a"));
            assertThat(arrived.indexOf("c")).as("c, the one after b, arrives before b: %s", arrived)
                    .isLessThan(arrived.indexOf("b"));
        }
    }

    @Test
    @DisplayName("a datagram held back for a swap still goes out about half a second later when none follows")
    void heldDatagramIsReleased() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.deliverAll().swappingWithNext(Direction.REQUESTS, 1)).start()) {
            long start = System.nanoTime();
            send(client, "lonely", relay.port());
            assertThat(receive(target)).isEqualTo("lonely");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    @DisplayName("responses follow the plan too: dropped, and swapped with the next")
    void responsesFollowThePlan() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.deliverAll().dropping(Direction.RESPONSES, 1)
                             .swappingWithNext(Direction.RESPONSES, 2)).start()) {
            send(client, "hello", relay.port());
            DatagramPacket request = receivePacket(target);
            reply(target, request, "r1");
            reply(target, request, "r2");
            reply(target, request, "r3");
            reply(target, request, "r4");
            assertThat(List.of(receive(client), receive(client), receive(client))).containsExactly("r3", "r2", "r4");
            assertThat(relay.log()).contains(
                    "datagram 1 from the grader's server \"r1\": dropped",
                    "datagram 2 from the grader's server \"r2\": held back until the next one had gone");
        }
    }

    @Test
    @DisplayName("answers go back to whoever sent to the relay last")
    void answersGoToTheLastSender() throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket a = udp(); DatagramSocket b = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET).start()) {
            send(a, "from-a", relay.port());
            assertThat(receive(target)).isEqualTo("from-a");
            send(b, "from-b", relay.port());
            DatagramPacket fromB = receivePacket(target);
            assertThat(text(fromB)).isEqualTo("from-b");
            reply(target, fromB, "to-last");
            assertThat(receive(b)).isEqualTo("to-last");

            send(a, "again-a", relay.port());
            DatagramPacket again = receivePacket(target);
            reply(target, again, "to-a");
            // Had "to-last" gone to a, it would be the first datagram a receives.
            assertThat(receive(a)).isEqualTo("to-a");
        }
    }

    @Test
    @DisplayName("a random plan loses and doubles the same datagrams on every run with the same seed, and names it")
    void randomPlanRepeats() throws Exception {
        long seed = 424_242L;
        DatagramPlan.Fates fates = DatagramPlan.random(seed, 25, 15, 0).fates(Direction.REQUESTS);
        List<Fate> planned = new ArrayList<>();
        do {
            planned.add(fates.of(planned.size() + 1)); // each call draws the next fate: ask once per datagram
        } while (planned.size() < 20 || planned.get(planned.size() - 1) != Fate.DELIVER); // so nothing may follow the last
        int count = planned.size();
        List<String> expected = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            Fate fate = planned.get(number - 1);
            if (fate != Fate.DROP) {
                expected.add("d" + number);
            }
            if (fate == Fate.DUPLICATE) {
                expected.add("d" + number);
            }
        }
        assertThat(planned).contains(Fate.DROP, Fate.DUPLICATE);

        List<String> firstRun = runThroughRandomRelay(seed, count, expected.size());
        List<String> secondRun = runThroughRandomRelay(seed, count, expected.size());
        assertThat(firstRun).isEqualTo(expected);
        assertThat(secondRun).isEqualTo(firstRun);
    }

    private static List<String> runThroughRandomRelay(long seed, int count, int arrivals) throws Exception {
        try (DatagramSocket target = udp(); DatagramSocket client = udp();
             DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET)
                     .following(DatagramPlan.random(seed, 25, 15, 0)).start()) {
            assertThat(relay.describe()).contains("(seed " + seed + ")").contains("dropped 25%");
            for (int i = 1; i <= count; i++) {
                send(client, "d" + i, relay.port());
            }
            List<String> received = new ArrayList<>();
            for (int i = 0; i < arrivals; i++) {
                received.add(receive(target));
            }
            assertThat(relay.log()).hasSize(count);
            return received;
        }
    }

    @Test
    @DisplayName("close() ends the relay's thread and frees its port, UDP and TCP")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ)
    void closeEndsTheThreadAndFreesThePort() throws Exception {
        int port;
        String name;
        try (DatagramSocket target = udp(); DatagramSocket client = udp()) {
            DatagramRelay relay = DatagramRelay.to(target.getLocalPort(), TARGET).start();
            try {
                port = relay.port();
                name = "sockgrader-relay-" + port;
                assertThat(threadsNamed(name)).hasSize(1);
                send(client, "x", relay.port());
                assertThat(receive(target)).isEqualTo("x");
                assertThat(relay.toString()).isEqualTo("UDP relay to port " + target.getLocalPort());
            } finally {
                relay.close();
            }
            relay.close(); // twice is harmless
        }
        await().atMost(SOON).until(() -> threadsNamed(name).isEmpty());
        try (DatagramSocket again = new DatagramSocket(null)) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(LOOPBACK, port));
        }
        try (ServerSocket twin = new ServerSocket()) {
            twin.setReuseAddress(false);
            twin.bind(new InetSocketAddress(LOOPBACK, port));
        }
    }

    // ----------------------------------------------------------------------------------------------

    private static List<Thread> threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().equals(name)).toList();
    }

    private static DatagramSocket udp() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout((int) SOON.toMillis());
        return socket;
    }

    private static void send(DatagramSocket from, String text, int port) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        from.send(new DatagramPacket(data, data.length, new InetSocketAddress(LOOPBACK, port)));
    }

    private static void reply(DatagramSocket from, DatagramPacket to, String text) throws IOException {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        SocketAddress sender = to.getSocketAddress();
        from.send(new DatagramPacket(data, data.length, sender));
    }

    private static DatagramPacket receivePacket(DatagramSocket socket) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        socket.receive(packet);
        return packet;
    }

    private static String receive(DatagramSocket socket) throws IOException {
        return text(receivePacket(socket));
    }

    private static String text(DatagramPacket packet) {
        return new String(packet.getData(), packet.getOffset(), packet.getLength(), StandardCharsets.UTF_8);
    }
}
