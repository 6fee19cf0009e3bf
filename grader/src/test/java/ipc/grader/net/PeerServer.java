package ipc.grader.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection server inside the test JVM, standing in for a student program so that the
 * connection classes can be tested without launching one. Its behaviour is a lambda; what it
 * observed or threw is in {@link #outcome}. Close the connection to it before closing it.
 */
final class PeerServer implements AutoCloseable {

    interface Behaviour {
        Object serve(Socket client) throws IOException;
    }

    private final PortLease lease = Ports.leaseTcp();
    private final ServerSocket server;
    private final Thread thread;
    final CompletableFuture<Object> outcome = new CompletableFuture<>();

    PeerServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), lease.port()));
        thread = new Thread(() -> {
            try (Socket client = server.accept()) {
                outcome.complete(behaviour.serve(client));
            } catch (IOException | RuntimeException e) {
                outcome.complete(e);
            }
        }, "test-peer-" + lease.port());
        thread.setDaemon(true);
        thread.start();
    }

    /** Echoes every byte until end of stream. */
    static PeerServer echo() throws IOException {
        return new PeerServer(client -> client.getInputStream().transferTo(client.getOutputStream()));
    }

    static long drain(Socket client) throws IOException {
        return client.getInputStream().transferTo(OutputStream.nullOutputStream());
    }

    int port() {
        return lease.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        lease.close();
    }
}
