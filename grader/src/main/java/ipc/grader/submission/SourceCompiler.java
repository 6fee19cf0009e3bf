package ipc.grader.submission;

import ipc.grader.feedback.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a submission's sources become classes: those of a grading in one javac run, the fast path
 * when they compile, or, when they do not, one main class with what it uses, so that a broken file
 * costs only the programs that use it.
 */
final class SourceCompiler {

    private static final int MAX_COMPILER_MESSAGE = 4_000;

    private final Path sources;
    private final Path workspace;
    /** The packages compiled together ({@code ipc.echo}, ...); empty for every source. */
    private final Set<String> packages;

    SourceCompiler(Path sources, Path workspace, Set<String> packages) {
        this.sources = sources;
        this.workspace = workspace;
        this.packages = Set.copyOf(packages);
    }

    /** Whether {@code mainClass} is among the classes that {@link #together()} compiles. */
    boolean compilesTogether(String mainClass) {
        return inPackages(mainClass);
    }

    /**
     * Every source of the packages (of the whole submission when none are given) in one javac run,
     * with what they use; the classes folder, or null when anything fails to compile.
     */
    Path together() {
        Path classes = workspace.resolve("classes").resolve("all");
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> units = files.filter(file -> file.toString().endsWith(".java") && inPackages(className(file)))
                    .sorted().toList();
            if (units.isEmpty()) {
                return null; // nothing to compile: each program that needs a source says it has none
            }
            return Workspaces.whileOpen(workspace, () -> JavacCompiler.compile(sources, units, classes)) == null ? classes : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the submission: " + e.getMessage(), e);
        }
    }

    /** Whether {@code className} is in one of the packages, or in a package inside one of them. */
    private boolean inPackages(String className) {
        return packages.isEmpty() || packages.stream().anyMatch(inPackage -> className.startsWith(inPackage + "."));
    }

    /** {@code ipc.echo.EchoServer} for {@code <sources>/ipc/echo/EchoServer.java}. */
    private String className(Path source) {
        String relative = sources.relativize(source).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace(source.getFileSystem().getSeparator(), ".");
    }

    /** {@code mainClass} and what it uses, alone; fails with javac's messages. */
    Path alone(String mainClass) {
        String relative = mainClass.replace('.', '/') + ".java";
        String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
        Path classes = workspace.resolve("classes").resolve(mainClass);
        try {
            String errors = Workspaces.whileOpen(workspace,
                    () -> JavacCompiler.compile(sources, List.of(sources.resolve(relative)), classes));
            if (errors != null) {
                throw new AssertionError(simpleName + " does not compile: " + firstLine(errors) + "\n"
                        + Text.cut(errors, MAX_COMPILER_MESSAGE));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile " + relative + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int end = trimmed.indexOf('\n');
        return end < 0 ? trimmed : trimmed.substring(0, end);
    }
}
