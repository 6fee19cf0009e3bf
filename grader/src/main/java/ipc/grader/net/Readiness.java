package ipc.grader.net;

import ipc.grader.time.Deadline;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/** Bounded waits for one non-blocking channel to become ready: the only place a connection blocks. */
final class Readiness implements AutoCloseable {

    private final SocketChannel channel;
    private Selector selector;

    Readiness(SocketChannel channel) {
        this.channel = channel;
    }

    /** Waits, within the deadline, until the channel is ready for {@code operations}, or the deadline passes. */
    void await(int operations, Deadline deadline) throws IOException {
        SelectionKey key = key();
        key.interestOps(operations);
        selector.select(deadline.remainingMillis()); // never 0, which would mean forever (see Deadline)
        selector.selectedKeys().clear();
        key.interestOps(0);
    }

    /** The channel's key, for callers that wait on several operations at once. */
    SelectionKey key() throws IOException {
        if (selector == null) {
            selector = Selector.open();
        }
        SelectionKey key = channel.keyFor(selector);
        return key != null ? key : channel.register(selector, 0);
    }

    void select(Deadline deadline) throws IOException {
        selector.select(deadline.remainingMillis());
        selector.selectedKeys().clear();
    }

    /**
     * Closes the selector. A channel registered with an open selector is only really closed once
     * it is deregistered, so this comes before closing the channel.
     */
    @Override
    public void close() throws IOException {
        if (selector != null) {
            selector.close();
        }
    }
}
