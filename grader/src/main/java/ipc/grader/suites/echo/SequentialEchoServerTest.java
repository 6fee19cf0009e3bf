package ipc.grader.suites.echo;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@GradedExercise("sequential-echo")
@DisplayName("sequential-echo: SequentialEchoServer")
class SequentialEchoServerTest {

    private static final String SERVER = "ipc.echo.SequentialEchoServer";

    @Test
    @Points(2)
    @DisplayName("echoes a client's message back unchanged")
    @Hint("An echo server writes back exactly the bytes it has read, as soon as it has read them.")
    void echoesAMessage(Lab lab) {
        EchoChecks.echoesAMessage(lab, SERVER, "hello, sequential echo\n");
    }

    @Test
    @Points(2)
    @DisplayName("keeps a 1 MiB payload intact")
    @Hint("A large payload arrives over many reads of any size. For each read of n bytes, write back exactly those n.")
    void echoesOneMebibyte(Lab lab) {
        EchoChecks.echoesOneMebibyte(lab, SERVER);
    }

    @Test
    @Points(2)
    @DisplayName("closes each connection once its client has closed its side")
    @Hint("read() returns -1 when the client has closed its side: close that client's socket, then accept the next.")
    void closesAfterEndOfStream(Lab lab) {
        EchoChecks.closesAfterEndOfStream(lab, SERVER);
    }

    @Test
    @Points(3)
    @DisplayName("serves three clients one after another")
    @Hint("A server that serves one client and returns is done for good: put accept() and the echo loop in a loop "
            + "that runs forever.")
    void servesClientsOneAfterAnother(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        for (int i = 1; i <= 3; i++) {
            TcpConnection client = lab.connect(server);
            client.send("client " + i + " here\n");
            client.expect("client " + i + " here\n");
            client.shutdownOutput();
            client.expectEndOfStream("after client " + i + " closed its side");
        }
    }

    @Test
    @Points(3)
    @DisplayName("keeps serving after a client resets its connection")
    @Hint("A client can vanish at any moment (a crash, a pulled cable): read() then throws an IOException. Catch it "
            + "for that one client, close its socket, and go back to accept().")
    void survivesAReset(Lab lab) {
        EchoChecks.survivesAReset(lab, SERVER);
    }
}
