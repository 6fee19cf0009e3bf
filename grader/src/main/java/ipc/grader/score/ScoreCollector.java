package ipc.grader.score;

import static org.junit.platform.commons.support.AnnotationSupport.findAnnotation;
import static org.junit.platform.commons.support.AnnotationSupport.isAnnotated;

import ipc.grader.feedback.FailureKind;
import ipc.grader.feedback.GradingFailure;
import ipc.grader.junit.GradedExercise;
import ipc.grader.junit.Hidden;
import ipc.grader.junit.Hint;
import ipc.grader.junit.Points;
import ipc.grader.junit.Visibility;
import ipc.grader.score.CheckResult.Status;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Listens to a JUnit run and turns the graded tests' outcomes into a {@link GradeReport}. A graded
 * test is one whose method has {@link Points} in a {@link GradedExercise} class; other tests are
 * ignored. A graded test that never finished (its class failed to start, the run was cut short)
 * is reported as failed with the reason, so a score is never more than what was measured.
 */
public final class ScoreCollector implements TestExecutionListener {

    private final String submission;
    private final Map<String, TestIdentifier> graded = new LinkedHashMap<>();
    private final Map<String, CheckResult> results = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, String> containerFailures = new ConcurrentHashMap<>();
    private final Map<String, String> skipped = new ConcurrentHashMap<>();
    private volatile TestPlan plan;
    private volatile long runStart;
    private volatile GradeReport report;

    public ScoreCollector(String submission) {
        this.submission = submission;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        runStart = System.nanoTime();
        testPlan.accept(new TestPlan.Visitor() {
            @Override
            public void visit(TestIdentifier identifier) {
                if (identifier.isTest() && gradedMethod(identifier).isPresent()) {
                    graded.put(identifier.getUniqueId(), identifier);
                }
            }
        });
    }

    @Override
    public void executionStarted(TestIdentifier identifier) {
        started.put(identifier.getUniqueId(), System.nanoTime());
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        // Only the grader's own conditions skip a graded test (@DisabledOnOs where a platform lacks
        // what the exercise is about); a student cannot, since the suites are the grader's.
        skipped.put(identifier.getUniqueId(), reason);
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (!graded.containsKey(identifier.getUniqueId())) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                containerFailures.put(identifier.getUniqueId(), "not run: " + result.getThrowable()
                        .map(ScoreCollector::messageOf).orElse("its suite failed to start"));
            }
            return;
        }
        long start = started.getOrDefault(identifier.getUniqueId(), System.nanoTime());
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            // Only the grader's own code aborts a check (student programs run in processes of their
            // own): it found while running that this platform cannot measure what the check judges.
            results.put(identifier.getUniqueId(), toResult(identifier, Status.SKIPPED, "skipped: " + result.getThrowable()
                    .map(Throwable::getMessage).orElse("this platform cannot run it"), duration, null));
            return;
        }
        String message = passed ? "" : result.getThrowable().map(ScoreCollector::messageOf)
                .orElse("failed without a message (" + result.getStatus() + ")");
        FailureKind kind = passed ? null : result.getThrowable().map(GradingFailure::kindOf).orElse(FailureKind.GRADER_ERROR);
        results.put(identifier.getUniqueId(), toResult(identifier, passed ? Status.PASSED : Status.FAILED, message,
                duration, kind));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        List<CheckResult> checks = new ArrayList<>();
        for (TestIdentifier identifier : graded.values()) {
            CheckResult result = results.get(identifier.getUniqueId());
            Optional<String> skip = result == null ? whySkipped(identifier) : Optional.empty();
            checks.add(result != null ? result : skip.isPresent()
                    ? toResult(identifier, Status.SKIPPED, "skipped: " + skip.get(), Duration.ZERO, null)
                    : toResult(identifier, Status.FAILED, whyNotRun(identifier), Duration.ZERO, FailureKind.NOT_RUN));
        }
        report = new GradeReport(submission, checks, Duration.ofNanos(System.nanoTime() - runStart));
    }

    /** The report, once the run has finished. */
    public GradeReport report() {
        if (report == null) {
            throw new IllegalStateException("the grading run has not finished");
        }
        return report;
    }

    private Optional<String> whySkipped(TestIdentifier identifier) {
        return nearest(identifier, skipped);
    }

    private String whyNotRun(TestIdentifier identifier) {
        return nearest(identifier, containerFailures).orElse("not run: the grading run ended before this check finished");
    }

    /** What {@code reasons} says of the check or of the nearest suite or container around it. */
    private Optional<String> nearest(TestIdentifier identifier, Map<String, String> reasons) {
        for (Optional<TestIdentifier> current = Optional.of(identifier); current.isPresent();
                current = plan.getParent(current.get())) {
            String reason = reasons.get(current.get().getUniqueId());
            if (reason != null) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }

    private static CheckResult toResult(TestIdentifier identifier, Status status, String message, Duration duration,
                                        FailureKind kind) {
        Method method = gradedMethod(identifier).orElseThrow();
        Class<?> suite = method.getDeclaringClass();
        String exercise = findAnnotation(suite, GradedExercise.class).orElseThrow().value();
        return new CheckResult(exercise, suite.getSimpleName() + "#" + method.getName(), identifier.getDisplayName(),
                findAnnotation(method, Points.class).orElseThrow().value(), status, message, duration, suite.getName(),
                visibility(method), findAnnotation(method, Hint.class).map(Hint::value).orElse(""), kind);
    }

    /** A check's own {@link Hidden}, or else its suite's. */
    static Visibility visibility(Method method) {
        return findAnnotation(method, Hidden.class).or(() -> findAnnotation(method.getDeclaringClass(), Hidden.class))
                .map(Hidden::value).orElse(Visibility.VISIBLE);
    }

    static Optional<Method> gradedMethod(TestIdentifier identifier) {
        return identifier.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getJavaMethod())
                .filter(method -> isAnnotated(method, Points.class) && isAnnotated(method.getDeclaringClass(), GradedExercise.class));
    }

    private static String messageOf(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }
}
