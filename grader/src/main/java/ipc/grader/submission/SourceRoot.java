package ipc.grader.submission;

import ipc.grader.home.RepositoryLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Finds where a submission's exercise sources are: the folder that holds the {@code ipc/} package
 * tree. A student repo checkout, the {@code student-skeletons} module, its {@code src/main/java}, or
 * any folder with one such tree inside will do.
 */
public final class SourceRoot {

    /** Folders that never hold exercise sources: build output, tests, tooling and hidden material. */
    private static final Set<String> SKIPPED = Set.of(
            "target", "build", "out", "bin", "node_modules", "test", "grader", RepositoryLayout.REFERENCE, "mutants");
    private static final int MAX_DEPTH = 8;
    /** A package declaration of an exercise, before any type: comments and blank lines may come first. */
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+(ipc(?:\\.\\w+)+)\\s*;", Pattern.MULTILINE);

    private SourceRoot() {
    }

    /** The source root under {@code path}; fails with a message that lists what was found. */
    public static Path find(Path path) {
        return locate(path).orElseThrow(() -> new IllegalArgumentException("no exercise sources under "
                + path.toAbsolutePath().normalize()
                + ": expected a folder holding ipc/<exercise package>/*.java, such as student-skeletons/src/main/java"
                + " (programs in another language are graded with one --command MAIN=TEMPLATE per program)"));
    }

    /**
     * The source root under {@code path}, or none when it holds no exercise sources at all (a folder
     * of programs in another language, each run by a command). Fails when {@code path} is no folder
     * or holds more than one source tree.
     */
    public static Optional<Path> locate(Path path) {
        Path start = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            throw new IllegalArgumentException("not a folder: " + start);
        }
        if (holdsExerciseSources(start)) {
            return Optional.of(start);
        }
        List<Path> roots = new ArrayList<>();
        try {
            Files.walkFileTree(start, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (skipped(dir, start)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (holdsExerciseSources(dir)) {
                        roots.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (roots.size() <= 1) {
            return roots.stream().findFirst();
        }
        throw new IllegalArgumentException("more than one source tree under " + start + ": " + roots
                + "; name the one to grade");
    }

    /**
     * Loose exercise sources under {@code path}, for a folder with no {@code ipc/} tree: {@code .java}
     * files at any depth whose package is an exercise's ({@code package ipc.echo;}), as an upload of
     * single files gives them (Gradescope), by the path each belongs at ({@code ipc/echo/EchoServer.java}).
     * Folders that never hold exercise sources are left out, as {@link #find} leaves them out. Fails
     * when two files claim one path: which one the student meant cannot be told.
     */
    public static Map<String, Path> looseSources(Path path) {
        Path start = path.toAbsolutePath().normalize();
        Map<String, Path> sources = new TreeMap<>();
        try {
            Files.walkFileTree(start, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return skipped(dir, start) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (attrs.isRegularFile() && name.endsWith(".java")) {
                        packageOf(file).ifPresent(pkg -> {
                            Path other = sources.putIfAbsent(pkg.replace('.', '/') + "/" + name, file);
                            if (other != null) {
                                throw new IllegalArgumentException("two files are " + pkg + "." + name.replace(".java", "")
                                        + ": " + start.relativize(other) + " and " + start.relativize(file) + "; keep one");
                            }
                        });
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    /** A folder below {@code start} that never holds exercise sources: hidden, build output, tests, tooling. */
    private static boolean skipped(Path dir, Path start) {
        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
        return !dir.equals(start) && (name.startsWith(".") || SKIPPED.contains(name));
    }

    /** The exercise package a source declares ({@code ipc.echo}), if it declares one. */
    private static Optional<String> packageOf(Path file) {
        try {
            Matcher declared = PACKAGE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
            return declared.find() && !declared.group(1).startsWith("ipc.grader") ? Optional.of(declared.group(1)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code dir} holds an {@code ipc/} package tree with Java sources. The grader's own
     * {@code ipc/grader} classes are no exercise: its module is never taken for a submission.
     */
    static boolean holdsExerciseSources(Path dir) {
        Path ipc = dir.resolve("ipc");
        if (!Files.isDirectory(ipc) || Files.isSymbolicLink(ipc)) {
            return false;
        }
        Path graderOwn = ipc.resolve("grader");
        try (var files = Files.walk(ipc, 4)) {
            return files.anyMatch(file -> file.toString().endsWith(".java") && !file.startsWith(graderOwn)
                    && Files.isRegularFile(file));
        } catch (IOException e) {
            return false;
        }
    }
}
