package ipc.grader.junit;

import ipc.grader.feedback.GradingFailure;
import ipc.grader.settings.RunSettings;
import ipc.grader.submission.StudentSources;
import ipc.grader.submission.Submission;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.ArrayList;
import ipc.grader.net.TcpConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit side of grading, registered by {@link GradedExercise}:
 * <ul>
 *   <li>resolves a {@link Lab} parameter, one per test, closed by JUnit when the test ends;</li>
 *   <li>opens the {@link Submission} once per run, shared by all tests and deleted at the end;</li>
 *   <li>turns a failure into a report for the student: the check's {@link Hint} and what each of
 *   the test's programs printed, after stopping them so their output is complete.</li>
 * </ul>
 */
public final class GradingExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final Namespace NAMESPACE = Namespace.create(GradingExtension.class);
    private static final int PROGRAM_OUTPUT_SHOWN = 1_500;
    private static final int OTHER_CONNECTIONS_SHOWN = 4;

    /**
     * The run's settings, read once from the JUnit configuration and kept in the run's store: the
     * same for every check, whichever way the run was started (Maven, {@code ./grade}, an IDE).
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(RunSettings.class, key -> {
            RunSettings settings = RunSettings.from(context::getConfigurationParameter);
            RunSettings.use(settings);
            return settings;
        }, RunSettings.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Lab.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Lab lab = new Lab(submission(context));
        // JUnit closes AutoCloseable values of a test's store when the test ends, pass or fail.
        context.getStore(NAMESPACE).put(Lab.class, lab);
        return lab;
    }

    private static Submission submission(ExtensionContext context) {
        Optional<Submission> lent = context.getConfigurationParameter(GradingSettings.OPENED_SUBMISSION)
                .flatMap(GradingSettings::shared);
        if (lent.isPresent()) {
            return lent.get(); // opened, and closed, by the GradingRun that lent it
        }
        ExtensionContext.Store runStore = context.getRoot().getStore(NAMESPACE);
        return runStore.getOrComputeIfAbsent(Submission.class, key -> open(context), Submission.class);
    }

    private static Submission open(ExtensionContext context) {
        Path sources = context.getConfigurationParameter(GradingSettings.SUBMISSION).map(Path::of)
                .orElseGet(GradingExtension::nearestSources);
        return Submission.open(sources, Map.of()); // command templates come only with a lent submission
    }

    /**
     * An IDE runs a suite class without the setting that Maven and {@code ./grade} pass: the
     * sources nearest the working folder are graded then, and the student is told which.
     */
    private static Path nearestSources() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        try {
            StudentSources.Found found = StudentSources.near(workingDirectory);
            System.out.println("sockgrader: grading " + found.sources() + ", the sources of " + found.how()
                    + " (found from the working folder " + workingDirectory + ", as " + GradingSettings.SUBMISSION
                    + " is not set).");
            return found.sources();
        } catch (IllegalStateException none) {
            throw new ParameterResolutionException(none.getMessage());
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Lab lab = context.getStore(NAMESPACE).get(Lab.class, Lab.class);
        if (failure instanceof TestAbortedException) {
            // The check found, while running, that this platform cannot measure what it judges (a
            // process's CPU time on macOS): it is skipped with that reason, neither failed nor passed.
            if (lab != null) {
                lab.stopPrograms();
            }
            throw failure;
        }
        List<String> reports = List.of();
        List<String> otherConnections = List.of();
        if (lab != null) {
            otherConnections = otherConversations(failure, lab.connections());
            lab.stopPrograms();
            reports = lab.programs().stream()
                    .map(program -> program.report(PROGRAM_OUTPUT_SHOWN))
                    .collect(Collectors.toList());
        }
        String hint = context.getTestMethod().map(GradingExtension::hintOf).orElse(null);
        // Programs run by --command are graded by ./grade alone: Maven's rerun would grade Java sources.
        String rerun = submission(context).runsCommands() ? null
                : RerunCommand.of(context.getRequiredTestClass(), context.getTestMethod().orElse(null)).orElse(null);
        AssertionError report = GradingFailure.retold(failure, describe(failure, hint, otherConnections, reports, rerun));
        report.setStackTrace(failure.getStackTrace());
        throw report;
    }

    /**
     * The conversations on the check's connections that its failure does not quote already, so a
     * failure on one connection still shows what the others saw; at most {@value #OTHER_CONNECTIONS_SHOWN},
     * then how many more there were.
     */
    static List<String> otherConversations(Throwable failure, List<TcpConnection> connections) {
        String message = String.valueOf(failure.getMessage());
        List<TcpConnection> others = connections.stream()
                .filter(connection -> !connection.isQuotedIn(message)).toList();
        List<String> shown = new ArrayList<>();
        others.stream().limit(OTHER_CONNECTIONS_SHOWN).forEach(connection -> shown.add(connection.conversation().strip()));
        if (others.size() > OTHER_CONNECTIONS_SHOWN) {
            shown.add("(and " + (others.size() - OTHER_CONNECTIONS_SHOWN) + " more connections of this check, not shown)");
        }
        return shown;
    }

    /**
     * The report of a failed check: why, the hint, the conversations on the check's other
     * connections, what each program printed, and last the command that reruns this check alone
     * ({@code rerun}, null for none), where a student looks for it.
     */
    static String describe(Throwable failure, String hint, List<String> otherConnections, List<String> programReports,
                           String rerun) {
        StringBuilder out = new StringBuilder(reason(failure).strip());
        if (hint != null && !out.toString().contains("Hint:")) {
            out.append("\nHint: ").append(hint);
        }
        for (String conversation : otherConnections) {
            out.append("\n\n").append(conversation);
        }
        for (String report : programReports) {
            out.append("\n\n").append(report);
        }
        if (rerun != null) {
            out.append("\n\nRerun this check alone: ").append(rerun);
        }
        return out.toString();
    }

    private static String reason(Throwable failure) {
        if (failure instanceof AssertionError && failure.getMessage() != null) {
            return failure.getMessage();
        }
        if (failure instanceof TimeoutException) {
            return "The check did not finish in time and was stopped (" + failure.getMessage() + ").";
        }
        return "The check could not finish: " + failure;
    }

    private static String hintOf(Method method) {
        return AnnotationSupport.findAnnotation(method, Hint.class).map(Hint::value).orElse(null);
    }
}
