package ipc.grader.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.feedback.ExitedEarly;
import ipc.grader.feedback.FailureKind;
import ipc.grader.feedback.GradingFailure;
import ipc.grader.feedback.PortInUse;
import ipc.grader.net.PortLease;
import ipc.grader.net.Ports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FreshPortStartTest {

    private final List<PortLease> leases = new ArrayList<>();

    @AfterEach
    void closeLeases() {
        leases.forEach(PortLease::close);
    }

    private PortLease lease() {
        PortLease lease = Ports.leaseTcp();
        leases.add(lease);
        return lease;
    }

    private static GradingFailure inUse(PortLease lease) {
        return PortInUse.failure("EchoServer", "exited with code 1", "before it listened.", lease.port(), "nothing", "bind it.");
    }

    @Test
    @DisplayName("a server whose port was taken before it bound starts again on another port, and the check goes on")
    void startsAgainOnAnotherPort() {
        List<Integer> tried = new ArrayList<>();
        Integer started = FreshPortStart.start(this::lease, lease -> {
            tried.add(lease.port());
            if (tried.size() < FreshPortStart.ATTEMPTS) {
                throw inUse(lease);
            }
            return lease.port();
        });
        assertThat(tried).hasSize(FreshPortStart.ATTEMPTS).doesNotHaveDuplicates().endsWith(started);
    }

    @Test
    @DisplayName("a server that finds every port it is given in use keeps its failure, which says how many ports were tried")
    void keepsTheFailureAfterEveryAttempt() {
        List<Integer> tried = new ArrayList<>();
        assertThatThrownBy(() -> FreshPortStart.start(this::lease, lease -> {
            tried.add(lease.port());
            throw inUse(lease);
        })).isInstanceOfSatisfying(GradingFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.PORT_IN_USE))
                .hasMessageContaining(FreshPortStart.ATTEMPTS + " times");
        assertThat(tried).hasSize(FreshPortStart.ATTEMPTS);
    }

    @Test
    @DisplayName("any other failure of the start is the server's own, and it is not started again")
    void otherFailuresAreNotRetried() {
        List<Integer> tried = new ArrayList<>();
        assertThatThrownBy(() -> FreshPortStart.start(this::lease, lease -> {
            tried.add(lease.port());
            throw ExitedEarly.failure("EchoServer", "exited with code 0", "before it listened.");
        })).isInstanceOfSatisfying(GradingFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.EXITED_EARLY));
        assertThat(tried).hasSize(1);
    }
}
