package ipc.grader.report;

import ipc.grader.junit.GradingSettings;
import ipc.grader.score.GradeReport;
import ipc.grader.score.ScoreCollector;
import ipc.grader.settings.RunSettings;
import ipc.grader.submission.StudentSources;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the score summary at the end of a JUnit run that contains graded checks, such as a
 * student's {@code mvn test}; registered through {@code META-INF/services}. With the configuration
 * parameter {@value #OUT} it also writes every report there ({@link ReportFiles}; Maven prints
 * {@code summary.txt} once more as the build's last word, after surefire's own report). Runs
 * without graded checks (the grader's own unit tests) print nothing.
 */
public final class ScoreSummaryListener implements TestExecutionListener {

    /** Folder for the reports. */
    public static final String OUT = "sockgrader.out";

    private ScoreCollector collector;
    private String out;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        // Maven's entry point: the run's settings, from the JUnit configuration (-Dsockgrader.seed=7).
        RunSettings.use(RunSettings.from(testPlan.getConfigurationParameters()::get));
        String submission = testPlan.getConfigurationParameters().get(GradingSettings.SUBMISSION)
                .orElseGet(ScoreSummaryListener::nearestSources);
        out = testPlan.getConfigurationParameters().get(OUT).orElse(null);
        collector = new ScoreCollector(submission);
        collector.testPlanExecutionStarted(testPlan);
    }

    /** What an IDE run without the setting grades (see {@code GradingExtension}). */
    private static String nearestSources() {
        try {
            return StudentSources.near(Path.of("").toAbsolutePath()).sources().toString();
        } catch (IllegalStateException none) {
            return "(none found)";
        }
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        collector.executionStarted(identifier);
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        collector.executionSkipped(identifier, reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        collector.executionFinished(identifier, result);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        collector.testPlanExecutionFinished(testPlan);
        GradeReport report = collector.report();
        if (report.checks().isEmpty()) {
            return;
        }
        String summary = ConsoleSummary.render(report,
                "Each failed check's full report (what was sent, expected and received) is in the test output above.");
        System.out.println(summary);
        if (out != null) {
            try {
                ReportFiles.write(report, summary, Path.of(out));
            } catch (IOException e) {
                System.err.println("sockgrader: could not write the results to " + out + ": " + e.getMessage());
            }
        }
    }
}
