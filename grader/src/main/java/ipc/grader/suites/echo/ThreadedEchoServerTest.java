package ipc.grader.suites.echo;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.ClientCrowd;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@GradedExercise("threaded-echo")
@DisplayName("threaded-echo: ThreadedEchoServer")
class ThreadedEchoServerTest {

    private static final String SERVER = "ipc.echo.ThreadedEchoServer";
    /** Enough clients, each sending enough, that a buffer shared between threads mixes their bytes. */
    private static final int CROWD = 100;
    private static final int BYTES_EACH = 64 * 1024;

    @Test
    @Points(2)
    @DisplayName("echoes a client's message back unchanged")
    @Hint("An echo server writes back exactly the bytes it has read, as soon as it has read them.")
    void echoesAMessage(Lab lab) {
        EchoChecks.echoesAMessage(lab, SERVER, "hello, threaded echo\n");
    }

    @Test
    @Points(2)
    @DisplayName("closes each connection once its client has closed its side")
    @Hint("read() returns -1 when the client has closed its side: that client's thread closes its socket and ends.")
    void closesAfterEndOfStream(Lab lab) {
        EchoChecks.closesAfterEndOfStream(lab, SERVER);
    }

    @Test
    @Points(3)
    @DisplayName("serves a second client while the first one is idle")
    @Hint("With one thread, the server is stuck in the first client's read() while that client says nothing. "
            + "Give each accepted client its own thread and go straight back to accept().")
    void servesASecondClientWhileTheFirstIsIdle(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection idle = lab.connect(server);
        TcpConnection second = lab.connect(server);
        second.send("I should not have to wait\n");
        second.expect("I should not have to wait\n");
        idle.send("still here\n");
        idle.expect("still here\n");
    }

    @Test
    @Points(4)
    @DisplayName("serves 100 clients at once, each getting back only its own bytes")
    @Hint("Every thread needs its own buffer and its own streams. A buffer shared by all threads (a static field, "
            + "say) lets one client's bytes be overwritten by another's before they are echoed.")
    void serves100ClientsWithoutCrossTalk(Lab lab) {
        ClientCrowd crowd = lab.connectCrowd(lab.startServer(SERVER), CROWD);
        crowd.expectEachEchoedOwnPayload(BYTES_EACH);
    }

    @Test
    @Points(3)
    @DisplayName("keeps serving after a client resets its connection")
    @Hint("A client can vanish at any moment: read() then throws an IOException in that client's thread. "
            + "End that thread quietly; never System.exit, which ends the server for everyone.")
    void survivesAReset(Lab lab) {
        EchoChecks.survivesAReset(lab, SERVER);
    }
}
