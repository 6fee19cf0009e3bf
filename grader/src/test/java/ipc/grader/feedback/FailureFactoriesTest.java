package ipc.grader.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each kind's factory once: its kind, and the message's first line that the score summary shows. */
class FailureFactoriesTest {

    private static final String ENDED = "exited with code 0 (last output: \"TODO: listen\")";

    @Test
    @DisplayName("a program that ended early: its name, how it ended, then what it had not done yet")
    void exitedEarly() {
        GradingFailure failure = ExitedEarly.failure("EchoServer", ENDED, "before it listened on 127.0.0.1:4000.");
        assertThat(failure.kind()).isEqualTo(FailureKind.EXITED_EARLY);
        assertThat(failure).hasMessage("EchoServer " + ENDED + " before it listened on 127.0.0.1:4000.");
    }

    @Test
    @DisplayName("a wrong exit status: the situation, then what a correct program does in it")
    void exitStatus() {
        GradingFailure failure = ExitStatus.failure("FifoWriter", "exited with code 0", "when there was no named pipe at lost",
                "fail with a non-zero status");
        assertThat(failure.kind()).isEqualTo(FailureKind.EXIT_STATUS);
        assertThat(failure).hasMessage("FifoWriter exited with code 0 when there was no named pipe at lost, but it should "
                + "fail with a non-zero status.");
    }

    @Test
    @DisplayName("a server that never listened: what it did not do, within what, what the kernel showed, and a hint")
    void neverListened() {
        GradingFailure failure = NeverListened.failure("EchoServer", "listen on 127.0.0.1:4000", "5 s",
                "the kernel shows the port held by another process", "bind the port given.");
        assertThat(failure.kind()).isEqualTo(FailureKind.NEVER_LISTENED);
        assertThat(failure).hasMessage("EchoServer did not listen on 127.0.0.1:4000 within 5 s of its start (the kernel "
                + "shows the port held by another process).\nHint: bind the port given.");
        assertThat(NeverListened.failure("EchoServer", "listen on 127.0.0.1:4000", "5 s", "", "bind it."))
                .hasMessageStartingWith("EchoServer did not listen on 127.0.0.1:4000 within 5 s of its start.\n");
    }

    @Test
    @DisplayName("a port in use: how the server ended, that the port was free when chosen, what holds it now; then every port tried")
    void portInUse() {
        GradingFailure failure = PortInUse.failure("EchoServer", "exited with code 1", "before it listened on 127.0.0.1:4000.",
                4000, "nothing on it", "bind the port given.");
        assertThat(failure.kind()).isEqualTo(FailureKind.PORT_IN_USE);
        assertThat(failure).hasMessage("EchoServer exited with code 1 before it listened on 127.0.0.1:4000.\nPort 4000 was "
                + "free when the grader chose it; the kernel now shows nothing on it.\nHint: bind the port given.");
        GradingFailure everyPort = PortInUse.onEveryPortTried(failure, 3);
        assertThat(everyPort.kind()).isEqualTo(FailureKind.PORT_IN_USE);
        assertThat(everyPort).hasMessageStartingWith(failure.getMessage()).hasMessageContaining("3 times");
    }

    @Test
    @DisplayName("a program that never printed the awaited line, with what it printed instead")
    void neverPrinted() {
        GradingFailure failure = NeverPrinted.failure("Main", "a line \"ready\" on stdout", "5 s", "\nIt printed: x");
        assertThat(failure.kind()).isEqualTo(FailureKind.NEVER_PRINTED);
        assertThat(failure).hasMessage("Main did not print a line \"ready\" on stdout within 5 s.\nIt printed: x");
    }

    @Test
    @DisplayName("an answer or a close that came too early says when, and what came")
    void tooEarly() {
        GradingFailure answered = AnsweredEarly.failure("EchoServer", "after half a line", "\"hel\"");
        assertThat(answered.kind()).isEqualTo(FailureKind.ANSWERED_EARLY);
        assertThat(answered).hasMessage("EchoServer answered too early, after half a line: it sent \"hel\"");
        GradingFailure closed = ClosedEarly.failure("EchoServer", "after half a line", "waiting for the rest");
        assertThat(closed.kind()).isEqualTo(FailureKind.CLOSED_EARLY);
        assertThat(closed).hasMessage("EchoServer closed the connection after half a line, instead of waiting for the rest");
    }

    @Test
    @DisplayName("a library method that threw is reported as the probe saw it")
    void threw() {
        GradingFailure failure = Threw.failure("threw UnsupportedOperationException: TODO: read a frame");
        assertThat(failure.kind()).isEqualTo(FailureKind.THREW);
        assertThat(failure).hasMessage("threw UnsupportedOperationException: TODO: read a frame");
    }

    @Test
    @DisplayName("a failed setup step is of its own kind")
    void setupStep() {
        assertThat(SetupStep.failed("client 1 to be in the list", new AssertionError("got nothing"), "Add it.").kind())
                .isEqualTo(FailureKind.SETUP_STEP);
    }

    @Test
    @DisplayName("details and a retelling keep the kind; a plain assertion is a wrong result, anything else the grader's error")
    void kindsSurviveAndDefault() {
        GradingFailure failure = ExitedEarly.failure("EchoServer", ENDED, "before it listened.");
        GradingFailure detailed = failure.withDetails("The conversation on connection 1:\n  (nothing)");
        assertThat(detailed.kind()).isEqualTo(FailureKind.EXITED_EARLY);
        assertThat(detailed).hasMessage(failure.getMessage() + "\nThe conversation on connection 1:\n  (nothing)");
        GradingFailure retold = GradingFailure.retold(detailed, "in full");
        assertThat(retold.kind()).isEqualTo(FailureKind.EXITED_EARLY);
        assertThat(retold).hasMessage("in full").hasCause(detailed);
        assertThat(GradingFailure.kindOf(new AssertionError("expected 3"))).isEqualTo(FailureKind.WRONG_RESULT);
        assertThat(GradingFailure.kindOf(new IllegalStateException("bug"))).isEqualTo(FailureKind.GRADER_ERROR);
        assertThat(GradingFailure.retold(new AssertionError("expected 3"), "in full").kind()).isEqualTo(FailureKind.WRONG_RESULT);
    }
}
