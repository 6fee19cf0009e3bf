package ipc.grader.net;

import ipc.grader.platform.FileTypes;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** How {@link TcpConnection#connect(Path, String, String, Deadline)} reaches a server's socket file. */
final class UnixSocketDial {

    private static final Duration RETRY_REFUSED = Duration.ofMillis(5);

    private UnixSocketDial() {
    }

    static TcpConnection connect(Path socketFile, String peer, String label, Deadline deadline) {
        IOException[] refused = new IOException[1];
        TcpConnection connection = Poll.named(peer + " to accept on " + socketFile).every(RETRY_REFUSED)
                .until(deadline, () -> tryConnect(socketFile, peer, label, refused), Objects::nonNull);
        if (connection == null) {
            throw new AssertionError("The grader could not connect to " + peer + " at " + socketFile + " within "
                    + deadline.describe() + ": " + (refused[0] == null ? "no answer" : refused[0].getMessage())
                    + " (" + FileTypes.describe(socketFile) + " there).\n"
                    + "Hint: is the server still running, and accepting on the socket file it was given?", refused[0]);
        }
        return connection;
    }

    private static TcpConnection tryConnect(Path socketFile, String peer, String label, IOException[] refused) {
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            // Local and non-blocking: connected, or refused (no listener yet, or a full backlog), at once.
            if (!channel.connect(UnixDomainSocketAddress.of(socketFile))) {
                Closing.quietly(channel);
                return null;
            }
            return TcpConnection.over(channel, peer, label);
        } catch (IOException e) {
            Closing.quietly(channel);
            refused[0] = e;
            return null;
        }
    }
}
