package ipc.grader.suites.nio;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.ClientCrowd;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.suites.echo.EchoChecks;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@GradedExercise("selector-echo")
@DisplayName("selector-echo: SelectorEchoServer")
class SelectorEchoServerTest {

    private static final String SERVER = "ipc.nio.SelectorEchoServer";
    /** The lecture's claim: an event loop holds a thousand connections on one thread. */
    static final int CROWD = 1000;
    private static final int BYTES_EACH = 4 * 1024;
    /**
     * More than the socket buffers between the two hold, so that the server's write() takes only part.
     * The largest is the server's send buffer, which Linux grows to 4 MiB (tcp_wmem): a server that drops
     * what a write() left over lost nothing of a 4 MiB flood, and one that loops on write() never waited.
     */
    private static final int FLOOD = 16 * 1024 * 1024;
    /**
     * The receive buffer of a client that reads nothing for a while. The system's own grows to 32 MiB on
     * Linux (tcp_rmem), enough to take much of the echo before the server's write() ever falls short.
     */
    private static final int SMALL_RECEIVE_BUFFER = 32 * 1024;
    /** How long nothing more may go out before the grader takes the server to have stopped reading. */
    private static final Duration STALL = Duration.ofMillis(500);
    /** Threads a server may add to its count before its first client: one event loop, and a spare. */
    static final int EXTRA_THREADS = 2;

    @Test
    @Points(2)
    @DisplayName("echoes a client's message back unchanged")
    @Hint("Read what the client sent into a ByteBuffer, flip() it, and write it back to the same channel.")
    void echoesAMessage(Lab lab) {
        EchoChecks.echoesAMessage(lab, SERVER, "hello, event loop\n");
    }

    @Test
    @Points(3)
    @DisplayName("holds 1,000 connections at once, each getting back only its own bytes")
    @Hint("Each connection needs a buffer of its own: attach it to the channel's SelectionKey when you register the "
            + "channel, and take it from key.attachment() whenever that key is ready.")
    void holdsAThousandConnections(Lab lab) {
        ClientCrowd crowd = lab.connectCrowd(lab.startServer(SERVER), CROWD);
        crowd.expectEachEchoedOwnPayload(BYTES_EACH);
    }

    @Test
    @Points(3)
    @DisplayName("serves 1,000 connections with at most 2 threads more than it had before the first")
    @Hint("One thread serves every client: it waits in selector.select() and handles whatever is ready. A thread "
            + "per client (or a pool that grows with the clients) is the design this exercise replaces.")
    void servesThemOnOneThread(Lab lab) {
        StudentProgram server = lab.startServerForThreadCount(SERVER);
        int before = ServerThreads.count(server, "before its first client");
        ClientCrowd crowd = lab.connectCrowd(server, CROWD);
        crowd.expectEachEchoedOwnPayload(BYTES_EACH);
        ServerThreads.expectAtMost(server, before, EXTRA_THREADS, "while it held " + CROWD + " connections");
    }

    @Test
    @Points(3)
    @DisplayName("sleeps in select() while its clients send nothing")
    @Hint("selector.select() sleeps until a channel is ready. A loop around selectNow(), or around a non-blocking "
            + "accept() or read() that returns nothing, keeps a core busy while nothing happens.")
    void sleepsWhileIdle(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection client = lab.connect(server);
        client.send("anyone there?\n");
        client.expect("anyone there?\n");
        IdleActivity.expectAsleep(server, "while its one client, connected, sent nothing");
    }

    @Test
    @Points(3)
    @DisplayName("sends back all of 16 MiB that a client sends before it reads anything")
    @Hint("write() on a non-blocking channel takes only what fits in the socket's buffer and returns at once. Keep "
            + "what is left (buffer.hasRemaining()) with the connection, register for OP_WRITE, and write the rest "
            + "when the key is writable; stop reading that client meanwhile.")
    void keepsWhatAPartialWriteLeft(Lab lab) {
        TcpConnection client = lab.connect(lab.startServer(SERVER), SMALL_RECEIVE_BUFFER);
        byte[] flood = flood();
        int sent = client.sendUntilStalled(flood, STALL, Deadline.in(Waits.CROWD));
        client.exchangeRest(flood, sent, Deadline.in(Waits.CROWD));
    }

    @Test
    @Points(3)
    @DisplayName("serves another client while one client is not reading its echo")
    @Hint("Never wait for one client inside the loop: a while loop around write() until the buffer is empty "
            + "stops everyone else while that client does not read. Register for OP_WRITE and go on.")
    void servesOthersWhileOneDoesNotRead(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection slow = lab.connect(server, SMALL_RECEIVE_BUFFER);
        byte[] flood = flood();
        int sent = slow.sendUntilStalled(flood, STALL, Deadline.in(Waits.CROWD));
        TcpConnection other = lab.connect(server);
        other.send("my turn?\n");
        other.expect("my turn?\n");
        slow.exchangeRest(flood, sent, Deadline.in(Waits.CROWD));
    }

    @Test
    @Points(2)
    @DisplayName("closes each connection once its client has closed its side")
    @Hint("read() returns -1 at the client's end of stream: send what is still owed, then close that channel "
            + "(closing it also takes it out of the selector).")
    void closesAfterEndOfStream(Lab lab) {
        EchoChecks.closesAfterEndOfStream(lab, SERVER);
    }

    @Test
    @Points(2)
    @DisplayName("keeps serving after a client resets its connection")
    @Hint("A read() or write() on a client that vanished throws an IOException: catch it around that one key, "
            + "close that channel, and go on with the loop.")
    void survivesAReset(Lab lab) {
        EchoChecks.survivesAReset(lab, SERVER);
    }

    /** Bytes of every value in an order that shows where an echo went wrong; the same every run. */
    private static byte[] flood() {
        byte[] flood = new byte[FLOOD];
        new Random(FLOOD).nextBytes(flood);
        return flood;
    }
}
