package ipc.grader.process;

import ipc.grader.feedback.Text;
import java.util.List;
import java.util.OptionalInt;

/** The text a failure message shows of a student program: how it ended, and the end of its output. */
final class ProgramReport {

    /** SIGKILL: the exit code of a program the grader's {@code close()} ended. */
    private static final int KILLED = 137;
    private static final int LINE_CHARS = 120;

    private ProgramReport() {
    }

    /** One line: {@code exited with code 1 (stderr: "Exception in thread ...")}. */
    static String exitSummary(OptionalInt exitCode, String stdout, String stderr) {
        String summary = "exited with code " + exitCode.orElse(-1);
        String err = stderr.strip();
        String out = stdout.strip();
        if (!err.isEmpty()) {
            return summary + " (stderr: \"" + Text.cutLine(err.lines().findFirst().orElse(""), LINE_CHARS) + "\")";
        }
        if (!out.isEmpty()) {
            return summary + " (last output: \"" + Text.cutLine(out.substring(out.lastIndexOf('\n') + 1), LINE_CHARS) + "\")";
        }
        return summary;
    }

    /**
     * {@code displayName}, what it ran with (unless its name, a command's, shows it already), its state,
     * and both outputs cut to {@code maxChars}.
     */
    static String of(String displayName, boolean namedByItsCommand, List<String> arguments, OptionalInt exitCode,
                     boolean stoppedByTheGrader, String stdout, String stderr, int maxChars) {
        StringBuilder out = new StringBuilder(displayName);
        String ran = namedByItsCommand ? "" : arguments.isEmpty() ? "no arguments; " : "arguments " + String.join(" ", arguments) + "; ";
        out.append(" (").append(ran).append(stoppedByTheGrader && exitCode.isPresent() && exitCode.getAsInt() == KILLED
                ? "stopped by the grader" : exitCode.isPresent() ? "exited with code " + exitCode.getAsInt() : "still running")
                .append(')');
        appendStream(out, "stdout", stdout, maxChars);
        appendStream(out, "stderr", stderr, maxChars);
        return out.toString();
    }

    private static void appendStream(StringBuilder out, String name, String text, int maxChars) {
        if (text.isBlank()) {
            out.append("\n  ").append(name).append(": (nothing)");
        } else {
            out.append("\n  ").append(name).append(":\n").append(Text.indent(Text.cut(text, maxChars), "    | "));
        }
    }
}
