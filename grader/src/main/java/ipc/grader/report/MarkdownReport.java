package ipc.grader.report;

import ipc.grader.feedback.Text;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import ipc.grader.time.Durations;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link GradeReport} in GitHub-flavoured Markdown, for {@code $GITHUB_STEP_SUMMARY} and a
 * pull-request comment: the total, a table per exercise, then each failed check in full (what the
 * grader sent, expected and received) in a code block, so {@code \r\n} and other escapes read as
 * the grader wrote them.
 *
 * <p>A pull-request comment holds at most 65,536 characters, so each failure is cut, and once the
 * report nears {@link #BUDGET} the remaining failures are listed by name only.
 */
public final class MarkdownReport {

    static final String FILE = "report.md";
    /** Under GitHub's comment limit (65,536), with room for a heading the workflow may add. */
    static final int BUDGET = 60_000;
    private static final int DETAILS_SHOWN = 3_000;

    private MarkdownReport() {
    }

    public static String render(GradeReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## sockgrader: ").append(report.score()).append(" / ").append(report.maxScore()).append(" points\n\n");
        long counted = report.checks().stream().filter(CheckResult::counts).count();
        int exercises = report.byExercise().size();
        out.append(counted).append(counted == 1 ? " check in " : " checks in ").append(exercises)
                .append(exercises == 1 ? " exercise, graded in " : " exercises, graded in ")
                .append(Durations.describe(report.elapsed())).append(" at time scale ").append(report.timeScaleText())
                .append(" (every deadline ×").append(report.timeScaleText()).append(")")
                .append(report.platformSwitches().isEmpty() ? "" : ", with the switches " + report.platformSwitches())
                .append(".")
                .append(IgnoredChanges.sentence(report)).append("\n\n");
        for (Map.Entry<String, List<CheckResult>> exercise : report.byExercise().entrySet()) {
            appendExercise(out, exercise.getKey(), exercise.getValue());
        }
        List<CheckResult> failed = report.checks().stream().filter(CheckResult::failed).toList();
        if (!failed.isEmpty()) {
            out.append("### What failed, and why\n\n");
        }
        for (int i = 0; i < failed.size(); i++) {
            CheckResult check = failed.get(i);
            String details = details(check);
            if (out.length() + details.length() > BUDGET) {
                out.append("The report is too long for one comment: ").append(failed.size() - i)
                        .append(" more failed checks are listed in the tables above; run `./grade` to see them in full.\n");
                break;
            }
            out.append(details);
        }
        return out.toString();
    }

    private static void appendExercise(StringBuilder out, String exercise, List<CheckResult> checks) {
        List<CheckResult> counted = checks.stream().filter(CheckResult::counts).toList();
        if (counted.isEmpty()) {
            out.append("#### ").append(exercise).append(": not counted\n\n").append(cell(checks.get(0).reason())).append("\n\n");
            return;
        }
        int earned = counted.stream().mapToInt(CheckResult::score).sum();
        int possible = counted.stream().mapToInt(CheckResult::points).sum();
        out.append("#### ").append(exercise).append(": ").append(earned).append(" / ").append(possible).append("\n\n");
        out.append("| | check | points |\n|---|---|---:|\n");
        for (CheckResult check : counted) {
            out.append(String.format(Locale.ROOT, "| %s | %s%s | %d / %d |%n", check.passed() ? "✅" : "❌", cell(check.name()),
                    check.hidden() ? " *(hidden)*" : "", check.score(), check.points()));
        }
        out.append('\n');
    }

    private static String details(CheckResult check) {
        StringBuilder out = new StringBuilder();
        out.append("<details><summary><b>").append(html(check.exercise() + ": " + check.name())).append("</b> (")
                .append(check.points()).append(check.points() == 1 ? " point" : " points").append(") — ")
                .append(check.hidden() ? "hidden" : html(Text.cut(check.reason(), 200))).append("</summary>\n\n");
        String body = check.hidden() ? HiddenCheck.NOTE : Text.cut(check.message(), DETAILS_SHOWN);
        String fence = fenceFor(body);
        out.append(fence).append("text\n").append(body.strip()).append('\n').append(fence).append("\n\n</details>\n\n");
        return out.toString();
    }

    /** A fence longer than any run of backticks in the text, so the text cannot close its block. */
    static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    /** Text safe in a table cell: one line, no column breaks, no markup. */
    static String cell(String text) {
        return html(text.replaceAll("\\s+", " ").strip()).replace("|", "\\|").replace("`", "\\`").replace("*", "\\*")
                .replace("_", "\\_");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
