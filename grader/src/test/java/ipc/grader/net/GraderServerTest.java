package ipc.grader.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.Fixtures;
import ipc.grader.process.ProgramArguments;
import ipc.grader.process.StudentProgram;
import ipc.grader.submission.Submission;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

class GraderServerTest {

    @Test
    @DisplayName("a client that exits without connecting fails the accept at once, saying how it ended")
    void clientExitsWithoutConnecting() {
        try (Submission fixtures = Fixtures.submission();
             GraderServer server = GraderServer.listen();
             StudentProgram client = StudentProgram.of(fixtures.launch("ipc.fixture.Exits"),
                     ProgramArguments.of(0)).start()) {
            assertThatThrownBy(() -> server.acceptFrom(client))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Exits exited with code 0 (stderr: ")
                    .hasMessageContaining("without connecting to the grader's server on 127.0.0.1:" + server.port());
        }
    }

    @Test
    @DisplayName("the grader's own server binds a leased port at once, and frees it on close")
    @ResourceLock(value = LeaseTraffic.PORTS, mode = ResourceAccessMode.READ)
    void listensOnALeasedPortAndFreesIt() throws Exception {
        int port;
        try (GraderServer server = GraderServer.listen()) {
            port = server.port();
            assertThat(KernelSockets.isListening(port) || !KernelSockets.available()).isTrue();
        }
        try (ServerSocket again = new ServerSocket()) {
            again.setReuseAddress(false);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
    }
}
