package ipc.grader.net;

import java.io.Closeable;
import java.io.IOException;

/**
 * A loopback port reserved by {@link Ports} until {@link #close()}. The reservation is a socket
 * bound to the port in the other protocol, its "twin", which leaves the port itself free for the
 * program that is meant to take it.
 */
public final class PortLease implements AutoCloseable {

    private final int port;
    private final Closeable hold;

    PortLease(int port, Closeable hold) {
        this.port = port;
        this.hold = hold;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            hold.close();
        } catch (IOException e) {
            // the kernel frees the port anyway
        }
    }

    @Override
    public String toString() {
        return "port " + port;
    }
}
