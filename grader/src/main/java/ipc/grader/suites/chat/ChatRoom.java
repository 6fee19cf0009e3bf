package ipc.grader.suites.chat;

import ipc.grader.junit.Lab;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import java.util.ArrayList;
import java.util.List;

/**
 * Clients of the grader's in a chat, connected one after another; each join notice has been read
 * by everybody already in, so a check starts from a quiet room.
 */
final class ChatRoom {

    private final List<TcpConnection> clients;

    private ChatRoom(List<TcpConnection> clients) {
        this.clients = clients;
    }

    static ChatRoom of(Lab lab, StudentProgram server, int size) {
        List<TcpConnection> clients = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            TcpConnection newcomer = lab.connect(server);
            for (TcpConnection member : clients) {
                member.expectLine("*** " + Names.of(newcomer) + " joined ***");
            }
            clients.add(newcomer);
        }
        return new ChatRoom(clients);
    }

    TcpConnection client(int index) {
        return clients.get(index);
    }

    String name(int index) {
        return Names.of(clients.get(index));
    }
}
