package ipc.grader.process;

import ipc.grader.feedback.NeverPrinted;
import ipc.grader.feedback.Text;
import ipc.grader.time.Deadline;
import ipc.grader.time.Poll;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for a line on one of a program's output streams, the way a person watching its terminal
 * would: until the line shows up, the deadline passes, or the program is gone, whichever is first.
 * A dead program fails at once, quoting its last words, rather than after the deadline.
 */
final class OutputLines {

    private static final int SHOWN_CHARS = 600;

    private final StudentProgram program;
    private final String streamName;
    private final Supplier<String> text;

    OutputLines(StudentProgram program, String streamName, Supplier<String> text) {
        this.program = program;
        this.streamName = streamName;
        this.text = text;
    }

    String await(Predicate<String> matching, String expected, Deadline deadline) {
        Poll.named(program.displayName() + " to print " + expected).stoppingWhen(() -> !program.isAlive())
                .until(deadline, () -> find(matching).isPresent()); // the outcome is said below, with what it printed
        Optional<String> line = find(matching);
        if (line.isPresent()) {
            return line.get();
        }
        if (!program.isAlive()) {
            throw program.exitedEarly("before it printed " + expected + " on " + streamName + "." + printed());
        }
        throw NeverPrinted.failure(program.displayName(), expected + " on " + streamName, deadline.describe(), printed());
    }

    private Optional<String> find(Predicate<String> matching) {
        return text.get().lines().map(OutputLines::withoutCr).filter(matching).findFirst();
    }

    private String printed() {
        String all = text.get();
        return all.isBlank() ? "\nIt printed nothing on " + streamName + "."
                : "\nIt printed on " + streamName + ":\n" + Text.indent(Text.cut(all, SHOWN_CHARS), "    | ");
    }

    private static String withoutCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
