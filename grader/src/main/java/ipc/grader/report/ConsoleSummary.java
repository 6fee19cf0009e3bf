package ipc.grader.report;

import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import ipc.grader.time.Durations;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The score summary printed at the end of every run: per exercise, points earned of possible, and
 * one line per failed check with its reason. Plain ASCII, so it reads the same in any terminal and
 * in CI logs.
 */
public final class ConsoleSummary {

    private static final int REASON_WIDTH = 150;
    private static final String RULE = "-".repeat(72);

    private ConsoleSummary() {
    }

    /** The summary, ending with {@code whereDetailsAre} when a check failed. */
    public static String render(GradeReport report, String whereDetailsAre) {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("=".repeat(26)).append(" sockgrader: score ").append("=".repeat(27)).append('\n');
        out.append("Submission: ").append(report.submission()).append("\n\n");
        for (Map.Entry<String, List<CheckResult>> exercise : report.byExercise().entrySet()) {
            List<CheckResult> checks = exercise.getValue().stream().filter(CheckResult::counts).toList();
            if (checks.isEmpty()) {
                out.append(String.format(Locale.ROOT, "%-18s %s%n", exercise.getKey(),
                        oneLine(exercise.getValue().get(0).reason()) + " (not counted)"));
                continue;
            }
            int earned = checks.stream().mapToInt(CheckResult::score).sum();
            int possible = checks.stream().mapToInt(CheckResult::points).sum();
            long failed = checks.stream().filter(CheckResult::failed).count();
            out.append(String.format(Locale.ROOT, "%-18s %3d / %-3d  %s%n", exercise.getKey(), earned, possible,
                    failed == 0 ? "every check passes" : failed + " of " + checks.size() + " checks fail"));
            if (failed == checks.size() && failed > 1 && sameReason(checks)) {
                // A program that does not compile, or does not start, fails every check alike: say it once.
                out.append(String.format(Locale.ROOT, "   x all %d checks: %s%n", checks.size(), oneLine(checks.get(0).reason())));
                continue;
            }
            for (CheckResult check : checks) {
                if (check.failed()) {
                    out.append(String.format(Locale.ROOT, "   x [%d pt%s] %s%n        %s%n", check.points(),
                            check.points() == 1 ? "" : "s", check.name(), oneLine(check.reason())));
                }
            }
        }
        out.append(RULE).append('\n');
        out.append(String.format(Locale.ROOT, "%-18s %3d / %-3d  (%d checks, graded in %s, time scale %s%s)%n", "TOTAL",
                report.score(), report.maxScore(), report.checks().stream().filter(CheckResult::counts).count(),
                Durations.describe(report.elapsed()), report.timeScaleText(),
                report.platformSwitches().isEmpty() ? "" : ", " + report.platformSwitches()));
        if (report.checks().stream().anyMatch(CheckResult::failed)) {
            out.append(whereDetailsAre).append('\n');
        }
        String ignored = IgnoredChanges.sentence(report);
        if (!ignored.isEmpty()) {
            out.append(ignored.strip()).append('\n');
        }
        return out.toString();
    }

    /** Whether all checks failed for the same reason, the ports each check was given aside. */
    private static boolean sameReason(List<CheckResult> checks) {
        return checks.stream().map(check -> check.reason().replaceAll("\\d+", "#")).distinct().count() == 1;
    }

    private static String oneLine(String reason) {
        String flat = reason.replaceAll("\\s+", " ").strip();
        return flat.length() <= REASON_WIDTH ? flat : flat.substring(0, REASON_WIDTH - 3) + "...";
    }
}
