package ipc.grader.suites.udp;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.fault.DatagramPlan;
import ipc.grader.fault.DatagramRelay;
import ipc.grader.fault.Direction;
import ipc.grader.feedback.Bytes;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.Datagram;
import ipc.grader.net.DatagramPeer;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader plays the pong server, sometimes behind a relay that loses datagrams. */
@GradedExercise("udp-ping-pong")
@DisplayName("udp-ping-pong: UdpPingClient")
class UdpPingClientTest {

    private static final String CLIENT = "ipc.udp.UdpPingClient";
    /** The client sends each ping at most this often: once, and three retries. */
    private static final int MOST_TRIES = 4;

    @Test
    @Points(2)
    @DisplayName("sends ping-0 to ping-4, each after the previous pong, then exits with status 0")
    @Hint("Send \"ping-\" + i as one datagram to the host and port from the arguments, receive the pong, five times "
            + "(the default count); then close the socket.")
    void playsFiveRounds(Lab lab) {
        DatagramPeer server = lab.datagramServer("UdpPingClient");
        StudentProgram client = lab.startClient(CLIENT, server);
        PongService.serve(server, client, 5);
        expectExitStatus(client, 0, "after its five rounds");
    }

    @Test
    @Points(3)
    @DisplayName("sends a ping again when the ping or its pong is lost")
    @Hint("UDP does not resend what the network loses: that is your job. Set a receive timeout "
            + "(socket.setSoTimeout(500)); when receive() times out, send the same ping again, up to 3 times.")
    void retriesWhenADatagramIsLost(Lab lab) {
        DatagramPeer server = lab.datagramServer("UdpPingClient");
        DatagramRelay relay = lab.relay(server, "the grader's UDP server",
                DatagramPlan.deliverAll().dropping(Direction.REQUESTS, 1).dropping(Direction.RESPONSES, 3));
        StudentProgram client = lab.startClient(CLIENT, relay);
        // The first ping-0 never reaches the server, and pong-2 never reaches the client: each needs a retry.
        Map<Integer, Integer> received = PongService.serve(server, client, 5);
        for (byte[] lost : relay.dropped(Direction.RESPONSES)) {
            int number = Integer.parseInt(new String(lost, StandardCharsets.UTF_8).substring("pong-".length()));
            if (received.getOrDefault(number, 0) < 2) {
                throw server.failure(client.displayName() + " sent ping-" + number + " only once, although its pong was "
                        + "lost on the way (" + relay.describe() + "): it went on without that pong.");
            }
        }
        expectExitStatus(client, 0, "after its five rounds, with a lost ping and a lost pong on the way");
    }

    @Test
    @Points(2)
    @DisplayName("gives up with a message and a non-zero status when no server answers")
    @Hint("Retry a lost ping at most 3 times; when the last try times out too, print why on System.err and exit "
            + "with System.exit(1). A client must never wait for ever.")
    void givesUpWhenNoServerAnswers(Lab lab) {
        DatagramPeer silent = lab.datagramServer("UdpPingClient");
        StudentProgram client = lab.startClient(CLIENT, silent);
        int tries = 0;
        Deadline deadline = Deadline.in(Waits.STARTUP);
        Datagram ping;
        while ((ping = silent.receive(client, deadline)) != null) {
            if (!ping.text().equals("ping-0")) {
                throw silent.failure("expected only \"ping-0\", sent again and again while no pong comes, but got "
                        + Bytes.show(ping.payload()));
            }
            tries++;
            deadline = Deadline.in(Waits.RETRY); // a retry, or the exit, comes within a second of each try
        }
        if (tries == 0 && !client.isAlive()) {
            throw silent.failure(client.exitedEarly("without sending ping-0 to the grader's server, which never answers."));
        }
        if (client.isAlive()) {
            throw silent.failure(client.displayName() + (tries == 0 ? " sent nothing within " + deadline.describe()
                    : " was still waiting " + deadline.describe() + " after it sent ping-0 for the " + ordinal(tries)
                    + " time, with no server answering: it waits for ever instead of retrying or giving up."));
        }
        assertThat(tries).as("how often %s sent ping-0 before giving up (once, then up to 3 retries)",
                client.displayName()).isBetween(2, MOST_TRIES);
        assertThat(client.exitCode().orElse(0)).as("exit status of %s when no server answers", client.displayName())
                .isNotZero();
        assertThat(client.stderr() + client.stdout()).as("what %s printed to say why it gave up", client.displayName())
                .isNotBlank();
    }

    private static String ordinal(int n) {
        return n == 1 ? "first" : n == 2 ? "second" : n == 3 ? "third" : n + "th";
    }

    private static void expectExitStatus(StudentProgram client, int expected, String when) {
        int status = client.awaitExit(Deadline.in(Waits.EXIT), "it received its last pong");
        assertThat(status).as("exit status of %s %s", client.displayName(), when).isEqualTo(expected);
    }
}
