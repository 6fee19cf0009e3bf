package ipc.grader.suites.udp;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.DatagramPeer;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader sends the pings from its own UDP sockets; the student's server answers. */
@GradedExercise("udp-ping-pong")
@DisplayName("udp-ping-pong: UdpPongServer")
class UdpPongServerTest {

    private static final String SERVER = "ipc.udp.UdpPongServer";

    @Test
    @Points(3)
    @DisplayName("answers ping-0 to ping-4 with exactly one datagram each, pong-0 to pong-4")
    @Hint("UDP keeps message boundaries: one send() is one datagram, and one receive() gets exactly one. Build the "
            + "whole reply, \"pong-\" + i, and send it in one DatagramPacket.")
    void answersEachPingWithOnePong(Lab lab) {
        StudentProgram server = lab.startUdpServer(SERVER);
        DatagramPeer client = lab.datagramClient(server, "the grader's UDP socket");
        for (int i = 0; i < 5; i++) {
            client.send("ping-" + i, server.arguments().port());
            // A second datagram for the same ping would arrive here in place of the next pong.
            client.expectDatagram("pong-" + i, server, Deadline.in(Waits.REPLY));
        }
    }

    @Test
    @Points(3)
    @DisplayName("sends each pong back to the address its ping came from")
    @Hint("A UDP server has no connection to each client: take the reply's address from the packet you received "
            + "(packet.getSocketAddress()), for every datagram anew.")
    void repliesToEachSender(Lab lab) {
        StudentProgram server = lab.startUdpServer(SERVER);
        DatagramPeer first = lab.datagramClient(server, "the grader's first UDP socket");
        DatagramPeer second = lab.datagramClient(server, "the grader's second UDP socket");
        for (int i = 0; i < 5; i++) {
            DatagramPeer sender = i % 2 == 0 ? first : second;
            sender.send("ping-" + i, server.arguments().port());
            sender.expectDatagram("pong-" + i, server, Deadline.in(Waits.REPLY));
        }
    }

    @Test
    @Points(2)
    @DisplayName("exits with status 0 after as many pings as its count argument")
    @Hint("The optional second argument is how many pings to answer: UdpPongServer <port> [count=5]. After the last "
            + "one, close the socket and let main return.")
    void exitsAfterItsCount(Lab lab) {
        StudentProgram server = lab.startUdpServer(SERVER, 3);
        DatagramPeer client = lab.datagramClient(server, "the grader's UDP socket");
        for (int i = 0; i < 3; i++) {
            client.send("ping-" + i, server.arguments().port());
            client.expectDatagram("pong-" + i, server, Deadline.in(Waits.REPLY));
        }
        int status = server.awaitExit(Deadline.in(Waits.EXIT), "it answered the three pings it was started for");
        assertThat(status).as("exit status of %s", server.displayName()).isZero();
    }
}
