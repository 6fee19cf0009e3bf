package ipc.grader.submission;

import ipc.grader.home.RepositoryLayout;
import java.nio.file.Path;

/**
 * The student's sources when nobody named them: an IDE that runs one suite class starts it in the
 * module or repository folder, without the {@code sockgrader.submission} that Maven and
 * {@code ./grade} set. From that folder up, the first folder that holds
 * {@code student-skeletons/src/main/java} with exercise sources is the student repository; a
 * module whose own {@code src/main/java} holds them (the skeletons module itself) counts too.
 * The grader's own module never does: its {@code ipc/grader} classes are no exercise.
 */
public final class StudentSources {

    private static final String SKELETONS = RepositoryLayout.SKELETON_SOURCES;

    /** What was found, and how, in words for the student. */
    public record Found(Path sources, String how) {
    }

    private StudentSources() {
    }

    /**
     * The sources nearest {@code workingDirectory}.
     *
     * @throws IllegalStateException when there are none, saying where it looked and what to do
     */
    public static Found near(Path workingDirectory) {
        Path start = workingDirectory.toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path skeletons = dir.resolve(SKELETONS);
            if (SourceRoot.holdsExerciseSources(skeletons)) {
                return new Found(skeletons, "the student-skeletons module of " + dir);
            }
            Path own = dir.resolve("src/main/java");
            if (SourceRoot.holdsExerciseSources(own)) {
                return new Found(own, "the module " + dir);
            }
        }
        throw new IllegalStateException("no submission to grade: the system property sockgrader.submission is not set,"
                + " and neither " + start + " nor a folder above it holds " + SKELETONS
                + " (or src/main/java) with ipc/<exercise>/*.java sources. Run the check from your repository"
                + " (or any folder inside it), or set -Dsockgrader.submission=<folder with the ipc/ sources>.");
    }
}
