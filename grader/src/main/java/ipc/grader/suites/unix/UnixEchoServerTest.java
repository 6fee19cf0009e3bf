package ipc.grader.suites.unix;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.Bytes;
import ipc.grader.feedback.ExitStatus;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.net.TcpConnection;
import ipc.grader.platform.FileTypes;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

@GradedExercise("unix-echo")
@DisplayName("unix-echo: UnixEchoServer")
class UnixEchoServerTest {

    static final String SERVER = "ipc.unix.UnixEchoServer";
    /** Every file a program makes under it is readable and writable by anyone, unless the program says otherwise. */
    private static final String PERMISSIVE = "000";
    private static final String USUAL = "022";

    @Test
    @Points(2)
    @DisplayName("listens on a socket file at the path it is given, and echoes")
    @Hint("Bind ServerSocketChannel.open(StandardProtocolFamily.UNIX) to UnixDomainSocketAddress.of(path): the path "
            + "then holds a socket file, not a regular file, and clients connect to that path instead of a port.")
    void echoesOnItsSocketFile(Lab lab) {
        Path path = SocketPaths.in(lab);
        echoesALine(lab, lab.startUnixServer(SERVER, path, USUAL), path, "hello over a path\n");
    }

    @Test
    @Points(2)
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows gives a socket file no Unix mode")
    @DisplayName("lets only its owner connect: the socket file's mode is 0600, whatever the umask")
    @Hint("bind() makes the socket file with the mode the umask leaves, often readable and writable by everyone. "
            + "Set it right after bind with Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(\"rw-------\")).")
    void onlyItsOwnerMayConnect(Lab lab) {
        Path path = SocketPaths.in(lab);
        expectServing(lab, lab.startUnixServer(SERVER, path, PERMISSIVE), path);
        assertThat(FileTypes.permissions(path).orElse("?"))
                .as("the permissions of the socket file %s of a server started under umask %s (rw------- is mode 0600)",
                        path.getFileName(), PERMISSIVE)
                .isEqualTo("rw-------");
    }

    @Test
    @Points(3)
    @DisplayName("serves several clients at once, each until its end of stream, byte for byte")
    @Hint("Accept each client and serve it in a thread of its own, echoing until read returns -1, then close it. "
            + "A server that serves one client to its end before accepting the next leaves the others waiting.")
    void servesSeveralClientsAtOnce(Lab lab) {
        Path path = SocketPaths.in(lab);
        StudentProgram server = lab.startUnixServer(SERVER, path, USUAL);
        List<TcpConnection> clients = List.of(lab.connect(server, path), lab.connect(server, path), lab.connect(server, path));
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        // The last client first: a server that serves one client at a time is still busy with the first.
        for (int i = clients.size() - 1; i >= 0; i--) {
            clients.get(i).send(everyByte);
            clients.get(i).expect(everyByte);
        }
        for (TcpConnection client : clients) {
            client.send(Bytes.utf8("bye\n")).shutdownOutput();
            client.expect(Bytes.utf8("bye\n"));
            client.expectEndOfStream("after the client ended its stream");
        }
    }

    @Test
    @Points(2)
    @DisplayName("starts over a socket file left by a server that died")
    @Hint("A socket file stays when its server dies without removing it. If nobody accepts on it (a connect is refused), "
            + "it is stale: delete it, then bind. Otherwise bind fails with \"Address already in use\".")
    void startsOverAStaleSocketFile(Lab lab) {
        Path path = SocketPaths.in(lab);
        SocketPaths.leaveStale(path);
        echoesALine(lab, lab.startUnixServer(SERVER, path, USUAL), path, "after a crash\n");
    }

    @Test
    @Points(2)
    @DisplayName("leaves a live server's path alone: exits with 1 and says why on stderr")
    @Hint("Before deleting a socket file, try to connect to it: if that works, another server is alive there. "
            + "Print why on stderr and exit with status 1, touching nothing.")
    void leavesALiveServerAlone(Lab lab) {
        Path path = SocketPaths.in(lab);
        try (LiveServer live = LiveServer.at(path)) {
            StudentProgram server = lab.start(SERVER, path.toString());
            expectRefusal(server, "another server was alive on " + path.getFileName());
            live.expectStillAnswering(server);
        }
    }

    @Test
    @Points(1)
    @DisplayName("never deletes a regular file at the path")
    @Hint("Only a socket file can be stale. Anything else at the path (a student's notes, say) is not the server's "
            + "to delete: print why on stderr and exit with status 1.")
    void neverDeletesARegularFile(Lab lab) {
        Path path = SocketPaths.in(lab);
        byte[] notes = Bytes.utf8("my notes, not a socket\n");
        try {
            Files.write(path, notes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StudentProgram server = lab.start(SERVER, path.toString());
        expectRefusal(server, "a regular file was at " + path.getFileName());
        assertThat(readOrNull(path)).as("what is at %s after %s refused to start (%s there)", path.getFileName(),
                server.displayName(), FileTypes.describe(path)).isEqualTo(notes);
    }

    @Test
    @Points(2)
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Windows has no SIGTERM: the JDK ends a process there at once")
    @DisplayName("removes its socket file when stopped with SIGTERM")
    @Hint("A socket file outlives its server. Register a shutdown hook (Runtime.getRuntime().addShutdownHook) that "
            + "deletes it: SIGTERM runs the hooks, then the JVM exits.")
    void removesItsSocketFileOnSigterm(Lab lab) {
        Path path = SocketPaths.in(lab);
        StudentProgram server = lab.startUnixServer(SERVER, path, USUAL);
        expectServing(lab, server, path);
        server.terminate(Deadline.in(Waits.STARTUP));
        assertThat(FileTypes.describe(path)).as("what is at %s once %s has exited after SIGTERM", path.getFileName(),
                server.displayName()).isEqualTo("nothing");
    }

    /**
     * Echoes one line: the server has then done all it does before serving (its file's mode, its
     * shutdown hook), which its socket file's being there does not tell yet.
     */
    private static void expectServing(Lab lab, StudentProgram server, Path path) {
        echoesALine(lab, server, path, "ready?\n");
    }

    private static void echoesALine(Lab lab, StudentProgram server, Path path, String line) {
        TcpConnection client = lab.connect(server, path);
        client.send(line);
        client.expect(line);
    }

    private static void expectRefusal(StudentProgram server, String situation) {
        int status = server.awaitExit(Deadline.in(Waits.STARTUP), situation);
        if (status != 1) {
            throw ExitStatus.failure(server.displayName(), server.exitSummary(), "when " + situation,
                    "say why on stderr and exit with status 1");
        }
        assertThat(server.stderr().strip()).as("what %s printed on stderr when %s", server.displayName(), situation)
                .isNotEmpty();
    }

    private static byte[] readOrNull(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
