package ipc.grader.suites.unix;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.net.Closing;
import ipc.grader.net.TcpConnection;
import ipc.grader.platform.FileTypes;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The grader's own server, alive on a socket file, for a check that a student server leaves it
 * alone: it answers every connection with one byte, and removes its file when closed.
 */
final class LiveServer implements AutoCloseable {

    private static final byte ANSWER = 'k';

    private final Path path;
    private final ServerSocketChannel channel;
    private final Thread acceptor;

    private LiveServer(Path path, ServerSocketChannel channel) {
        this.path = path;
        this.channel = channel;
        this.acceptor = new Thread(this::answer, "sockgrader-live-unix-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LiveServer at(Path path) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(path));
            return new LiveServer(path, channel);
        } catch (IOException e) {
            Closing.quietly(channel);
            throw new UncheckedIOException("the grader could not start its own server at " + path, e);
        }
    }

    /** Fails unless the socket file is still there and this server still answers on it. */
    void expectStillAnswering(StudentProgram student) {
        assertThat(FileTypes.isSocket(path)).as("a socket file still at %s, where the grader's own server was alive, "
                + "after %s ran (%s there)", path.getFileName(), student.displayName(), FileTypes.describe(path)).isTrue();
        try (TcpConnection client = TcpConnection.connect(path, "the grader's own server", "a connection to the grader's "
                + "own server at " + path.getFileName(), Deadline.in(Waits.REPLY))) {
            client.expect(new byte[] {ANSWER}); // a server that took the path would not answer this way
        }
    }

    private void answer() {
        while (channel.isOpen()) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (IOException e) {
                return; // closed
            }
            try (client) {
                client.write(ByteBuffer.wrap(new byte[] {ANSWER}));
            } catch (IOException e) {
                // a client that left at once, such as a server probing whether the path is alive
            }
        }
    }

    @Override
    public void close() {
        Closing.quietly(channel);
        try {
            acceptor.join(5_000);
            Files.deleteIfExists(path);
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
