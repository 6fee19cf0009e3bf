package ipc.grader.suites.chat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many clients at once: the check that tells a server whose client list is shared safely from one
 * that only works for two polite clients. Visitors join and leave while the stayers talk, round
 * after round, so that an unlocked walk or change of the list is cut by another one in some round
 * of every grading.
 *
 * <p>Every client reads what it got at the end of each round, before the next round talks: a
 * server may drop a client that falls far behind (the slow-reader check asks for it), and on a
 * loaded machine the server's writer threads may not run for a while. So no client of this check
 * ever has more than one round's lines waiting for it (about 400), far below the 1,000 lines at
 * which a correct server may drop it, and a correct server's queue is never what decides.
 */
@GradedExercise("chat")
@DisplayName("chat: ChatServer under load")
class ChatLoadTest {

    private static final int STAYERS = 20;
    private static final int VISITORS = 10;
    private static final int LINES = 20;
    private static final int ROUNDS = 3;

    @Test
    @Points(4)
    @DisplayName("30 clients joining, talking and leaving at once lose, double and garble nothing")
    @Hint("Every client's thread uses the one list of clients: guard every add, remove and walk over it with one lock "
            + "(synchronized), or use a CopyOnWriteArrayList, or the walks and changes trip over each other.")
    void keepsEveryLineUnderLoad(Lab lab) {
        StudentProgram server = lab.startServer(ChatServerTest.SERVER);
        ChatRoom room = ChatRoom.of(lab, server, STAYERS);
        Map<String, List<String>> sent = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> received = new LinkedHashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<TcpConnection> visitors = new ArrayList<>();
            for (int step = 0; step < LINES / 2; step++) {
                visitors.add(lab.connect(server)); // joins while the stayers talk
                for (int i = 0; i < STAYERS; i++) {
                    // Two lines per write: a server must split them, whatever one read() returns.
                    String first = "r" + round + "-s" + i + "-" + (2 * step);
                    String second = "r" + round + "-s" + i + "-" + (2 * step + 1);
                    room.client(i).send(first + "\n" + second + "\n");
                    sent.computeIfAbsent(room.name(i), name -> new ArrayList<>()).addAll(List.of(first, second));
                }
                if (step >= VISITORS / 2) {
                    visitors.get(step - VISITORS / 2).close(); // leaves while the stayers talk
                }
            }
            visitors.forEach(TcpConnection::close);
            for (int i = 0; i < STAYERS; i++) {
                expectEveryLineOnce(room.client(i), room.name(i), sent,
                        received.computeIfAbsent(room.name(i), name -> new LinkedHashMap<>()));
            }
        }
    }

    /**
     * Reads until {@code receiver} has every line the others sent so far, in each sender's order,
     * each once; {@code next} holds, by sender, how many of its lines it had received before.
     */
    private static void expectEveryLineOnce(TcpConnection receiver, String self, Map<String, List<String>> sent,
            Map<String, Integer> next) {
        int expected = 0;
        int got = 0;
        for (Map.Entry<String, List<String>> sender : sent.entrySet()) {
            if (!sender.getKey().equals(self)) {
                int before = next.computeIfAbsent(sender.getKey(), name -> 0);
                expected += sender.getValue().size();
                got += before;
            }
        }
        Deadline deadline = Deadline.in(Waits.CROWD);
        while (got < expected) {
            String line = receiver.readLine(deadline);
            if (line == null) {
                throw receiver.failure("the server closed the connection after " + got + " of the " + expected
                        + " lines this client should have received so far");
            }
            if (line.startsWith("*** ")) {
                continue; // visitors' joins and leaves
            }
            int close = line.indexOf("] ");
            String name = line.startsWith("[") && close > 0 ? line.substring(1, close) : null;
            Integer position = name == null ? null : next.get(name);
            if (position == null) {
                throw receiver.failure("got the line \"" + line + "\", which is not \"[<name>] <line>\" from another client");
            }
            String text = line.substring(close + 2);
            List<String> lines = sent.get(name);
            if (position >= lines.size() || !lines.get(position).equals(text)) {
                throw receiver.failure("from " + name + " the next line should have been \""
                        + (position < lines.size() ? lines.get(position) : "(nothing more)") + "\", but got \"" + text
                        + "\": a line was lost, doubled or garbled on the way");
            }
            next.put(name, position + 1);
            got++;
        }
    }
}
