package ipc.grader.suites.echo;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hidden;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A hidden check of echo: graded in the instructor's runs, shown to students after the due date,
 * never in the student repository. It asks what the public checks ask in another shape, so a
 * server that was tuned to the public checks' exact messages is still caught.
 */
@GradedExercise("echo")
@Hidden
@DisplayName("echo: EchoServer (hidden)")
class EchoHiddenTest {

    private static final String SERVER = "ipc.echo.EchoServer";

    @Test
    @Points(2)
    @DisplayName("echoes binary data, high bytes first, that arrives in uneven pieces")
    @Hint("A socket carries bytes, not text, and cuts them anywhere: echo each read's bytes as they are, "
            + "never a String made of them.")
    void echoesUnevenBinaryPieces(Lab lab) {
        byte[] data = new byte[300];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (255 - i % 256); // 0xff down to 0x00, then 0xff down again
        }
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        client.sendInPieces(data, 1, 7, 130);
        client.expect(data);
    }
}
