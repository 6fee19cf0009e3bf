package ipc.grader.suites.chat;

import ipc.grader.feedback.SetupStep;
import ipc.grader.junit.Lab;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The grader's clients in a chat, each one proven to be in the server's list of clients before a
 * check gets to its subject, so that a check about broadcasting never depends on how fast the
 * server registers a client.
 *
 * <p>Connecting is not joining: a server may add a client to its list a moment after the
 * connection was accepted (in the client's own thread, say), and a line or a join notice sent in
 * that moment never reaches it. So a newcomer is admitted in steps, each seen on the wire: the
 * clients already in hear its join notice; then it must itself hear of somebody who joins after it.
 * That somebody is a doorbell, a grader client that joins only to be announced, and another rings a
 * little later for as long as the newcomer hears nothing (bounded). Only the newcomer's being in the
 * list is waited for, never a length of time: a server that registers late passes the step every
 * run, one that never registers fails it every run. Every client of the room ignores the doorbells'
 * notices from then on, and a last doorbell settles the room (see {@link #settle}).
 *
 * <p>Doorbells never leave: they stay, silent, until the check ends. A doorbell that left as soon as
 * the newcomer heard of it made the server remove it from its list while the accept thread could
 * still be walking that list for the doorbell's own join notice (the newcomer is the last one told,
 * but the walk goes on past the joiner), and a server without a lock on its list, whose own check is
 * the load check, then died here in one of the 10 gradings of it in a CI run (RacyMutantsTest). The
 * doorbells read up to the last doorbell's notice too: every client the server tells of it has heard
 * it before the check begins, so a check that removes a client right away (a reset) finds the
 * server's walk over them all, but for its step past the joiner. A doorbell that the server never
 * told (added to its list late) is waited for within the reply deadline, and the setup goes on.
 */
final class ChatRoom {

    /** How long the newcomer listens for one doorbell's notice before the next one rings. */
    private static final Duration RING_AGAIN = Duration.ofMillis(100);

    private final Lab lab;
    private final StudentProgram server;
    private final List<TcpConnection> clients = new ArrayList<>();
    private final Set<String> doorbells = ConcurrentHashMap.newKeySet();
    private final List<TcpConnection> ringers = new ArrayList<>();

    private ChatRoom(Lab lab, StudentProgram server) {
        this.lab = lab;
        this.server = server;
    }

    /** A room of {@code size} clients, admitted one after another, and then settled. */
    static ChatRoom of(Lab lab, StudentProgram server, int size) {
        ChatRoom room = new ChatRoom(lab, server);
        for (int i = 0; i < size; i++) {
            room.admit(lab.connect(server));
        }
        room.settle();
        return room;
    }

    TcpConnection client(int index) {
        return clients.get(index);
    }

    String name(int index) {
        return Names.of(clients.get(index));
    }

    int size() {
        return clients.size();
    }

    /** From now on the check ignores every line that any client of the room gets: an audience only. */
    void ignoreEverything() {
        clients.forEach(client -> client.ignoringLines(line -> true));
    }

    /** Adds {@code newcomer}, just connected: the others hear of it, then it is proven to be in the list. */
    TcpConnection admit(TcpConnection newcomer) {
        everyoneHearsThatJoined(Names.of(newcomer));
        ringUntilHeard(newcomer);
        newcomer.ignoringLines(this::aboutADoorbell);
        clients.add(newcomer);
        return newcomer;
    }

    /**
     * Ends the setup with nothing of it still on its way: one last doorbell joins and stays, silent,
     * to the end of the check, and every client reads its join notice, which a server sends after
     * every notice of the setup. Otherwise a doorbell's notice could still wait in the server for a
     * client that the check then resets, and writing it would show the server the reset at a moment
     * that differs from run to run.
     */
    private void settle() {
        TcpConnection last = lab.connect(server);
        String name = Names.of(last);
        everyoneHearsThatJoined(name);
        // The doorbells hear it too, but a server that adds a client to its list only after announcing
        // it (racy, and caught by the joins check) may not have added the last doorbells yet: for them
        // the notice never comes, and the setup does not fail on it.
        String notice = "*** " + name + " joined ***";
        Deadline told = Deadline.in(Waits.REPLY);
        for (TcpConnection doorbell : ringers) {
            doorbell.ignoringLines(line -> !line.equals(notice));
            try {
                doorbell.lineWithin(told);
            } catch (AssertionError neverTold) {
                // not in the server's list, or no more line before the deadline: nothing to wait for
            }
            doorbell.ignoringLines(line -> true);
        }
        doorbells.add(name); // what it hears from now on, and its leave if the server drops it, does not matter
    }

    private void everyoneHearsThatJoined(String name) {
        for (TcpConnection member : clients) {
            try {
                member.expectLine("*** " + name + " joined ***");
            } catch (AssertionError missed) {
                throw SetupStep.failed("the clients already in the chat to hear that " + name + " joined", missed,
                        "When a client connects, send \"*** <ip:port> joined ***\" to every client already in the chat.");
            }
        }
    }

    /**
     * Rings doorbells until {@code newcomer} hears the last one rung.
     *
     * <p>Another rings whenever nothing came for {@link #RING_AGAIN}, also after the newcomer heard an
     * earlier one: a server that announces each join from the joiner's own thread may announce a
     * doorbell before the newcomer is in its list and an earlier doorbell after, so the newcomer never
     * hears the last one rung (seen in CI under load). A doorbell rung after the newcomer heard one is
     * announced once the newcomer is in the list, so it is heard.
     */
    private void ringUntilHeard(TcpConnection newcomer) {
        String name = Names.of(newcomer);
        Deadline deadline = Deadline.in(Waits.REPLY);
        List<TcpConnection> rung = new ArrayList<>();
        Set<String> heard = new HashSet<>();
        boolean ring = true;
        while (rung.isEmpty() || !heard.contains(Names.of(rung.get(rung.size() - 1)))) {
            if (deadline.hasExpired()) {
                throw SetupStep.failed(name + " to be in the server's list of clients", newcomer.failure(
                        name + " never heard of " + (heard.isEmpty() ? "anybody" : "the last of them") + " who joined "
                                + "after it: " + rung.size() + " more clients joined, one after another within "
                                + deadline.describe() + ", and it got " + (heard.isEmpty() ? "none" : "only " + heard.size())
                                + " of their \"*** <ip:port> joined ***\" notices"),
                        "Add a client to the list of clients as soon as it is accepted, in the accept thread, "
                                + "before accepting the next one: until it is in the list it misses every line "
                                + "and every join notice.");
            }
            if (ring) {
                TcpConnection doorbell = lab.connect(server);
                doorbells.add(Names.of(doorbell));
                rung.add(doorbell);
                ringers.add(doorbell);
            }
            ring = !hearDoorbells(newcomer, heard, Deadline.in(RING_AGAIN));
        }
    }

    /**
     * Adds to {@code heard} the first doorbell {@code newcomer} hears join before {@code until}, and
     * says whether one came; fails on any other line.
     */
    private boolean hearDoorbells(TcpConnection newcomer, Set<String> heard, Deadline until) {
        Optional<String> line;
        while ((line = newcomer.lineWithin(until)).isPresent()) {
            if (!aboutADoorbell(line.get())) {
                throw SetupStep.failed(Names.of(newcomer) + " to be in the server's list of clients", newcomer.failure(
                        "while waiting for the notice of a client that joined after it, " + Names.of(newcomer)
                                + " got the line \"" + line.get() + "\""),
                        "A client that joins gets nothing until somebody else joins, leaves or talks; its own join "
                                + "notice goes only to the others.");
            }
            String text = line.get();
            if (text.endsWith(" joined ***")) {
                heard.add(text.substring(4, text.length() - " joined ***".length()));
                return true; // back to the caller, which looks whether it was the last one rung
            }
        }
        return false;
    }

    private boolean aboutADoorbell(String line) {
        for (String notice : List.of(" joined ***", " left ***")) {
            if (line.startsWith("*** ") && line.endsWith(notice)
                    && doorbells.contains(line.substring(4, line.length() - notice.length()))) {
                return true;
            }
        }
        return false;
    }
}
