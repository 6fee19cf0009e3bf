package ipc.grader.suites.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
import ipc.grader.fault.Direction;
import ipc.grader.fault.Seed;
import ipc.grader.feedback.Bytes;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.GraderServer;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader plays the pong server; the student's client talks to it. */
@GradedExercise("tcp-ping-pong")
@DisplayName("tcp-ping-pong: TcpPingClient")
class TcpPingClientTest {

    private static final String CLIENT = "ipc.tcp.TcpPingClient";

    @Test
    @Points(2)
    @DisplayName("sends ping-0 to ping-4, each after the previous pong, then closes and exits with status 0")
    @Hint("Send one line, read one whole line back, five times (the default count); then close the socket.")
    void playsFiveRounds(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        for (int i = 0; i < 5; i++) {
            connection.expectLine("ping-" + i);
            connection.send("pong-" + i + "\n");
        }
        expectCleanEnd(client, connection, "after five rounds");
    }

    @Test
    @Points(3)
    @DisplayName("waits for the rest of a pong that arrives in two pieces")
    @Hint("TCP is a byte stream: one read() may return half a line. Read until the \\n (BufferedReader.readLine() "
            + "does) before you send the next ping.")
    void waitsForTheRestOfASplitPong(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        for (int i = 0; i < 5; i++) {
            connection.expectLine("ping-" + i);
            if (i == 0) {
                connection.sendPiece(Bytes.utf8("po"));
                connection.expectNoAnswerYet("while the line \"pong-0\\n\" is incomplete");
                connection.send("ng-0\n");
            } else {
                connection.send("pong-" + i + "\n");
            }
        }
        expectCleanEnd(client, connection, "after five rounds");
    }

    @Test
    @Points(3)
    @DisplayName("reads two pongs that arrive in one piece as two lines")
    @Hint("TCP does not keep message boundaries: one read() may return two lines. Read line by line "
            + "(BufferedReader.readLine()), so the second line waits in the buffer for the next round.")
    void readsTwoPongsInOnePiece(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        connection.expectLine("ping-0");
        connection.send("pong-0\npong-1\n"); // pong-1 answers ping-1 ahead of time
        connection.expectLine("ping-1");
        for (int i = 2; i < 5; i++) {
            connection.expectLine("ping-" + i);
            connection.send("pong-" + i + "\n");
        }
        expectCleanEnd(client, connection, "after five rounds");
    }

    @Test
    @Points(2)
    @DisplayName("reads pongs that arrive cut into random pieces")
    @Hint("A line may arrive in any number of pieces. Read whole lines (BufferedReader.readLine()), never one read() "
            + "per pong.")
    void readsPongsCutIntoRandomPieces(Lab lab) {
        GraderServer server = lab.listen();
        CuttingProxy proxy = lab.proxy(server, Cut.randomPieces(Seed.value(), 3));
        StudentProgram client = lab.startClient(CLIENT, proxy);
        // The reply deadline of each ping starts once the proxy has passed the whole pong on: its
        // pieces go out one after another, each once the client read the last, and that is the grader's time.
        TcpConnection connection = server.acceptFrom(client).pacedBy(proxy.pacing(Direction.RESPONSES));
        int sent = 0;
        for (int i = 0; i < 5; i++) {
            connection.expectLine("ping-" + i);
            String pong = "pong-" + i + "\n";
            connection.send(pong);
            sent += pong.length();
        }
        proxy.expectDelivered(Direction.RESPONSES, sent, client.displayName());
        expectCleanEnd(client, connection, "after five rounds");
    }

    @Test
    @Points(2)
    @DisplayName("the client plays as many rounds as its count argument, then closes and exits with status 0")
    @Hint("The optional third argument is the number of rounds: TcpPingClient <host> <port> [count=5].")
    void honoursTheCount(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server, 3);
        TcpConnection connection = server.acceptFrom(client);
        for (int i = 0; i < 3; i++) {
            connection.expectLine("ping-" + i);
            connection.send("pong-" + i + "\n");
        }
        expectCleanEnd(client, connection, "after the three rounds it was started for");
    }

    private static void expectCleanEnd(StudentProgram client, TcpConnection connection, String when) {
        connection.expectEndOfStream(when);
        int status = client.awaitExit(Deadline.in(Waits.EXIT), "it closed the connection");
        assertThat(status).as("exit status of %s", client.displayName()).isZero();
    }
}
