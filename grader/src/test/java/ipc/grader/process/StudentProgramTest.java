package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ipc.grader.Fixtures;
import ipc.grader.feedback.FailureKind;
import ipc.grader.feedback.GradingFailure;
import ipc.grader.net.KernelSockets;
import ipc.grader.net.PortLease;
import ipc.grader.net.Ports;
import ipc.grader.submission.Submission;
import ipc.grader.time.Deadline;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StudentProgramTest {

    private static Submission fixtures;

    @BeforeAll
    static void compileFixtures() {
        fixtures = Fixtures.submission();
    }

    @AfterAll
    static void deleteFixtures() {
        fixtures.close();
    }

    @Test
    @DisplayName("a server that exits before listening fails its start at once, with exit code and output")
    void failsFastWhenTheProgramExits() {
        try (PortLease lease = Ports.leaseTcp();
             StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.Exits"), ProgramArguments.forServer(3))
                     .waitingFor(Wait.forListeningPort(lease.port()))) {
            long start = System.nanoTime();
            assertThatThrownBy(program::start)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Exits exited with code 3 (stderr: \"Exception in thread \"main\" java.lang.IllegalStateException: on purpose\")")
                    .hasMessageContaining("before it listened on 127.0.0.1:" + lease.port())
                    .hasMessageContaining("Hint:");
            // Far below the startup deadline (10 s): the grader noticed the exit, it did not wait it out.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(program.isAlive()).isFalse();
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "finds the program's sockets in /proc")
    @DisplayName("a server that listens on another port than the one it was given fails fast, naming both")
    void failsFastOnAHardCodedPort() {
        try (PortLease given = Ports.leaseTcp(); PortLease hardCoded = Ports.leaseTcp();
             StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.FixedPort"),
                     ProgramArguments.forServer(given.port(), hardCoded.port())).waitingFor(Wait.forListeningPort(given.port()))) {
            long start = System.nanoTime();
            assertThatThrownBy(program::start)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("FixedPort listens on port " + hardCoded.port() + ", not on the port it was given, "
                            + given.port() + ".")
                    .hasMessageContaining("args[0]");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @DisplayName("a server whose bind finds its port in use fails of its own kind, saying the port was free when chosen")
    void portInUseIsAKindOfItsOwn() throws Exception {
        try (PortLease given = Ports.leaseTcp(); PortLease held = Ports.leaseTcp();
             java.net.ServerSocket holder = new java.net.ServerSocket(held.port(), 1, java.net.InetAddress.getLoopbackAddress());
             StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.FixedPort"),
                     ProgramArguments.forServer(given.port(), held.port())).waitingFor(Wait.forListeningPort(given.port()))) {
            assertThatThrownBy(program::start)
                    .isInstanceOfSatisfying(GradingFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.PORT_IN_USE))
                    .hasMessageContaining("Address already in use")
                    .hasMessageContaining("was free when the grader chose it");
        }
    }

    @Test
    @DisplayName("a server whose child process listens (a launcher's, say) is ready once the child listens")
    void readyWhenAChildListens() {
        try (PortLease lease = Ports.leaseTcp();
             StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.ChildListens"),
                     ProgramArguments.forServer(lease.port())).waitingFor(Wait.forListeningPort(lease.port()))) {
            long start = System.nanoTime();
            program.start();
            // Two JVM starts, not the start-up deadline (10 s): the child's socket was found as the program's.
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(KernelSockets.isListening(lease.port())).isTrue();
        }
    }

    @Test
    @DisplayName("close() ends the program and the processes it started")
    void closeEndsTheWholeTree() {
        ProcessHandle child;
        try (PortLease lease = Ports.leaseTcp();
             StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.ListensWithChild"),
                     ProgramArguments.forServer(lease.port())).waitingFor(Wait.forListeningPort(lease.port())).start()) {
            child = await().atMost(Duration.ofSeconds(10)).until(
                    () -> ProcessHandle.of(program.pid()).flatMap(p -> p.children().findFirst()), Optional::isPresent).get();
            assertThat(child.isAlive()).isTrue();
            program.close();
            assertThat(program.isAlive()).isFalse();
            assertThat(KernelSockets.isListening(lease.port())).isFalse();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !child.isAlive());
    }

    @Test
    @DisplayName("output is kept within a bound: the start and the end of 8 MiB, with the cut said")
    void floodedOutputIsCapped() {
        try (StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.Floods"), ProgramArguments.of()).start()) {
            assertThat(program.awaitExit(Deadline.in(Duration.ofSeconds(20)), "flooding")).isZero();
            await().atMost(Duration.ofSeconds(5)).until(() -> program.stdout().contains("last line"));
            String out = program.stdout();
            assertThat(out).startsWith("first line").endsWith("last line\n").contains("bytes of output cut");
            assertThat(out.length()).isLessThan(CapturedOutput.HEAD + CapturedOutput.TAIL + 200);
        }
    }

    @Test
    @DisplayName("the exit code is reported, and expectToKeepRunning fails once the program has exited")
    void exitCodeAndSurvival() {
        try (StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.Exits"), ProgramArguments.of(7)).start()) {
            assertThatThrownBy(() -> program.expectToKeepRunning(Deadline.in(Duration.ofSeconds(10)), "after a reset"))
                    .hasMessage("Exits exited with code 7 after a reset, but it should have kept running.");
            assertThat(program.awaitExit(Deadline.in(Duration.ofSeconds(1)), "")).isEqualTo(7);
            assertThat(program.exitSummary()).startsWith("exited with code 7 (stderr: ");
            assertThat(program.report(500)).contains("Exits (arguments 7; exited with code 7)", "about to exit", "on purpose");
        }
    }

    @Test
    @DisplayName("awaitExit fails, saying why the program should have ended, when it keeps running")
    void awaitExitOfARunningProgram() {
        try (PortLease lease = Ports.leaseTcp();
             StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.ListensWithChild"),
                     ProgramArguments.forServer(lease.port())).waitingFor(Wait.forListeningPort(lease.port())).start()) {
            assertThatThrownBy(() -> program.awaitExit(Deadline.in(Duration.ofMillis(200)), "its client left"))
                    .hasMessage("ListensWithChild was still running 200 ms after its client left, but it should have exited.");
            assertThat(program.report(500)).contains("still running");
        }
    }

    @Test
    @DisplayName("a command that cannot be launched fails with the reason")
    void unlaunchableCommand() {
        StudentProgram program = StudentProgram.of(new CommandTemplate("no-such-command-sockgrader", Fixtures.root()),
                ProgramArguments.of());
        assertThatThrownBy(program::start).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("could not launch no-such-command-sockgrader");
        program.close();
    }

    @Test
    @EnabledOnOs(value = {OS.LINUX, OS.MAC}, disabledReason = "the limit is set by a POSIX shell")
    @DisplayName("a student program runs with at most 2048 open files, so it cannot hold every port of the machine")
    void openFilesAreLimited() {
        try (StudentProgram program = StudentProgram.of(new CommandTemplate("sh -c 'ulimit -n'", Fixtures.root()),
                ProgramArguments.of()).start()) {
            assertThat(program.awaitStdoutLine(line -> !line.isBlank(), "its open-files limit",
                    Deadline.in(Duration.ofSeconds(10)))).isEqualTo(String.valueOf(ProcessLimits.OPEN_FILES));
        }
    }

    @ParameterizedTest(name = "the exit seen by {0}")
    @ValueSource(strings = {"awaitExit", "isAlive"})
    @DisplayName("once a program has exited, its output is there to the last line, however the exit was seen")
    void outputIsCompleteOnceItExited(String seenBy) {
        // Each run leaves up to a pipe's worth (64 KiB) unread at the exit: a reader thread behind the
        // exit would show output cut short, the last line missing.
        for (int run = 1; run <= 20; run++) {
            try (StudentProgram program = StudentProgram.of(new CommandTemplate("sh -c 'seq 1 40000; echo gave up >&2; exit 1'",
                    Fixtures.root()), ProgramArguments.of()).start()) {
                if (seenBy.equals("awaitExit")) {
                    program.awaitExit(Deadline.in(Duration.ofSeconds(10)), "it printed its numbers");
                } else {
                    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1)).until(() -> !program.isAlive());
                }

                assertThat(program.stdout()).as("run %d: the end of its stdout", run).endsWith("39999\n40000\n");
                assertThat(program.stderr()).as("run %d: its stderr", run).isEqualTo("gave up\n");
            }
        }
    }

    @Test
    @DisplayName("closing a program the moment it has exited keeps its output to the last line")
    void closeRightAfterTheExitKeepsTheOutput() {
        // Regression: close() killed through Process.destroyForcibly, which also closes the pipes, and a
        // reader still behind the exit lost what was left in them (a probe's last result, once in 25 runs).
        for (int run = 1; run <= 20; run++) {
            try (StudentProgram program = StudentProgram.of(new CommandTemplate("sh -c 'seq 1 40000; echo gave up >&2; exit 1'",
                    Fixtures.root()), ProgramArguments.of()).start()) {
                program.awaitExit(Deadline.in(Duration.ofSeconds(10)), "it printed its numbers");
                program.close();

                assertThat(program.stdout()).as("run %d: the end of its stdout", run).endsWith("39999\n40000\n");
                assertThat(program.stderr()).as("run %d: its stderr", run).isEqualTo("gave up\n");
            }
        }
    }
}
