package ipc.grader.submission;

import ipc.grader.process.CommandTemplate;
import ipc.grader.process.JavaLaunch;
import ipc.grader.process.ProgramLaunch;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * One submission being graded: a private copy of its exercise sources (only {@code ipc/**.java},
 * never its tests, poms or scripts) and, per main class, how to launch it. Java main classes are
 * compiled on first use ({@link SourceCompiler}): together, or each on its own where that fails, so
 * a file that does not compile costs only the exercise that needs it. A main class with a command
 * template runs that command instead.
 *
 * <p>Shared by every test of a grading run; {@link #close()} deletes the copy and the classes.
 */
public final class Submission implements AutoCloseable {

    /** The longest path of a Unix domain socket on macOS, the shortest room of any system. */
    static final int SOCKET_PATH_BYTES = 103;
    /** A scratch folder's name, {@code /run-xxxxxxxx/}. */
    private static final int SCRATCH_NAME_BYTES = 14;
    /** Room left for the name of a socket file in a scratch folder ({@code echo.sock} and more). */
    private static final int SOCKET_NAME_BYTES = 16;

    private final Path origin;
    private final Path sources;
    private final Path workspace;
    private final Map<String, String> commands;
    private final Map<String, CompletableFuture<?>> sharedValues = new ConcurrentHashMap<>();
    /** Scratch folders made beside the workspace, its path being too long for a socket inside it. */
    private final Set<Path> besides = ConcurrentHashMap.newKeySet();
    /**
     * How the sources are compiled: every one together, or the packages of the exercises graded
     * ({@link #compileInBackground(Set)}, before any program is launched), or one program alone.
     */
    private volatile SourceCompiler compiler;

    private Submission(Path origin, Path sources, Path workspace, Map<String, String> commands) {
        this.origin = origin;
        this.sources = sources;
        this.workspace = workspace;
        this.compiler = new SourceCompiler(sources, workspace, Set.of());
        this.commands = Map.copyOf(commands);
    }

    /**
     * Copies the exercise sources found under {@code path} (see {@link SourceRoot}) into a fresh
     * workspace. {@code commands} maps a main class to a command template that replaces it. With
     * commands, a folder without Java sources is graded as it is: its programs are the commands,
     * run in that folder, and a program with neither a source nor a command fails its own checks.
     * Without commands, such a folder is refused: there is nothing to grade. A folder with no
     * {@code ipc/} tree but loose sources (single files uploaded, each with its package declaration)
     * is graded as if each file were where its package puts it.
     */
    public static Submission open(Path path, Map<String, String> commands) {
        return open(path, commands, ShortTempFolder.systemTempFolder());
    }

    /** As {@link #open(Path, Map)}, with the workspace made in {@code temp}. */
    static Submission open(Path path, Map<String, String> commands, Path temp) {
        Optional<Path> tree = SourceRoot.locate(path);
        Map<String, Path> loose = tree.isPresent() ? Map.of() : SourceRoot.looseSources(path);
        if (tree.isEmpty() && loose.isEmpty() && commands.isEmpty()) {
            SourceRoot.find(path); // nothing to grade: fails, saying what was expected
        }
        Path origin = tree.orElseGet(() -> path.toAbsolutePath().normalize());
        try {
            Path workspace = Workspaces.create(temp);
            Path sources = workspace.resolve("src");
            Files.createDirectories(sources);
            if (tree.isPresent()) {
                copyExerciseSources(origin, sources);
            }
            for (Map.Entry<String, Path> file : loose.entrySet()) {
                Path copy = sources.resolve(file.getKey());
                Files.createDirectories(copy.getParent());
                Files.copy(file.getValue(), copy);
            }
            return new Submission(origin, sources, workspace, commands);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the submission's sources: " + e.getMessage(), e);
        }
    }

    private static void copyExerciseSources(Path origin, Path target) throws IOException {
        Path ipc = origin.resolve("ipc");
        try (Stream<Path> files = Files.walk(ipc)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                // Regular files only: a link could point at material the student must not reach.
                if (file.toString().endsWith(".java") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Path copy = target.resolve(origin.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
        }
    }

    /**
     * Starts compiling in the background, so the compiler works while the test framework is still
     * starting; the first check then finds its classes ready or nearly so. Every source is compiled
     * when {@code packages} is empty; for a grading of some exercises only, the sources of their
     * {@code packages} ({@code ipc.echo}, ...) together, with what they use, and no other. javac is a
     * large part of a short grading: {@code ./grade --reference --exercise echo} took 4.5 CPU-seconds
     * with all twenty sources compiled and 3.3 with the three of {@code ipc.echo}. A program outside
     * these packages is compiled on its own if asked for.
     */
    public Submission compileInBackground(Set<String> packages) {
        SourceCompiler scoped = new SourceCompiler(sources, workspace, packages);
        compiler = scoped;
        Thread background = new Thread(() -> {
            try {
                once("*", scoped::together);
            } catch (RuntimeException | Error e) {
                // reported by the first check that needs the classes
            }
        }, "sockgrader-compiler");
        background.setDaemon(true);
        background.start();
        return this;
    }

    /** Whether some program of this submission is run by a command template instead of Java classes. */
    public boolean runsCommands() {
        return !commands.isEmpty();
    }

    /** Where the sources were found, as the student named them. */
    public Path origin() {
        return origin;
    }

    /**
     * A folder for the programs of one test to run in, inside this submission's workspace, or beside it
     * where the workspace's path is long: a check may put a Unix domain socket in it, whose path has
     * room for {@value #SOCKET_PATH_BYTES} bytes on macOS (107 on Linux and Windows). A batch grades
     * each submission in a grader JVM with a temp folder of its own, and macOS's temp folder takes
     * about 49 bytes, so a socket in a scratch folder inside the workspace would need about 115.
     */
    public Path newScratchFolder() {
        try {
            if (bytes(workspace) + SCRATCH_NAME_BYTES + SOCKET_NAME_BYTES <= SOCKET_PATH_BYTES) {
                return ShortTempFolder.create(workspace, "run-");
            }
            Path beside = Workspaces.createBeside(workspace, "run-");
            besides.add(beside);
            return beside;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bytes(Path path) {
        return path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Deletes a folder from {@link #newScratchFolder()} and all its programs left in it. */
    public void deleteScratchFolder(Path folder) {
        if (besides.remove(folder)) {
            Workspaces.close(folder);
            return;
        }
        if (!folder.startsWith(workspace)) {
            throw new IllegalArgumentException(folder + " is not a scratch folder of this submission");
        }
        FolderTree.delete(folder);
    }

    /**
     * How to launch {@code mainClass}: its command template, or its classes compiled on first use.
     * Fails with the compiler's messages, in the student's file names, when it does not compile.
     *
     * <p>The first request compiles every source at once (every source of the graded exercises'
     * packages, see {@link #compileInBackground(Set)}), the fast path when they compile. Only if that
     * fails is each main class compiled on its own, so that one broken file costs only the exercises
     * that use it.
     */
    public ProgramLaunch launch(String mainClass) {
        String template = commands.get(mainClass);
        if (template != null) {
            return new CommandTemplate(mainClass, template, origin);
        }
        String relative = mainClass.replace('.', '/') + ".java";
        if (!Files.isRegularFile(sources.resolve(relative))) {
            throw new AssertionError("Your submission has no " + relative + " (looked in " + origin + ")"
                    + (commands.isEmpty() ? "." : ", and no --command was given for " + mainClass + "."));
        }
        SourceCompiler sourceCompiler = compiler;
        Path together = sourceCompiler.compilesTogether(mainClass) ? once("*", sourceCompiler::together) : null;
        return new JavaLaunch(together != null ? together : once(mainClass, () -> sourceCompiler.alone(mainClass)), mainClass);
    }

    /**
     * The folder of compiled classes that holds {@code className}, a class the grader loads rather
     * than runs as a program (a library exercise). Fails like {@link #launch} when it is missing or
     * does not compile, and when a command template stands in for it: a library must be Java.
     */
    public Path classesOf(String className) {
        if (commands.containsKey(className)) {
            throw new AssertionError(className + " is loaded into a Java program by the grader, so it cannot be "
                    + "replaced by a command; write it in Java.");
        }
        return ((JavaLaunch) launch(className)).classes();
    }

    /**
     * Computes {@code value} once per key for this submission, however many tests ask at the same
     * time: for work that several checks share, such as one probe run.
     */
    public <T> T shared(String key, Supplier<T> value) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        CompletableFuture<T> result = (CompletableFuture<T>) sharedValues.putIfAbsent(key, mine);
        if (result == null) {
            try {
                mine.complete(value.get());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
            result = mine;
        }
        Deadline deadline = Deadline.in(Waits.COMPILE);
        try {
            return result.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                // A fresh error per test, so each test's report stands on its own.
                throw new AssertionError(failure.getMessage(), failure);
            }
            throw new IllegalStateException(key + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(key + " took longer than " + deadline.describe() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + key, e);
        }
    }

    /** Runs {@code compile} once per key, however many tests ask at the same time. */
    private Path once(String key, Supplier<Path> compile) {
        return shared("compiling " + (key.equals("*") ? "your submission" : key), compile);
    }

    /** Deletes the copied sources, the compiled classes and every scratch folder. */
    @Override
    public void close() {
        for (Path folder : List.copyOf(besides)) {
            deleteScratchFolder(folder);
        }
        Workspaces.close(workspace);
    }
}
