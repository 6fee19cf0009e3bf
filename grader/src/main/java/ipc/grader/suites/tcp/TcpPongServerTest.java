package ipc.grader.suites.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
import ipc.grader.fault.Direction;
import ipc.grader.feedback.Bytes;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@GradedExercise("tcp-ping-pong")
@DisplayName("tcp-ping-pong: TcpPongServer")
class TcpPongServerTest {

    private static final String SERVER = "ipc.tcp.TcpPongServer";

    @Test
    @Points(2)
    @DisplayName("answers ping-0 to ping-4 with pong-0 to pong-4, then closes")
    @Hint("Read one line, answer one line, five times (the default count), then close the connection.")
    void playsFiveRounds(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        for (int i = 0; i < 5; i++) {
            client.send("ping-" + i + "\n");
            client.expectLine("pong-" + i);
        }
        client.expectEndOfStream("after five rounds");
    }

    @Test
    @Points(3)
    @DisplayName("waits for the rest of a ping that arrives in two pieces")
    @Hint("TCP is a byte stream: one read() may return half a line. Collect bytes until the \\n (a BufferedReader's "
            + "readLine() does this) before you answer.")
    void waitsForTheRestOfASplitPing(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        for (int i = 0; i < 5; i++) {
            if (i == 1) {
                client.sendPiece(Bytes.utf8("pi"));
                client.expectNoAnswerYet("while the line \"ping-1\\n\" is incomplete");
                client.send("ng-1\n");
            } else {
                client.send("ping-" + i + "\n");
            }
            client.expectLine("pong-" + i);
        }
    }

    @Test
    @Points(3)
    @DisplayName("answers two pings that arrive in one piece")
    @Hint("TCP does not keep message boundaries: one read() may return two lines. Answer every complete line you "
            + "have, not one answer per read().")
    void answersTwoPingsInOnePiece(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        client.send("ping-0\nping-1\n");
        client.expectLine("pong-0");
        client.expectLine("pong-1");
        for (int i = 2; i < 5; i++) {
            client.send("ping-" + i + "\n");
            client.expectLine("pong-" + i);
        }
    }

    @Test
    @Points(2)
    @DisplayName("answers pings that arrive one byte at a time")
    @Hint("Over a real network a line can arrive a byte at a time. Build each line from as many reads as it takes "
            + "(a BufferedReader's readLine() does), and answer only whole lines.")
    void answersPingsThatArriveOneByteAtATime(Lab lab) {
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), Cut.oneBytePerSegment());
        TcpConnection client = lab.connect(proxy);
        int sent = 0;
        for (int i = 0; i < 5; i++) {
            String ping = "ping-" + i + "\n";
            client.send(ping);
            sent += ping.length();
            client.expectLine("pong-" + i);
        }
        proxy.expectDelivered(Direction.REQUESTS, sent, proxy.targetName());
        client.expectEndOfStream("after five rounds");
    }

    @Test
    @Points(2)
    @DisplayName("the server plays as many rounds as its count argument, then closes and exits with status 0")
    @Hint("The optional second argument is the number of rounds: TcpPongServer <port> [count=5].")
    void honoursTheCount(Lab lab) {
        StudentProgram server = lab.startServer(SERVER, 3);
        TcpConnection client = lab.connect(server);
        for (int i = 0; i < 3; i++) {
            client.send("ping-" + i + "\n");
            client.expectLine("pong-" + i);
        }
        client.expectEndOfStream("after the three rounds it was started for");
        int status = server.awaitExit(Deadline.in(Waits.EXIT), "its three rounds");
        assertThat(status).as("exit status of %s", server.displayName()).isZero();
    }
}
