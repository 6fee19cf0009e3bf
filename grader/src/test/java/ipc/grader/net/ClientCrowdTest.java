package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.feedback.Bytes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ClientCrowdTest {

    @Test
    @DisplayName("each client's payload is made of numbered records that name the client")
    void payloadNamesItsClient() {
        assertThat(Bytes.show(CrowdPayload.of(7, 36)))
                .isEqualTo("\"007|00000000000\\n007|00000000001\\n007|\" (36 bytes)");
        assertThat(CrowdPayload.of(1042, 16)).isEqualTo(Bytes.utf8("042|00000000000\n"));
    }

    @Test
    @DisplayName("a crowd of clients is echoed by a server with a thread per client")
    void threadPerClientServerPasses() throws Exception {
        try (PortLease lease = Ports.leaseTcp(); ServerSocket server = bind(lease.port())) {
            Thread acceptor = threadPerClientEcho(server);
            try (ClientCrowd crowd = ClientCrowd.connect(lease.port(), "test server", 40)) {
                assertThat(crowd.size()).isEqualTo(40);
                crowd.expectEachEchoedOwnPayload(16 * 1024);
            }
            server.close();
            acceptor.join(5_000);
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "counts the accept queue in /proc/net/tcp")
    @DisplayName("a server that never accepts is reported with how many clients it accepted")
    void serverThatDoesNotAccept() throws Exception {
        try (PortLease lease = Ports.leaseTcp(); ServerSocket server = bind(lease.port())) {
            assertThatThrownBy(() -> ClientCrowd.connect(lease.port(), "SequentialServer", 60))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("SequentialServer accepted 0 of 60 clients within");
        }
    }

    @Test
    @DisplayName("where the accept queue cannot be read, a refused connection is tried again, as Windows needs")
    void refusedConnectionsAreTriedAgain() throws Exception {
        try (PortLease lease = Ports.leaseTcp()) {
            CompletableFuture<ClientCrowd> crowd = CompletableFuture.supplyAsync(
                    () -> ClientCrowd.connect(lease.port(), "test server", 40, false));
            try {
                // Nothing listens yet, so every attempt is refused: the crowd keeps trying instead of failing.
                assertThatThrownBy(() -> crowd.get(300, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
                try (ServerSocket server = bind(lease.port())) {
                    Thread acceptor = threadPerClientEcho(server);
                    try (ClientCrowd connected = crowd.get(5, TimeUnit.SECONDS)) {
                        assertThat(connected.size()).isEqualTo(40);
                        connected.expectEachEchoedOwnPayload(1024);
                    }
                    server.close();
                    acceptor.join(5_000);
                }
            } finally {
                crowd.thenAccept(ClientCrowd::close);
            }
        }
    }

    @Test
    @DisplayName("where the accept queue can be read, a refused connection fails the crowd at once")
    void refusedConnectionFailsWhereTheQueueIsSeen() throws Exception {
        try (PortLease lease = Ports.leaseTcp()) {
            assertThatThrownBy(() -> ClientCrowd.connect(lease.port(), "test server", 10, true))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("client 1 of 10 could not connect to test server");
        }
    }

    private static Thread threadPerClientEcho(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket client = server.accept();
                    Thread handler = new Thread(() -> {
                        try (client) {
                            client.getInputStream().transferTo(client.getOutputStream());
                        } catch (IOException e) {
                            // the crowd closed it
                        }
                    });
                    handler.setDaemon(true);
                    handler.start();
                }
            } catch (IOException e) {
                // server closed: the test is over
            }
        }, "test-echo-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        return acceptor;
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return server;
    }
}
