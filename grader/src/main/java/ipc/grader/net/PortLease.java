package ipc.grader.net;

import java.net.DatagramSocket;

/** A loopback port reserved by {@link Ports} until {@link #close()}. */
public final class PortLease implements AutoCloseable {

    private final int port;
    private final DatagramSocket hold;

    PortLease(int port, DatagramSocket hold) {
        this.port = port;
        this.hold = hold;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        hold.close();
    }

    @Override
    public String toString() {
        return "port " + port;
    }
}
