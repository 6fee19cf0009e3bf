package ipc.grader.net;

import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * The grader in the server's role, for exercises that grade a client: listens on a leased
 * loopback port and accepts the student client's connection, giving up at once if the client
 * exits without connecting.
 */
public final class GraderServer implements AutoCloseable {

    private static final long LIVENESS_CHECK_MILLIS = 10;

    private final PortLease lease;
    private final ServerSocketChannel channel;
    private final Selector selector;
    private final List<TcpConnection> accepted = new ArrayList<>();

    private GraderServer(PortLease lease, ServerSocketChannel channel, Selector selector) {
        this.lease = lease;
        this.channel = channel;
        this.selector = selector;
    }

    /** Listens on 127.0.0.1 on a free port; the port is released when the server closes. */
    public static GraderServer listen() {
        PortLease[] lease = new PortLease[1];
        ServerSocketChannel channel = Ports.listenTcp(lease);
        try {
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            channel.register(selector, SelectionKey.OP_ACCEPT);
            return new GraderServer(lease[0], channel, selector);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            lease[0].close();
            throw new IllegalStateException("the grader could not listen on " + lease[0] + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return lease.port();
    }

    /** Accepts the next connection from {@code client}, which must connect before it exits. */
    public TcpConnection acceptFrom(StudentProgram client) {
        Deadline deadline = Deadline.in(Waits.STARTUP);
        try {
            while (!deadline.hasExpired()) {
                SocketChannel connection = channel.accept();
                if (connection != null) {
                    TcpConnection wrapped = TcpConnection.accepted(connection, client.displayName(), "connection "
                            + (accepted.size() + 1) + " from " + client.displayName() + " (the grader plays the server on 127.0.0.1:"
                            + port() + ")");
                    accepted.add(wrapped);
                    return wrapped;
                }
                if (!client.isAlive()) {
                    throw new AssertionError(client.displayName() + " " + client.exitSummary()
                            + " without connecting to the grader's server on 127.0.0.1:" + port() + ".\n"
                            + "Hint: a client connects to the host and port given as its first two arguments.");
                }
                selector.select(Math.min(LIVENESS_CHECK_MILLIS, deadline.remainingMillis()));
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            throw new IllegalStateException("the grader's server failed: " + e.getMessage(), e);
        }
        throw new AssertionError(client.displayName() + " did not connect to the grader's server on 127.0.0.1:" + port()
                + " within " + deadline.describe() + ".");
    }

    /** Closes the accepted connections too. */
    @Override
    public void close() {
        accepted.forEach(TcpConnection::close);
        try {
            selector.close();
        } catch (IOException e) {
            // closing the channel anyway
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing more to do
        } finally {
            lease.close();
        }
    }
}
