package ipc.grader.export;

import ipc.grader.home.RepositoryLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The student repository, as this grader would write it: the skeletons, the public graded suites
 * and the grader that runs them, the exercise READMEs, the student workflow, and poms without the
 * reference module. It never holds the reference solutions, their mutants, the meta-tests, the
 * hidden suites ({@code grader/src/hidden}) or the grader's own unit tests.
 *
 * <p>The same list serves two ends: {@code ./grade export-student DIR} writes it, and grading a
 * student repository compares the repository with it, to name the files a student changed outside
 * the exercise sources (grading takes only those sources; the rest comes from the grader's copies).
 * The home may be the instructor repository or a student repository itself: a student repository's
 * export is itself, so a clean copy of it serves as the grader of a pull request.
 */
public final class StudentRepo {

    /** Where the student writes: the only part of a student repository that grading takes. */
    public static final String SOURCES = RepositoryLayout.SKELETON_SOURCES + "/";
    /** Instructor-only parts of a pom, between these two comment lines, are left out of the export. */
    static final String INSTRUCTOR_ONLY = "<!-- instructor-only -->";
    static final String END_INSTRUCTOR_ONLY = "<!-- /instructor-only -->";
    /** Where the instructor repository keeps the student repository's own README and workflow. */
    static final String STUDENT_FILES = RepositoryLayout.STUDENT_FILES + "/";

    private static final String MAVEN_JVM_CONFIG = ".mvn/jvm.config";
    private static final List<String> TREES = List.of(RepositoryLayout.GRADER_MAIN, RepositoryLayout.SKELETONS,
            RepositoryLayout.EXERCISES);
    private static final List<String> SKIPPED_NAMES = List.of("target", ".build.lock", ".git");

    private final Path home;
    private final boolean instructor;

    private StudentRepo(Path home) {
        this.home = home;
        this.instructor = RepositoryLayout.isInstructorRepository(home);
    }

    /** The student repository of the grader in {@code home}. */
    public static StudentRepo of(Path home) {
        return new StudentRepo(home.toAbsolutePath().normalize());
    }

    /** Every file of the student repository, by its path there, in path order. */
    public Map<String, byte[]> files() {
        Map<String, byte[]> files = new TreeMap<>();
        for (String pom : RepositoryLayout.POMS) {
            files.put(pom, withoutInstructorParts(read(pom)));
        }
        for (String plain : List.of("grade", ".gitignore", ".gitattributes")) {
            files.put(plain, read(plain));
        }
        String own = instructor ? STUDENT_FILES : "";
        files.put("README.md", read(own + "README.md"));
        // Maven's own JVM for a student's mvn test: C1 only and the serial collector start it about
        // 2 s sooner, a sixth of grading every exercise; Maven's work there is short.
        files.put(MAVEN_JVM_CONFIG, read(own + MAVEN_JVM_CONFIG));
        files.put(".github/workflows/classroom.yml", read(instructor ? STUDENT_FILES + "workflows/classroom.yml"
                : ".github/workflows/classroom.yml"));
        for (String tree : TREES) {
            for (String file : filesUnder(home, tree)) {
                files.putIfAbsent(file, read(file));
            }
        }
        return files;
    }

    /** Writes the student repository into {@code folder}, which must be missing or empty; returns the file count. */
    public int writeTo(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> inside = Files.list(folder)) {
                if (inside.findAny().isPresent()) {
                    throw new IllegalArgumentException("not an empty folder: " + folder + " (the export never overwrites)");
                }
            }
        }
        Map<String, byte[]> files = files();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = folder.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        try {
            Files.setPosixFilePermissions(folder.resolve("grade"), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the README says to run it with bash
        }
        return files.size();
    }

    /**
     * The files of the student repository in {@code repo} that differ from this export, outside the
     * exercise sources: changed, deleted ({@code (deleted)}) or added ({@code (added)}). Line ends
     * are not a difference. Empty when {@code repo} is not a student repository (a bare source
     * folder has nothing else to compare).
     */
    public List<String> changesIn(Path repo) {
        Path root = repo.toAbsolutePath().normalize();
        // A grader packaged alone (Gradescope) has no repository to compare a student's with.
        if (!Files.isDirectory(root.resolve(RepositoryLayout.SKELETONS)) || root.equals(home)
                || !Files.isDirectory(home.resolve(RepositoryLayout.SKELETONS))) {
            return List.of();
        }
        Map<String, byte[]> expected = files();
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : expected.entrySet()) {
            if (file.getKey().startsWith(SOURCES)) {
                continue;
            }
            Path theirs = root.resolve(file.getKey());
            if (!Files.isRegularFile(theirs)) {
                changes.add(file.getKey() + " (deleted)");
            } else if (!sameText(file.getValue(), readFile(theirs))) {
                changes.add(file.getKey());
            }
        }
        for (String file : filesUnder(root, "")) {
            if (!file.startsWith(SOURCES) && !expected.containsKey(file)) {
                changes.add(file + " (added)");
            }
        }
        return List.copyOf(changes);
    }

    private byte[] read(String path) {
        return readFile(home.resolve(path));
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the grader's copy of " + file + " is missing", e);
        }
    }

    /** Regular files under {@code tree} (relative to {@code root}), as /-separated paths; build output skipped. */
    private static List<String> filesUnder(Path root, String tree) {
        Path start = tree.isEmpty() ? root : root.resolve(tree);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(start)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> Arrays.stream(path.split("/")).noneMatch(SKIPPED_NAMES::contains))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] withoutInstructorParts(byte[] pom) {
        String text = new String(pom, StandardCharsets.UTF_8);
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : text.split("(?<=\n)")) {
            if (line.strip().equals(INSTRUCTOR_ONLY)) {
                skipping = true;
            } else if (line.strip().equals(END_INSTRUCTOR_ONLY)) {
                skipping = false;
            } else if (!skipping) {
                kept.append(line);
            }
        }
        return kept.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean sameText(byte[] ours, byte[] theirs) {
        return new String(ours, StandardCharsets.UTF_8).replace("\r\n", "\n")
                .equals(new String(theirs, StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
