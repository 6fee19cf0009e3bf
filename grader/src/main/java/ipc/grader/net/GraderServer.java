package ipc.grader.net;

import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
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
public final class GraderServer implements ServerEndpoint, AutoCloseable {

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

    /**
     * Listens on 127.0.0.1 on a leased port, binding at once under the lease; should the port be
     * taken after all, it says what the kernel shows and tries another. The port is released when
     * the server closes.
     */
    public static GraderServer listen() {
        LeasedBind<ServerSocketChannel> bound = LeasedBind.tcp("the grader's server", port -> {
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                channel.configureBlocking(false);
                return channel;
            } catch (IOException e) {
                Closing.quietly(channel);
                throw e;
            }
        });
        try {
            Selector selector = Selector.open();
            bound.bound().register(selector, SelectionKey.OP_ACCEPT);
            return new GraderServer(bound.lease(), bound.bound(), selector);
        } catch (IOException e) {
            Closing.quietly(bound.bound());
            bound.lease().close();
            throw new IllegalStateException("the grader's server could not watch its port: " + e.getMessage(), e);
        }
    }

    @Override
    public int port() {
        return lease.port();
    }

    /** Accepts the next connection from {@code client}, which must connect before it exits. */
    public TcpConnection acceptFrom(PeerProgram client) {
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
                    throw client.exitedEarly("without connecting to the grader's server on 127.0.0.1:" + port() + ".\n"
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
