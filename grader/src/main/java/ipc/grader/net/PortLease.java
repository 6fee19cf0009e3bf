package ipc.grader.net;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback port reserved by {@link Ports} until {@link #close()}. The reservation is a socket
 * bound to the port in the other protocol, its "twin", which leaves the port itself free for the
 * program that is meant to take it.
 */
public final class PortLease implements AutoCloseable {

    private final int port;
    private final Closeable hold;
    private final Runnable whenClosed;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code whenClosed} runs once, after the hold is closed, however often the lease is. */
    PortLease(int port, Closeable hold, Runnable whenClosed) {
        this.port = port;
        this.hold = hold;
        this.whenClosed = whenClosed;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // a second close must not free the port again once another lease holds it
        }
        try {
            hold.close();
        } catch (IOException e) {
            // the kernel frees the port anyway
        } finally {
            whenClosed.run();
        }
    }

    @Override
    public String toString() {
        return "port " + port;
    }
}
