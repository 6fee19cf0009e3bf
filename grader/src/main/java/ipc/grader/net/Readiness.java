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
        select(deadline, Long.MAX_VALUE);
    }

    /** As {@link #select(Deadline)}, but back after {@code atMostMillis} at the latest, for a caller that polls. */
    void select(Deadline deadline, long atMostMillis) throws IOException {
        selector.select(Math.max(1, Math.min(deadline.remainingMillis(), atMostMillis)));
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
