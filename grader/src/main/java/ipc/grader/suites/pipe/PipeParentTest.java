package ipc.grader.suites.pipe;

import static org.assertj.core.api.Assertions.assertThat;

import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Lab;
import ipc.grader.junit.Points;
import ipc.grader.process.StudentProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PipeParent starts PipeChild as a second JVM and talks to it through the child's stdin and
 * stdout. The grader plays the user at PipeParent's terminal, and checks the processes themselves
 * with {@link ProcessHandle}, never trusting what they print about themselves.
 */
@GradedExercise("pipe")
@DisplayName("pipe: PipeParent and PipeChild")
class PipeParentTest {

    static final String PARENT = "ipc.pipe.PipeParent";
    static final String CHILD = "ipc.pipe.PipeChild";
    private static final Pattern GREETING = Pattern.compile("Parent got: hello from child (\\d+)");

    @Test
    @Points(3)
    @DisplayName("runs PipeChild as a second process, started by PipeParent")
    @Hint("Start the child with new ProcessBuilder(java, \"-cp\", System.getProperty(\"java.class.path\"), "
            + "\"ipc.pipe.PipeChild\").start(): a thread shares the parent's process, a pipe joins two processes.")
    void runsTheChildAsASecondProcess(Lab lab) {
        StudentProgram parent = lab.start(PARENT);
        long greeter = greetingPid(awaitGreeting(parent));

        // The child now waits for the answer we have not typed yet, so it must be running.
        ProcessHandle child = ChildProcess.of(parent, CHILD, greeter);
        assertThat(child.pid()).as("pid of PipeChild").isNotEqualTo(parent.pid());
        assertThat(greeter).as("the pid in the greeting PipeParent printed, against the pid of its child process %s",
                CHILD).isEqualTo(child.pid());
        parent.type("bye\n");
    }

    @Test
    @Points(2)
    @DisplayName("prints the greeting it read from the child's stdout as \"Parent got: hello from child\" and the pid")
    @Hint("The child must flush its stdout after the greeting (println on System.out does), or the parent waits "
            + "for bytes still sitting in the child's buffer while the child waits for the answer: a deadlock.")
    void printsTheGreeting(Lab lab) {
        StudentProgram parent = lab.start(PARENT);
        assertThat(awaitGreeting(parent)).matches(GREETING);
    }

    @Test
    @Points(2)
    @DisplayName("sends the line typed into PipeParent to the child, which reports \"Child got:\" and the line on stderr")
    @Hint("Write the line and \"\\n\" to child.getOutputStream() and flush (or close) it; the child reads it with "
            + "readLine(). The child's stderr is inherited (redirectError(INHERIT)), so its report shows on yours.")
    void passesTheAnswerToTheChild(Lab lab) {
        StudentProgram parent = lab.start(PARENT);
        awaitGreeting(parent);
        parent.type("the answer is 42\n");
        awaitChildReport(parent, "Child got: the answer is 42", "typing \"the answer is 42\\n\" into PipeParent");
    }

    @Test
    @Points(2)
    @DisplayName("waits for the child, then exits with the child's status 0")
    @Hint("After closing the child's stdin, call child.waitFor() and System.exit() with what it returns.")
    void exitsWithTheChildsStatus(Lab lab) {
        StudentProgram parent = lab.start(PARENT);
        awaitGreeting(parent);
        parent.type("done\n");
        awaitChildReport(parent, "Child got: done", "typing \"done\\n\" into PipeParent");
        assertThat(parent.awaitExit(Deadline.in(Waits.EXIT), "the child reported the answer"))
                .as("exit status of PipeParent after its child exited with 0").isZero();
    }

    @Test
    @Points(2)
    @DisplayName("passes on a non-zero status: the child exits with 3 when its stdin ends without a line")
    @Hint("When your own stdin ends, close the child's stdin without writing; the child then exits with 3, "
            + "and the parent must exit with exactly that status (child.waitFor()), not with 0.")
    void passesOnANonZeroStatus(Lab lab) {
        StudentProgram parent = lab.start(PARENT);
        awaitGreeting(parent);
        parent.endInput();
        awaitChildReport(parent, "Child got nothing", "PipeParent's stdin ended with nothing typed");
        assertThat(parent.awaitExit(Deadline.in(Waits.EXIT), "its stdin ended"))
                .as("exit status of PipeParent after its child exited with 3").isEqualTo(3);
    }

    @Test
    @Points(1)
    @DisplayName("a last line typed without a newline still reaches the child")
    @Hint("BufferedReader.readLine() returns the last line even when no \"\\n\" ends it; a hand-written loop that "
            + "only returns a line at \"\\n\" loses it. Send it to the child with a \"\\n\" of its own.")
    void lastLineWithoutNewline(Lab lab) {
        StudentProgram parent = lab.start(PARENT);
        awaitGreeting(parent);
        parent.type("no newline");
        parent.endInput();
        awaitChildReport(parent, "Child got: no newline", "typing \"no newline\" and ending PipeParent's stdin");
        assertThat(parent.awaitExit(Deadline.in(Waits.EXIT), "its stdin ended")).as("exit status of PipeParent").isZero();
    }

    private static String awaitGreeting(StudentProgram parent) {
        return parent.awaitStdoutLine(line -> line.startsWith("Parent got:"), "\"Parent got: hello from child <pid>\"",
                Deadline.in(Waits.STARTUP));
    }

    private static long greetingPid(String line) {
        Matcher matcher = GREETING.matcher(line);
        assertThat(matcher.matches()).as("PipeParent's line \"%s\" has the form \"Parent got: hello from child <pid>\"",
                line).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    private static void awaitChildReport(StudentProgram parent, String report, String after) {
        parent.awaitStderrLine(report::equals, "\"" + report + "\" (from the child, after " + after + ")",
                Deadline.in(Waits.REPLY));
    }
}
