package ipc.grader.suites.echo;

import ipc.grader.junit.Lab;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;

/**
 * The behaviours every echo server shares (the three echo exercises, and selector-echo), checked the
 * same way for each; every suite keeps its own names, points and hints for them.
 */
public final class EchoChecks {

    private EchoChecks() {
    }

    /** One short message comes back unchanged. */
    public static void echoesAMessage(Lab lab, String server, String message) {
        TcpConnection client = lab.connect(lab.startServer(server));
        client.send(message);
        client.expect(message);
    }

    /**
     * 1 MiB of every byte value comes back intact, sent and read at the same time. Its last 100
     * bytes arrive in a read of their own, so a server that never flushes a buffered stream loses
     * them every time, not only when the machine is quiet (see {@link TcpConnection#exchange(byte[], int, Deadline)}).
     */
    static void echoesOneMebibyte(Lab lab, String server) {
        TcpConnection client = lab.connect(lab.startServer(server));
        client.exchange(Payloads.mebibyte(), 100, Deadline.in(Waits.REPLY));
    }

    /** After the client half-closes, the server closes its side too. */
    public static void closesAfterEndOfStream(Lab lab, String server) {
        TcpConnection client = lab.connect(lab.startServer(server));
        client.send("bye\n");
        client.expect("bye\n");
        client.shutdownOutput();
        client.expectEndOfStream("after the client closed its side");
    }

    /** A client that resets its connection harms neither the server nor the next client. */
    public static void survivesAReset(Lab lab, String serverClass) {
        StudentProgram server = lab.startServer(serverClass);
        TcpConnection crashing = lab.connect(server);
        crashing.send("about to crash\n");
        crashing.expect("about to crash\n");
        crashing.reset();
        server.expectToKeepRunning(Deadline.in(Waits.AFTERMATH), "after a client reset its connection");
        TcpConnection next = lab.connect(server);
        next.send("anyone home?\n");
        next.expect("anyone home?\n");
    }
}
