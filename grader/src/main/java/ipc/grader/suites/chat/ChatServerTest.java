package ipc.grader.suites.chat;

import ipc.grader.fault.Cut;
import ipc.grader.fault.CuttingProxy;
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

/** The grader's clients chat through the student's server. */
@GradedExercise("chat")
@DisplayName("chat: ChatServer")
class ChatServerTest {

    static final String SERVER = "ipc.chat.ChatServer";

    @Test
    @Points(2)
    @DisplayName("tells the others when a client joins and when it leaves")
    @Hint("When a client connects, send \"*** <ip:port> joined ***\" to every other client; when its connection ends, "
            + "\"*** <ip:port> left ***\".")
    void announcesJoinsAndLeaves(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection first = ChatRoom.of(lab, server, 1).client(0);
        TcpConnection second = lab.connect(server);
        String name = Names.of(second);
        first.expectLine("*** " + name + " joined ***");
        second.shutdownOutput();
        first.expectLine("*** " + name + " left ***");
    }

    @Test
    @Points(3)
    @DisplayName("sends a line to every other client once, with its sender's name, and not back to the sender")
    @Hint("Loop over the list of clients and write \"[<name>] <line>\\n\" to each one except the sender.")
    void broadcastsToEveryOtherClientOnce(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        ChatRoom room = ChatRoom.of(lab, server, 3);
        room.client(0).send("hello, room\n");
        String line = "[" + room.name(0) + "] hello, room";
        room.client(1).expectLine(line);
        room.client(2).expectLine(line);
        // Causal proof that the sender got nothing: the next line it reads is the answer to it.
        room.client(1).send("hi back\n");
        room.client(0).expectLine("[" + room.name(1) + "] hi back");
        room.client(2).expectLine("[" + room.name(1) + "] hi back");
    }

    @Test
    @Points(2)
    @DisplayName("broadcasts a line that arrives one byte at a time once, whole")
    @Hint("Broadcast whole lines only: collect bytes until \\n (BufferedReader.readLine()), never what one read() "
            + "returned.")
    void broadcastsALineArrivingInPiecesWhole(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        TcpConnection listener = ChatRoom.of(lab, server, 1).client(0);
        CuttingProxy proxy = lab.proxyTo(server, Cut.oneBytePerSegment());
        TcpConnection talker = lab.connect(proxy);
        String name = Names.fromJoinNotice(listener);
        talker.send("piece by piece\n");
        listener.expectLine("[" + name + "] piece by piece");
        talker.send("next\n");
        listener.expectLine("[" + name + "] next");
    }

    @Test
    @Points(2)
    @DisplayName("broadcasts two lines that arrive in one piece as two messages")
    @Hint("One read() may hold two lines: broadcast each line on its own, with its own \"[<name>] \" prefix.")
    void broadcastsTwoLinesInOnePieceAsTwo(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        ChatRoom room = ChatRoom.of(lab, server, 2);
        room.client(0).send("one\ntwo\n");
        room.client(1).expectLine("[" + room.name(0) + "] one");
        room.client(1).expectLine("[" + room.name(0) + "] two");
    }

    @Test
    @Points(2)
    @DisplayName("goes on broadcasting to the others after a client vanishes with a reset")
    @Hint("Reading from or writing to a client that is gone throws an IOException: catch it for that client, remove "
            + "it from the list, tell the others it left, and go on with them.")
    void survivesAVanishingClient(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        ChatRoom room = ChatRoom.of(lab, server, 3);
        room.client(1).reset();
        // The line goes out only once the others have heard of the leave: sent while the server is still
        // removing the client, it would race that removal, and a server whose list is unlocked would lose
        // it on some runs and not on others. The load check is the one that catches that, every time.
        room.client(0).expectLine("*** " + room.name(1) + " left ***");
        room.client(2).expectLine("*** " + room.name(1) + " left ***");
        room.client(0).send("still there?\n");
        room.client(2).expectLine("[" + room.name(0) + "] still there?");
        server.expectToKeepRunning(Deadline.in(Waits.AFTERMATH), "a client reset its connection");
    }

    @Test
    @Points(3)
    @DisplayName("keeps the chat going for the others while one client stops reading")
    @Hint("A write to a client that does not read blocks once its buffers are full. Never write to a client from "
            + "another client's thread: give each client a queue and a writer thread, and drop a client whose queue "
            + "is full.")
    void keepsGoingWhileOneClientStopsReading(Lab lab) {
        StudentProgram server = lab.startServer(SERVER);
        ChatRoom room = ChatRoom.of(lab, server, 3); // 0 talks, 1 listens, 2 never reads again
        String filler = "x".repeat(990);
        String prefix = "[" + room.name(0) + "] ";
        for (int batch = 0; batch < SLOW_READER_BATCHES; batch++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 100; i++) {
                lines.append(batch).append('-').append(i).append(' ').append(filler).append('\n');
            }
            room.client(0).send(lines.toString());
            for (int i = 0; i < 100; i++) {
                String expected = prefix + batch + "-" + i + " " + filler;
                String line;
                do {
                    line = room.client(1).readLine(Deadline.in(Waits.REPLY));
                } while (line != null && line.startsWith("*** ")); // the stalled client may be dropped: its notice
                if (!expected.equals(line)) {
                    throw room.client(1).failure("after " + batch * 100 + i + " lines of about 1 KB (client " + room.name(2)
                            + " reads nothing), the listening client expected \"" + prefix + batch + "-" + i
                            + " xxx...\" but got " + (line == null ? "the end of the stream" : "\"" + line.substring(0,
                            Math.min(line.length(), 60)) + "...\""));
                }
            }
        }
    }

    /** 10 MB in all: more than the kernel buffers for a client that never reads (about 4 MB here). */
    private static final int SLOW_READER_BATCHES = 100;
}
