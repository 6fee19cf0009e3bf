package ipc.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import ipc.grader.junit.GradingSettings;
import ipc.grader.score.ExerciseCatalog;
import ipc.grader.score.GradeReport;
import ipc.grader.score.ScoreCollector;
import ipc.grader.settings.RunSettings;
import ipc.grader.submission.Submission;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One grading of one submission, in this JVM: runs the graded suites through the JUnit Platform
 * Launcher and returns what they measured. {@code ./grade} and the project's own meta-tests both
 * grade through this class, so they grade alike.
 *
 * <pre>{@code
 * GradeReport report = GradingRun.of(Path.of("student-skeletons"))
 *         .exercise("echo")
 *         .command("ipc.echo.EchoServer", "python3 echo.py {port}")
 *         .run();
 * }</pre>
 */
public final class GradingRun {

    /** The package whose {@code @GradedExercise} classes are the graded suites. */
    public static final String SUITES = "ipc.grader.suites";
    /** Nominal limit for one check; its own deadlines end it far sooner. */
    private static final int CHECK_TIMEOUT_SECONDS = 60;

    private final Path submission;
    private final Set<String> exercises = new LinkedHashSet<>();
    private final Map<String, String> commands = new LinkedHashMap<>();
    private int parallelism = defaultParallelism();
    private RunSettings settings = RunSettings.current();
    private TestExecutionListener extraListener;

    private GradingRun(Path submission) {
        this.submission = submission;
    }

    public static GradingRun of(Path submission) {
        return new GradingRun(submission);
    }

    /** Grades only this exercise (repeatable); by default every exercise with a suite. */
    public GradingRun exercise(String id) {
        exercises.add(id);
        return this;
    }

    /** Runs {@code template} instead of the submission's Java class {@code mainClass}. */
    public GradingRun command(String mainClass, String template) {
        commands.put(mainClass, template);
        return this;
    }

    /** How many checks run at once. */
    public GradingRun parallelism(int checksAtOnce) {
        this.parallelism = Math.max(1, checksAtOnce);
        return this;
    }

    /** Another listener to the run, for progress output. */
    public GradingRun listener(TestExecutionListener listener) {
        this.extraListener = listener;
        return this;
    }

    /**
     * Checks run concurrently: most of a check's time is a student JVM starting or a wait on a
     * socket, so twice the cores keeps the CPUs busy without starving anyone's deadline.
     */
    static int defaultParallelism() {
        return Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
    }

    /**
     * Grades and returns what was measured. A submission folder without exercise sources (and no
     * command to stand in for them) is refused here, before any check runs, with an {@link IllegalArgumentException}: an unreadable
     * submission has no score, not a score of zero.
     */
    public GradeReport run() {
        if (Thread.currentThread() instanceof ForkJoinWorkerThread) {
            return onAThreadOfItsOwn();
        }
        // An unknown id is refused by the exercise filter, in its words.
        Set<String> packages = exercises.stream().filter(ExerciseCatalog::contains).map(ExerciseCatalog::sourcePackage)
                .collect(Collectors.toSet());
        try (Submission opened = Submission.open(submission, commands).compileInBackground(packages)) {
            String key = GradingSettings.share(opened);
            try {
                return run(key);
            } finally {
                GradingSettings.unshare(key);
            }
        }
    }

    /**
     * A caller on a fork-join worker (a test of a parallel JUnit run, as the project's meta-tests
     * are) would, while it waits for this grading's own pool, help its pool with other queued work:
     * another grading, which then runs nested inside this one, so that this one returns only when
     * that one has ended, and more gradings run at once than the caller's pool allows. On a thread
     * of its own, the grading is waited for and nothing else.
     */
    private GradeReport onAThreadOfItsOwn() {
        FutureTask<GradeReport> grading = new FutureTask<>(this::run);
        new Thread(grading, "sockgrader-grading").start();
        try {
            return grading.get();
        } catch (InterruptedException e) {
            grading.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while grading " + submission, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) e.getCause(); // run() throws nothing checked
        }
    }

    private GradeReport run(String openedSubmission) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(SUITES))
                .filters(ExerciseFilter.suitesOf(exercises))
                .configurationParameters(settings.asParameters())
                .configurationParameter(GradingSettings.SUBMISSION, submission.toAbsolutePath().toString())
                .configurationParameter(GradingSettings.OPENED_SUBMISSION, openedSubmission)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", String.valueOf(parallelism))
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.max-pool-size", String.valueOf(parallelism))
                .configurationParameter("junit.jupiter.execution.timeout.testable.method.default",
                        Math.round(CHECK_TIMEOUT_SECONDS * settings.timeScale()) + " s")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false");
        LauncherDiscoveryRequest discovery = request.build();
        // The grader's own listener (the summary printer) and exercise filter are registered for
        // Maven runs; here the caller decides what to print and grade, so nothing is registered
        // behind its back.
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
        ScoreCollector collector = new ScoreCollector(submission.toAbsolutePath().toString());
        if (extraListener == null) {
            launcher.execute(discovery, collector);
        } else {
            launcher.execute(discovery, collector, extraListener);
        }
        GradeReport report = collector.report();
        if (report.checks().isEmpty()) {
            throw new IllegalArgumentException("no graded checks"
                    + (exercises.isEmpty() ? " were found" : " exist yet for " + String.join(", ", exercises)));
        }
        return report;
    }
}
