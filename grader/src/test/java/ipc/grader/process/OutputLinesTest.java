package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.Fixtures;
import ipc.grader.submission.Submission;
import ipc.grader.time.Deadline;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Waiting for a program's output lines, typing into it, and holding it at the start line. */
class OutputLinesTest {

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
    @DisplayName("a line typed into the program comes back as the awaited output line; its stdin's end is seen")
    void typedLinesAndTheEndOfInput() {
        try (StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.Echoes"), ProgramArguments.of()).start()) {
            program.type("hello\n");
            assertThat(program.awaitStdoutLine(line -> line.startsWith("got:"), "an echo", Deadline.in(Duration.ofSeconds(10))))
                    .isEqualTo("got: hello");
            program.endInput();
            assertThat(program.awaitStderrLine("bye"::equals, "bye", Deadline.in(Duration.ofSeconds(10)))).isEqualTo("bye");
        }
    }

    @Test
    @DisplayName("a program that exits without the awaited line fails the wait at once, quoting what it printed")
    void failsFastWhenTheProgramExits() {
        try (StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.Exits"), ProgramArguments.of(0)).start()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> program.awaitStdoutLine("never"::equals, "\"never\"", Deadline.in(Duration.ofSeconds(20))))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageStartingWith("Exits exited with code 0 (stderr: ")
                    .hasMessageContaining("before it printed \"never\" on stdout.")
                    .hasMessageContaining("| about to exit");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    @DisplayName("a program still running at the deadline fails the wait, saying what it printed instead")
    void failsAtTheDeadline() {
        try (StudentProgram program = StudentProgram.of(fixtures.launch("ipc.fixture.Echoes"), ProgramArguments.of()).start()) {
            program.type("something else\n");
            program.awaitStdoutLine("got: something else"::equals, "the echo", Deadline.in(Duration.ofSeconds(10)));
            assertThatThrownBy(() -> program.awaitStdoutLine("got: that"::equals, "\"got: that\"",
                    Deadline.in(Duration.ofMillis(300))))
                    .hasMessageStartingWith("Echoes did not print \"got: that\" on stdout within")
                    .hasMessageContaining("| got: something else");
        }
    }

    @Test
    @DisplayName("a program at the start line is loaded and waiting, and runs its main only when let go")
    void startLineHoldsTheProgram() {
        JavaLaunch fixture = (JavaLaunch) fixtures.launch("ipc.fixture.Exits");
        JavaLaunch atTheLine = new JavaLaunch(List.of(fixture.classes(), JavaLaunch.codeSourceOf(StartLine.class)),
                StartLine.class.getName(), "Exits");
        try (StudentProgram program = StudentProgram.of(atTheLine, ProgramArguments.of("ipc.fixture.Exits", 7)).start()) {
            program.awaitStdoutLine(StartLine.READY::equals, "ready", Deadline.in(Duration.ofSeconds(10)));
            assertThat(program.stdout()).doesNotContain("about to exit");
            assertThat(program.isAlive()).as("waiting at the start line").isTrue();
            program.type("go\n");
            assertThat(program.awaitExit(Deadline.in(Duration.ofSeconds(10)), "it was let go")).isEqualTo(7);
            assertThat(program.stdout()).contains("about to exit");
        }
    }
}
