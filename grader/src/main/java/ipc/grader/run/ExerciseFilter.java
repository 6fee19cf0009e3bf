package ipc.grader.run;

import ipc.grader.junit.GradedExercise;
import ipc.grader.score.ExerciseCatalog;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/**
 * Keeps the graded suites of the chosen exercises (all of them when none is chosen).
 *
 * <p>{@code ./grade --exercise ID} hands {@link GradingRun} the ids. A student's
 * {@code mvn test -Dexercise=echo,chat} reaches the same filter through JUnit's launcher, which
 * loads it by {@code META-INF/services} with the no-argument constructor: the student pom passes
 * {@code -Dexercise} on as the system property {@value #PROPERTY}. So both ways grade the same
 * exercises by the same {@link GradedExercise} ids.
 */
public final class ExerciseFilter implements PostDiscoveryFilter {

    /** The exercises to grade, comma-separated; unset or blank grades every exercise. */
    public static final String PROPERTY = "sockgrader.exercises";

    private final Set<String> exercises;
    private final boolean onlySuites;
    /** Why the chosen exercises cannot be graded, or null. */
    private final String refusal;

    /**
     * The exercises named by the system property {@value #PROPERTY}, for JUnit's launcher. Tests
     * that are no graded suite (the grader's own, in the instructor's build) are left alone. An
     * unknown id is refused at the first {@link #apply}, not here: the launcher would report a
     * constructor's exception as a bare ServiceConfigurationError, without its message.
     */
    public ExerciseFilter() {
        List<String> chosen = parse(System.getProperty(PROPERTY, ""));
        this.refusal = unknown(chosen);
        this.exercises = refusal == null ? Set.copyOf(chosen) : Set.of();
        this.onlySuites = false;
    }

    /**
     * @throws IllegalArgumentException for an id that is no exercise, naming the ids there are: a
     *     typo must not grade nothing and look like a score
     */
    private ExerciseFilter(Collection<String> exercises, boolean onlySuites) {
        this.refusal = unknown(exercises);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        this.exercises = Set.copyOf(exercises);
        this.onlySuites = onlySuites;
    }

    /** Keeps only graded suites, of {@code exercises} or of every exercise when it is empty. */
    static ExerciseFilter suitesOf(Collection<String> exercises) {
        return new ExerciseFilter(exercises, true);
    }

    private static String unknown(Collection<String> ids) {
        List<String> unknown = ids.stream().filter(id -> !ExerciseCatalog.contains(id)).toList();
        return unknown.isEmpty() ? null : "unknown exercise " + String.join(", ", unknown)
                + "; the exercises are " + String.join(", ", ExerciseCatalog.ids());
    }

    /** {@code "echo, chat"} as its ids; blank parts are dropped. */
    static List<String> parse(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toList());
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (refusal != null) {
            throw new IllegalArgumentException(refusal + " (set by -Dexercise or " + PROPERTY + ")");
        }
        Optional<Class<?>> suite = descriptor.getSource().flatMap(ExerciseFilter::suiteClass);
        if (suite.isEmpty()) {
            return FilterResult.included("not a suite");
        }
        GradedExercise exercise = AnnotationSupport.findAnnotation(suite.get(), GradedExercise.class).orElse(null);
        if (exercise == null) {
            return onlySuites ? FilterResult.excluded("not a graded suite") : FilterResult.included("not a graded suite");
        }
        return exercises.isEmpty() || exercises.contains(exercise.value())
                ? FilterResult.included(exercise.value())
                : FilterResult.excluded("exercise " + exercise.value() + " not chosen");
    }

    private static Optional<Class<?>> suiteClass(TestSource source) {
        if (source instanceof ClassSource classSource) {
            return Optional.of(classSource.getJavaClass());
        }
        if (source instanceof MethodSource methodSource) {
            return Optional.of(methodSource.getJavaClass());
        }
        return Optional.empty();
    }
}
