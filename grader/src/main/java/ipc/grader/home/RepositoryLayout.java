package ipc.grader.home;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the parts of the course repository lie, below its root (the grader's home): the one place
 * that spells out the layout. The instructor repository has all of them; a student repository, its
 * export, has no reference, no mutants, no hidden suites and no tests of the grader.
 */
public final class RepositoryLayout {

    /** The reference solutions' module. */
    public static final String REFERENCE = "reference-solutions";
    /** The skeletons' module, which is where a student writes. */
    public static final String SKELETONS = "student-skeletons";
    /** The exercise sources in the skeletons' module. */
    public static final String SKELETON_SOURCES = SKELETONS + "/src/main/java";
    /** The exercises' READMEs. */
    public static final String EXERCISES = "exercises";
    /** The grader's main sources: the harness and the public suites. */
    public static final String GRADER_MAIN = "grader/src/main";
    /** Where the instructor repository keeps the student repository's own README and workflow. */
    public static final String STUDENT_FILES = ".github/student-repo";
    /** The Maven modules' build files, root first. */
    public static final List<String> POMS = List.of("pom.xml", "grader/pom.xml", SKELETONS + "/pom.xml");

    /**
     * Folders of the instructor repository that a student must never read, and grading never needs:
     * the reference and its build output, the mutants and hostile submissions, the hidden suites and
     * every test of the project.
     */
    private static final List<String> INSTRUCTOR_ONLY = List.of(REFERENCE + "/src", REFERENCE + "/mutants",
            REFERENCE + "/hostile", REFERENCE + "/target", "grader/src/hidden", "grader/src/test");

    private RepositoryLayout() {
    }

    /** Whether {@code root} is the instructor repository: it holds the reference solutions. */
    public static boolean isInstructorRepository(Path root) {
        return Files.isDirectory(root.resolve(REFERENCE));
    }

    /** The instructor-only folders below {@code root}. */
    public static List<Path> instructorFolders(Path root) {
        return INSTRUCTOR_ONLY.stream().map(root::resolve).toList();
    }

    /** The folders below {@code root} that a student may read: the skeletons, the exercises, the grader's main sources. */
    public static List<Path> studentFolders(Path root) {
        return List.of(root.resolve(SKELETONS), root.resolve(EXERCISES), root.resolve(GRADER_MAIN));
    }
}
