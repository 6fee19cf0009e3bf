package ipc.grader.suites.echo;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
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

@GradedExercise("echo")
@DisplayName("echo: EchoServer")
class EchoServerTest {

    private static final String SERVER = "ipc.echo.EchoServer";

    @Test
    @Points(2)
    @DisplayName("echoes a short message back unchanged")
    @Hint("An echo server writes back exactly the bytes it has read, as soon as it has read them.")
    void echoesAShortMessage(Lab lab) {
        EchoChecks.echoesAMessage(lab, SERVER, "hello, echo\n");
    }

    @Test
    @Points(2)
    @DisplayName("keeps echoing message after message on one connection")
    @Hint("One read() is not one message, and a connection carries many: read in a loop until read() returns -1.")
    void echoesSeveralMessages(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        for (int i = 1; i <= 3; i++) {
            client.send("message " + i + "\n");
            client.expect("message " + i + "\n");
        }
    }

    @Test
    @Points(2)
    @DisplayName("echoes all 256 byte values unchanged")
    @Hint("A socket carries bytes, not text. Decoding bytes to a String and back replaces every byte that is not "
            + "valid UTF-8: echo the byte array itself, write(buffer, 0, n).")
    void echoesEveryByteValue(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        client.send(Payloads.everyByteValue());
        client.expect(Payloads.everyByteValue());
    }

    @Test
    @Points(2)
    @DisplayName("echoes a UTF-8 character that arrives split across two reads")
    @Hint("TCP may cut the stream anywhere, even inside a character that takes two bytes in UTF-8. "
            + "Echo the bytes you read; never decode one read() on its own as text.")
    void echoesASplitCharacter(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        byte[] text = Bytes.utf8("café crème\n");
        client.sendInPieces(text, 4); // cuts between the two bytes of 'é' (0xc3 0xa9)
        client.expect(text);
    }

    @Test
    @Points(2)
    @DisplayName("echoes a message that arrives one byte at a time")
    @Hint("Each read() returns whatever has arrived, here a single byte. Keep reading and echoing in a loop until "
            + "read() returns -1; one read is never the whole message.")
    void echoesAMessageThatArrivesOneByteAtATime(Lab lab) {
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), Cut.oneBytePerSegment());
        TcpConnection client = lab.connect(proxy);
        client.send("one byte at a time\n");
        client.expect("one byte at a time\n");
    }

    @Test
    @Points(3)
    @DisplayName("keeps a 1 MiB payload intact")
    @Hint("A large payload arrives over many reads of any size. For each read of n bytes, write back exactly those n.")
    void echoesOneMebibyte(Lab lab) {
        EchoChecks.echoesOneMebibyte(lab, SERVER);
    }

    @Test
    @Points(2)
    @DisplayName("closes the connection once the client has closed its side")
    @Hint("read() returns -1 when the client has closed its side of the connection: that is when to close yours.")
    void closesAfterEndOfStream(Lab lab) {
        EchoChecks.closesAfterEndOfStream(lab, SERVER);
    }

    @Test
    @Points(1)
    @DisplayName("exits with status 0 once its one client is done")
    @Hint("EchoServer serves exactly one client: when that connection ends, close the sockets and let main return.")
    void exitsAfterItsClient(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection client = lab.connect(server);
        client.send("last words\n");
        client.expect("last words\n");
        client.shutdownOutput();
        int status = server.awaitExit(Deadline.in(Waits.EXIT), "its client closed the connection");
        assertThat(status).as("exit status of %s after its client left", server.displayName()).isZero();
    }
}
