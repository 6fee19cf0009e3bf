package ipc.grader.junit;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.feedback.SetupStep;
import ipc.grader.net.TcpConnection;
import ipc.grader.time.Deadline;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradingExtensionTest {

    @Test
    @DisplayName("a failure report gives the check's hint, unless the failure brings a hint of its own, such as a setup step's")
    void aStepsHintReplacesTheChecksHint() {
        String plain = GradingExtension.describe(new AssertionError("got nothing"), "Broadcast every line.", List.of(), List.of(), null);
        assertThat(plain).isEqualTo("got nothing\nHint: Broadcast every line.");
        String step = GradingExtension.describe(SetupStep.failed("client 1 to be in the list", new AssertionError("got nothing"),
                "Add each client in the accept thread."), "Broadcast every line.", List.of(), List.of(), "mvn test -Dtest=X");
        assertThat(step).contains("Hint: Add each client in the accept thread.").doesNotContain("Broadcast every line.")
                .endsWith("Rerun this check alone: mvn test -Dtest=X");
    }

    @Test
    @DisplayName("a failure shows the conversations on the check's other connections too, up to four")
    void showsTheOtherConnections() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<TcpConnection> connections = new ArrayList<>();
            try {
                for (int i = 1; i <= 6; i++) {
                    connections.add(TcpConnection.connect(server.getLocalPort(), "ChatServer", "connection " + i + " to ChatServer",
                            Deadline.in(Duration.ofSeconds(5))));
                }
                AssertionError failure = connections.get(0).failure("expected a line");
                List<String> others = GradingExtension.otherConversations(failure, connections);
                assertThat(others).hasSize(5);
                assertThat(others.get(0)).startsWith("The conversation on connection 2 to ChatServer:");
                assertThat(others.get(3)).startsWith("The conversation on connection 5 to ChatServer:");
                assertThat(others.get(4)).isEqualTo("(and 1 more connections of this check, not shown)");
                assertThat(GradingExtension.describe(failure, null, others, List.of(), null))
                        .contains("The conversation on connection 1 to ChatServer:", "The conversation on connection 5 to ChatServer:");
            } finally {
                connections.forEach(TcpConnection::close);
            }
        }
    }
}
