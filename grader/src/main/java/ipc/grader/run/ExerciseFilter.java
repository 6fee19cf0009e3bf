package ipc.grader.run;

import ipc.grader.junit.GradedExercise;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

/** Keeps the graded suites of the chosen exercises (all of them when none is chosen). */
final class ExerciseFilter implements PostDiscoveryFilter {

    private final Set<String> exercises;

    ExerciseFilter(Set<String> exercises) {
        this.exercises = Set.copyOf(exercises);
    }

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        Optional<Class<?>> suite = descriptor.getSource().flatMap(ExerciseFilter::suiteClass);
        if (suite.isEmpty()) {
            return FilterResult.included("not a suite");
        }
        GradedExercise exercise = suite.get().getAnnotation(GradedExercise.class);
        if (exercise == null) {
            return FilterResult.excluded("not a graded suite");
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
