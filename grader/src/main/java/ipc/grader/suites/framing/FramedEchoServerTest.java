package ipc.grader.suites.framing;

import static ipc.grader.suites.framing.Frames.concat;
import static ipc.grader.suites.framing.Frames.frame;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
import ipc.grader.fault.Seed;
import ipc.grader.feedback.Bytes;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader sends frames, often through its proxy, and expects each one back as one frame. */
@GradedExercise("framing")
@DisplayName("framing: FramedEchoServer")
class FramedEchoServerTest {

    private static final String SERVER = "ipc.framing.FramedEchoServer";
    /** The proxy joins writes that come closer together than this. */
    private static final Duration COALESCE = Duration.ofMillis(50);

    @Test
    @Points(2)
    @DisplayName("echoes a frame of 0 bytes and a frame of 1 byte")
    @Hint("An empty frame is just the length 00 00 00 00; echo it like any other. Loop: readMessage, writeMessage, "
            + "until readMessage returns null.")
    void echoesFramesOfZeroAndOneBytes(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        client.send(frame(new byte[0]));
        client.expect(frame(new byte[0]));
        client.send(frame(Bytes.utf8("x")));
        client.expect(frame(Bytes.utf8("x")));
    }

    @Test
    @Points(3)
    @DisplayName("echoes a frame that arrives one byte at a time")
    @Hint("Read the header and the payload with MessageFraming.readMessage, which loops until it has every byte; a "
            + "single read() of the payload gets whatever has arrived, here one byte.")
    void echoesAFrameThatArrivesOneByteAtATime(Lab lab) {
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), Cut.oneBytePerSegment());
        TcpConnection client = lab.connect(proxy);
        byte[] frame = frame(Bytes.utf8("framed, then cut into bytes"));
        client.send(frame);
        client.expect(frame);
    }

    @Test
    @Points(3)
    @DisplayName("echoes a 1 MiB frame that arrives in random pieces")
    @Hint("A large frame comes in many reads of any size. Read until the payload is complete before you echo it.")
    void echoesAMebibyteFrameInRandomPieces(Lab lab) {
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), Cut.randomPieces(Seed.value(), 64 * 1024));
        TcpConnection client = lab.connect(proxy);
        client.exchange(frame(Frames.randomPayload(1024 * 1024, Seed.value())), Deadline.in(Waits.CROWD));
    }

    @Test
    @Points(3)
    @DisplayName("echoes three frames that arrive together in one piece")
    @Hint("One read may hold several frames. Let the length tell you where each frame ends, and keep what follows "
            + "for the next readMessage (wrap the socket's stream in a BufferedInputStream once, not per frame).")
    void echoesFramesThatArriveTogether(Lab lab) {
        CuttingProxy proxy = lab.proxyTo(lab.startServer(SERVER), Cut.coalesced(COALESCE));
        TcpConnection client = lab.connect(proxy);
        byte[] frames = concat(frame(Bytes.utf8("first")), frame(Bytes.utf8("second, longer")), frame(new byte[0]));
        client.send(frames); // one write: the three frames arrive in one segment, in the server's first read
        client.expect(frames);
    }

    @Test
    @Points(2)
    @DisplayName("waits for the whole frame before echoing it")
    @Hint("Echo each frame as one frame: read all of it with readMessage, then write it with writeMessage. Copying "
            + "bytes as they come is a plain echo, not a framed one.")
    void waitsForTheWholeFrame(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER));
        byte[] frame = frame(Bytes.utf8("half now, half later"));
        client.sendPiece(Arrays.copyOf(frame, 10));
        client.expectNoAnswerYet("while the frame is incomplete (6 of its 20 payload bytes have arrived)");
        client.send(Arrays.copyOfRange(frame, 10, frame.length));
        client.expect(frame);
    }

    @Test
    @Points(2)
    @DisplayName("serves clients one after another and keeps running")
    @Hint("When readMessage returns null the client has gone: close its socket and go back to accept() the next one.")
    void servesClientsOneAfterAnother(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        for (int i = 1; i <= 3; i++) {
            try (TcpConnection client = lab.connect(server)) {
                byte[] frame = frame(Bytes.utf8("client " + i));
                client.send(frame);
                client.expect(frame);
                client.shutdownOutput();
                client.expectEndOfStream("after the client closed its side");
            }
        }
        server.expectToKeepRunning(Deadline.in(Waits.AFTERMATH), "its third client left");
    }
}
