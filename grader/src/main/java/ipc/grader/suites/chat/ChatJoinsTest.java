package ipc.grader.suites.chat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The race of a server that adds a client to its list in the client's own thread, after the accept
 * thread has moved on (as the lecture's Python server does): a client that joins just after another
 * one announces itself before the other is in the list, and the two never hear of each other.
 *
 * <p>The grader forces that interleaving instead of waiting for it: each round connects a burst of
 * clients one right after another, faster than a server accepts them, so the server takes them from
 * its accept queue back to back and their threads start together, while every notice also goes to
 * a large audience that keeps the server's threads busy. Of any two clients of a burst, one joined
 * first, and it must hear of the other; a server that admits clients one at a time (in the accept
 * thread, or under one lock with the notice) passes every round, and one that does not fails in one
 * of the first rounds.
 */
@GradedExercise("chat")
@DisplayName("chat: ChatServer, clients joining at once")
class ChatJoinsTest {

    /**
     * Clients per burst: few enough to wait in a default accept queue (50, see {@code ClientCrowd}),
     * many enough that the server's new threads pile up and run late, which is when the race shows;
     * a small burst is served one thread at a time by a warm server, and hides it.
     */
    private static final int BURST = 24;
    private static final int ROUNDS = 12;

    /**
     * Clients that join before the first round and are never read again. Every join notice goes to
     * each of them and wakes as many of the server's threads, so a burst arrives at a busy server whose
     * threads for the newcomers run late and interleaved: a gap between announcing a client and adding
     * it then shows in nearly every round. Measured on the mutant {@code joins-in-own-thread}: with this
     * audience, 76 of 80 rounds failed; without it, 46 of 240, some gradings passing 12 rounds in a row.
     * What they are sent in the whole check (about 1.5 KB a round) fits in any system's socket buffers,
     * so a server that writes to each client directly never waits for them.
     */
    private static final int AUDIENCE = 40;
    private static final Duration SWEEP = Duration.ofMillis(1);
    private static final Duration WAIT = Duration.ofMillis(20);

    @Test
    @Points(3)
    @DisplayName("clients that connect at the same moment all hear of each other")
    @Hint("Add a client to the list of clients in the accept thread, together with its join notice, before accepting the "
            + "next client. A client that its own thread adds a moment later is not yet in the list when the next "
            + "client's notice goes out, and never hears of it.")
    void clientsJoiningAtOnceHearOfEachOther(Lab lab) {
        StudentProgram server = lab.startServer(ChatServerTest.SERVER);
        ChatRoom.of(lab, server, AUDIENCE).ignoreEverything();
        for (int round = 1; round <= ROUNDS; round++) {
            List<TcpConnection> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(lab.connect(server));
            }
            expectEveryPairAnnounced(burst, round);
            leaveCleanly(burst);
        }
    }

    /**
     * Ends the burst's connections one after another, each the polite way (the client ends its
     * stream, then waits for the server to close): the next round starts from an empty chat, no
     * client ever resets (how a server copes with resets is another check's subject), and no two
     * leaves overlap, so this check's only race is the one it is about. Overlapping leaves made a
     * server with an unlocked list crash here on some runs and not on others; the load check is the
     * one about that race.
     */
    private static void leaveCleanly(List<TcpConnection> burst) {
        Deadline deadline = Deadline.in(Waits.REPLY);
        burst.forEach(client -> client.leave(deadline));
    }

    /** Reads every client of {@code burst} until, of each two of them, one has heard the other join. */
    private static void expectEveryPairAnnounced(List<TcpConnection> burst, int round) {
        Map<String, TcpConnection> byName = new LinkedHashMap<>();
        Map<String, Set<String>> heard = new LinkedHashMap<>();
        for (TcpConnection client : burst) {
            byName.put(Names.of(client), client);
            heard.put(Names.of(client), new HashSet<>());
        }
        Deadline deadline = Deadline.in(Waits.REPLY);
        Optional<List<String>> unannounced;
        while ((unannounced = firstUnannouncedPair(heard)).isPresent() && !deadline.hasExpired()) {
            // What has come so far, to everyone; then a short wait on the earlier client of the first
            // pair not yet settled, which should hear of the other.
            byName.forEach((name, client) -> readJoins(client, heard.get(name), SWEEP));
            firstUnannouncedPair(heard).map(pair -> pair.get(0))
                    .ifPresent(name -> readJoins(byName.get(name), heard.get(name), WAIT));
        }
        if (unannounced.isPresent()) {
            String first = unannounced.get().get(0);
            String second = unannounced.get().get(1);
            throw new AssertionError("in round " + round + " of " + ROUNDS + ", " + BURST + " clients connected one right "
                    + "after another, and " + first + " and " + second + " never heard of each other: neither got the "
                    + "other's \"*** <ip:port> joined ***\" within " + deadline.describe() + ".\n"
                    + "The one that joined first should have heard of the other. It did not, so it was not yet in the "
                    + "list of clients when the other's notice went out, and a line sent then would have missed it too.\n"
                    + byName.get(first).conversation() + byName.get(second).conversation());
        }
    }

    /** Records the join notices that {@code client} gets until none comes for {@code quiet}. */
    private static void readJoins(TcpConnection client, Set<String> heard, Duration quiet) {
        Optional<String> line;
        while ((line = client.lineWithin(Deadline.in(quiet))).isPresent()) {
            String joined = joinedName(line.get());
            if (joined != null) {
                heard.add(joined); // other lines (late notices of earlier rounds) do not matter
            }
        }
    }

    /** The first two clients (in the order they connected) of whom neither heard the other join. */
    private static Optional<List<String>> firstUnannouncedPair(Map<String, Set<String>> heard) {
        List<String> names = List.copyOf(heard.keySet());
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (!heard.get(names.get(i)).contains(names.get(j)) && !heard.get(names.get(j)).contains(names.get(i))) {
                    return Optional.of(List.of(names.get(i), names.get(j)));
                }
            }
        }
        return Optional.empty();
    }

    private static String joinedName(String line) {
        return line.startsWith("*** ") && line.endsWith(" joined ***") ? line.substring(4, line.length() - 11) : null;
    }
}
