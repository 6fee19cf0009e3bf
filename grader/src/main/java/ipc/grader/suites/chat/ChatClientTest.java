package ipc.grader.suites.chat;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.GraderServer;
import ipc.grader.net.TcpConnection;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The grader plays the chat server; the student's client is typed into through its stdin. */
@GradedExercise("chat")
@DisplayName("chat: ChatClient")
class ChatClientTest {

    private static final String CLIENT = "ipc.chat.ChatClient";

    @Test
    @Points(2)
    @DisplayName("sends each line typed on stdin to the server as a line")
    @Hint("Read System.in line by line and write each line, with \"\\n\", to the socket; flush after each one.")
    void sendsTypedLines(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        client.type("hello, server\n");
        connection.expectLine("hello, server");
        client.type("second line\n");
        connection.expectLine("second line");
    }

    @Test
    @Points(3)
    @DisplayName("prints a line from the server at once, while nothing is typed")
    @Hint("The main thread waits in readLine() on System.in; a second thread must read the socket and print what "
            + "arrives, or the chat only shows up after you press Enter.")
    void printsWhileWaitingForInput(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        connection.send("[127.0.0.1:4242] anyone there?\n");
        awaitOutput(client, "[127.0.0.1:4242] anyone there?", "the server sent it, with nothing typed on stdin");
    }

    @Test
    @Points(2)
    @DisplayName("closes the connection and exits with status 0 when stdin ends")
    @Hint("When System.in's readLine() returns null, the user is done: close the socket and end the program, "
            + "receiver thread included.")
    void exitsWhenStdinEnds(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        client.type("last words\n");
        connection.expectLine("last words");
        client.endInput();
        connection.expectEndOfStream("after its stdin ended");
        // As ChatServer does once a client has left: a client that waits for the server to close
        // (the README allows up to 2 seconds of it) may end now.
        connection.close();
        assertThat(client.awaitExit(Deadline.in(Waits.EXIT), "its stdin ended")).as("exit status of %s",
                client.displayName()).isZero();
    }

    @Test
    @Points(2)
    @DisplayName("exits with status 0 when the server goes away")
    @Hint("When the receiver thread reads the end of the stream, the server is gone: say so and end the whole "
            + "program (System.exit(0)), even though the main thread is still waiting on stdin.")
    void exitsWhenTheServerGoesAway(Lab lab) {
        GraderServer server = lab.listen();
        StudentProgram client = lab.startClient(CLIENT, server);
        TcpConnection connection = server.acceptFrom(client);
        connection.close();
        assertThat(client.awaitExit(Deadline.in(Waits.EXIT), "the server closed the connection")).as("exit status of %s",
                client.displayName()).isZero();
    }

    private static void awaitOutput(StudentProgram client, String line, String when) {
        client.awaitStdoutLine(line::equals, "\"" + line + "\" after " + when, Deadline.in(Waits.REPLY));
    }
}
