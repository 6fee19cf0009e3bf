package ipc.grader.score;

import ipc.grader.platform.Platform;
import ipc.grader.time.TimeScale;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Everything one grading run measured, the single source of every report: per check, what it was
 * worth and whether it passed. Totals are always sums over checks that ran to the end.
 */
public final class GradeReport {

    private final String submission;
    private final List<CheckResult> checks;
    private final Duration elapsed;
    private final List<String> ignoredChanges;
    private final double timeScale;
    private final String platformSwitches;

    /** A report of a run that used the {@link TimeScale} and the {@link Platform} switches in force now. */
    public GradeReport(String submission, List<CheckResult> checks, Duration elapsed) {
        this(submission, checks, elapsed, List.of(), TimeScale.factor(), Platform.switches());
    }

    private GradeReport(String submission, List<CheckResult> checks, Duration elapsed, List<String> ignoredChanges,
                        double timeScale, String platformSwitches) {
        this.timeScale = timeScale;
        this.platformSwitches = platformSwitches;
        this.submission = submission;
        List<CheckResult> sorted = new ArrayList<>(checks);
        sorted.sort(Comparator.comparingInt((CheckResult check) -> ExerciseCatalog.order(check.exercise()))
                .thenComparing(CheckResult::exercise));
        this.checks = List.copyOf(sorted);
        this.elapsed = elapsed;
        this.ignoredChanges = List.copyOf(ignoredChanges);
    }

    /**
     * The same report, naming the files outside the exercise sources that the submission changed
     * (tests, poms, workflows, the grader): grading ignored them, and every report lists them.
     */
    public GradeReport withIgnoredChanges(List<String> changes) {
        return new GradeReport(submission, checks, elapsed, changes, timeScale, platformSwitches);
    }

    /** The same report, as graded with the platform switches {@code switches} (see {@link #platformSwitches()}). */
    public GradeReport withPlatformSwitches(String switches) {
        return new GradeReport(submission, checks, elapsed, ignoredChanges, timeScale, switches);
    }

    /**
     * The same report with each failed check's message passed through {@code edit}: for what
     * feedback must not show (see {@code WithheldLines}).
     */
    public GradeReport withMessages(UnaryOperator<String> edit) {
        List<CheckResult> edited = checks.stream().map(check -> check.message().isEmpty() ? check
                : new CheckResult(check.exercise(), check.id(), check.name(), check.points(), check.status(),
                        edit.apply(check.message()), check.duration(), check.suite(), check.visibility(), check.hint(),
                        check.kind()))
                .toList();
        return new GradeReport(submission, edited, elapsed, ignoredChanges, timeScale, platformSwitches);
    }

    /**
     * The factor every deadline of the run was stretched by. Reports state it: a score measured
     * with stretched deadlines is only comparable with one measured the same way.
     */
    public double timeScale() {
        return timeScale;
    }

    /** {@link #timeScale()} for people: {@code "1"}, {@code "2"}, {@code "1.5"}. */
    public String timeScaleText() {
        return BigDecimal.valueOf(timeScale).stripTrailingZeros().toPlainString();
    }

    /**
     * The platform switches the run was graded with ({@code "portable platform, student line ends
     * crlf"}), or empty: like the time scale, they can change what a check measures, so reports name them.
     */
    public String platformSwitches() {
        return platformSwitches;
    }

    /** Files the submission changed that grading ignored, as paths in the student repository. */
    public List<String> ignoredChanges() {
        return ignoredChanges;
    }

    public String submission() {
        return submission;
    }

    /** Every check, by exercise in catalogue order, then in the order the suites declare them. */
    public List<CheckResult> checks() {
        return checks;
    }

    public Duration elapsed() {
        return elapsed;
    }

    public int score() {
        return checks.stream().mapToInt(CheckResult::score).sum();
    }

    public int maxScore() {
        return checks.stream().filter(CheckResult::counts).mapToInt(CheckResult::points).sum();
    }

    /** Checks grouped by exercise, in catalogue order. */
    public Map<String, List<CheckResult>> byExercise() {
        Map<String, List<CheckResult>> grouped = new LinkedHashMap<>();
        for (CheckResult check : checks) {
            grouped.computeIfAbsent(check.exercise(), id -> new ArrayList<>()).add(check);
        }
        return grouped;
    }
}
