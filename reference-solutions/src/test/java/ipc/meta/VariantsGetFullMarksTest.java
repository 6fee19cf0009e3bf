package ipc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.run.GradingRun;
import ipc.grader.score.GradeReport;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.OS;

/** Fairness: correct solutions written differently from the reference get full marks. */
class VariantsGetFullMarksTest {

    @Test
    @DisplayName("a thread pool with transferTo gets full marks for threaded-echo")
    void executorPool() {
        assertFullMarks(GradingRun.of(resource("variants/executor-pool")).exercise("threaded-echo").run());
    }

    @Test
    @DisplayName("NIO channels and a ByteBuffer get full marks for echo")
    void nioChannels() {
        assertFullMarks(GradingRun.of(resource("variants/nio-channels")).exercise("echo").run());
    }

    @Test
    @DisplayName("hand-read lines and \\r\\n line ends get full marks for tcp-ping-pong")
    void crlfLines() {
        assertFullMarks(GradingRun.of(resource("variants/crlf-lines")).exercise("tcp-ping-pong").run());
    }

    @Test
    @EnabledIf("pythonIsInstalled")
    @DisplayName("a Python echo server, graded through a command template, gets full marks for echo")
    void pythonThroughACommandTemplate() {
        Path script = resource("python/tcp_echo_server.py");
        assertFullMarks(GradingRun.of(Repository.REFERENCE).exercise("echo")
                .command("ipc.echo.EchoServer", "python3 '" + script + "' {port}").run());
    }

    @Test
    @EnabledIf("pythonIsInstalled")
    @DisplayName("a folder of Python programs, without any Java source, is graded through one command per program")
    void pythonOnlyFolder() {
        // Relative script names: a command runs in the submission's folder, as the student runs it.
        GradeReport report = GradingRun.of(resource("python-only")).exercise("echo").exercise("threaded-echo")
                .exercise("sequential-echo")
                .command("ipc.echo.EchoServer", "python3 echo_server.py {port}")
                .command("ipc.echo.ThreadedEchoServer", "python3 threaded_echo_server.py {port}").run();
        assertThat(report.checks()).as("checks of echo and threaded-echo failed by correct Python programs")
                .filteredOn(check -> !check.exercise().equals("sequential-echo") && !check.passed())
                .extracting(check -> check.id() + ": " + check.message())
                .isEmpty();
        assertThat(report.checks()).as("exercises graded").extracting(check -> check.exercise()).contains("echo", "threaded-echo");
        assertThat(report.checks()).as("sequential-echo, whose program has neither a source nor a command")
                .filteredOn(check -> check.exercise().equals("sequential-echo"))
                .isNotEmpty()
                .allSatisfy(check -> assertThat(check.message()).contains(
                        "no ipc/echo/SequentialEchoServer.java", "no --command was given for ipc.echo.SequentialEchoServer"));
    }

    @Test
    @DisplayName("DatagramChannels, a blocking server and a client waiting on a Selector, get full marks for udp-ping-pong")
    void udpChannels() {
        assertFullMarks(GradingRun.of(resource("variants/udp-channels")).exercise("udp-ping-pong").run());
    }

    @Test
    @EnabledIf("pythonIsInstalled")
    @DisplayName("a Python ping client, graded through a command template, gets full marks for udp-ping-pong")
    void pythonUdpClientThroughACommandTemplate() {
        Path script = resource("python/udp_ping_client.py");
        // {args} is every argument in order (host, port, count), so it stands alone in the template.
        assertFullMarks(GradingRun.of(resource("variants/udp-channels")).exercise("udp-ping-pong")
                .command("ipc.udp.UdpPingClient", "python3 '" + script + "' {args}").run());
    }

    @Test
    @DisplayName("DataInputStream/DataOutputStream framing and a thread pool get full marks for framing")
    void framingDataStreams() {
        assertFullMarks(GradingRun.of(resource("variants/framing-data-streams")).exercise("framing").run());
    }

    @Test
    @DisplayName("a thread pool, a hand-written head reader and one write per response get full marks for http")
    void httpExecutor() {
        assertFullMarks(GradingRun.of(resource("variants/http-executor")).exercise("http").run());
    }

    @Test
    @DisplayName("Runtime.exec, Scanners and a thread relaying the child's stderr get full marks for pipe")
    void pipeRelayedStderr() {
        assertFullMarks(GradingRun.of(resource("variants/pipe-relayed-stderr")).exercise("pipe").run());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "named pipes exist only on Linux and macOS")
    @DisplayName("java.io streams, Runtime.exec for mkfifo and lines cut by hand get full marks for fifo")
    void fifoPlainStreams() {
        assertFullMarks(GradingRun.of(resource("variants/fifo-plain-streams")).exercise("fifo").run());
    }

    @Test
    @DisplayName("a lock-free compare-and-set on the mapped bytes gets full marks for shared-memory")
    void sharedMemoryCompareAndSet() {
        assertFullMarks(GradingRun.of(resource("variants/shm-compare-and-set")).exercise("shared-memory").run());
    }

    @Test
    @DisplayName("executors, a bounded queue of strings and printf get full marks for message-queue")
    void messageQueueExecutors() {
        assertFullMarks(GradingRun.of(resource("variants/queue-executor")).exercise("message-queue").run());
    }

    static boolean pythonIsInstalled() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static void assertFullMarks(GradeReport report) {
        assertThat(report.checks()).as("checks failed by a correct solution")
                .filteredOn(check -> !check.passed())
                .extracting(check -> check.id() + ": " + check.message())
                .isEmpty();
        assertThat(report.checks()).as("checks graded").isNotEmpty();
    }

    private static Path resource(String name) {
        try {
            return Path.of(VariantsGetFullMarksTest.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
