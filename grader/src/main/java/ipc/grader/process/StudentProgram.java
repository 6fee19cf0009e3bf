package ipc.grader.process;

import ipc.grader.feedback.ExitedEarly;
import ipc.grader.net.Closing;
import ipc.grader.net.PeerProgram;
import ipc.grader.time.Deadline;
import ipc.grader.time.Waits;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A student program under test, running as its own process: the grader's counterpart of a
 * Testcontainers container. Configure it, {@link #start()} it (which waits until it is ready),
 * talk to it, and {@link #close()} it, which ends its whole process tree; use it in
 * try-with-resources or hand it to a {@code Lab}, which closes it when the test ends.
 *
 * <pre>{@code
 * try (StudentProgram server = StudentProgram.of(launch, ProgramArguments.forServer(port))
 *         .waitingFor(Wait.forListeningPort(port))
 *         .start()) {
 *     ...
 * }
 * }</pre>
 */
public final class StudentProgram implements PeerProgram, AutoCloseable {

    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;

    private final ProgramLaunch launch;
    private final ProgramArguments arguments;
    private WaitStrategy waitStrategy = Wait.none();
    private Path workingDirectory;
    private String umask;
    private Process process;
    private CapturedOutput stdout;
    private CapturedOutput stderr;
    private volatile boolean closed;
    /** Whether {@link #awaitOutputEnd()} has waited already. */
    private volatile boolean outputEnded;

    private StudentProgram(ProgramLaunch launch, ProgramArguments arguments) {
        this.launch = launch;
        this.arguments = arguments;
    }

    public static StudentProgram of(ProgramLaunch launch, ProgramArguments arguments) {
        return new StudentProgram(launch, arguments);
    }

    /** How {@link #start()} decides that the program is ready; by default it does not wait. */
    public StudentProgram waitingFor(WaitStrategy strategy) {
        this.waitStrategy = strategy;
        return this;
    }

    /** The directory the program runs in; by default the grader's own. */
    public StudentProgram inDirectory(Path directory) {
        this.workingDirectory = directory;
        return this;
    }

    /**
     * The file-creation mask the program starts under ({@code "000"}, octal); by default the
     * grader's own. Windows has none: there the program starts as it is.
     */
    public StudentProgram underUmask(String mask) {
        if (!mask.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("a umask is 3 or 4 octal digits, not '" + mask + "'");
        }
        this.umask = mask;
        return this;
    }

    /**
     * Launches the program and waits until its wait strategy says it is ready. If it cannot be
     * launched, exits first, or is not ready in time, the program is closed and an
     * {@link AssertionError} says why, with the exit code and the program's output.
     */
    public StudentProgram start() {
        if (process != null) {
            throw new IllegalStateException(displayName() + " was already started");
        }
        Path directory = launch.directory().or(() -> Optional.ofNullable(workingDirectory)).orElse(null);
        try {
            ProcessBuilder builder = new ProcessBuilder(ProcessLimits.applyTo(launch.command(arguments), directory, umask));
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Map<String, String> environment = builder.environment();
            // Options the grader's user may have set for their own JVMs must not change the student's.
            List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH").forEach(environment::remove);
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("could not launch " + displayName() + ": " + e.getMessage(), e);
        }
        LiveProcesses.add(this);
        String tag = "sockgrader-" + launch.displayName().replaceAll("\\W+", "_") + "-" + process.pid();
        stdout = new CapturedOutput(process.getInputStream(), tag + "-out");
        stderr = new CapturedOutput(process.getErrorStream(), tag + "-err");
        try {
            waitStrategy.waitUntilReady(this);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
        return this;
    }

    @Override
    public String displayName() {
        return launch.displayName(arguments);
    }

    public ProgramArguments arguments() {
        return arguments;
    }

    public long pid() {
        return process.pid();
    }

    /** The program's process and every process it started, as they are now. */
    public List<Long> processTree() {
        List<Long> pids = new ArrayList<>();
        if (process != null) {
            pids.add(process.pid());
            process.descendants().forEach(child -> pids.add(child.pid()));
        }
        return pids;
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code, once the program has exited. */
    public OptionalInt exitCode() {
        return process != null && !process.isAlive() ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    /**
     * Waits for the program to exit and returns its exit code; fails, teaching why it matters, when
     * it is still running at the deadline.
     */
    public int awaitExit(Deadline deadline, String why) {
        try {
            if (process.waitFor(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue(); // what it printed is read to the end by stdout() and stderr()
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError(displayName() + " was still running " + deadline.describe() + " after " + why
                + ", but it should have exited.");
    }

    /**
     * Asks the program to stop, as {@code kill} or a service manager does (SIGTERM on Linux and
     * macOS, so its shutdown hooks run), and returns its exit code once it has exited.
     */
    public int terminate(Deadline deadline) {
        process.destroy();
        return awaitExit(deadline, "it was asked to stop (SIGTERM)");
    }

    /**
     * Watches the program for {@code during} and fails as soon as it exits: for a moment right
     * after an event it must survive, such as a client resetting its connection.
     */
    public void expectToKeepRunning(Deadline during, String after) {
        try {
            if (process.waitFor(during.remainingMillis(), TimeUnit.MILLISECONDS)) {
                throw ExitedEarly.failure(displayName(), "exited with code " + process.exitValue(),
                        after + ", but it should have kept running.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Standard input of the program. */
    public OutputStream stdin() {
        return process.getOutputStream();
    }

    /** Types {@code text} into the program's standard input, as a user at its terminal would. */
    public void type(String text) {
        try {
            OutputStream in = stdin();
            in.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            // Its stdin closed: the program ended (or closed it) before it read what was typed.
            throw exitedEarly("before it read its stdin");
        }
    }

    /** Ends the program's standard input, as Ctrl-D at its terminal would. */
    public void endInput() {
        Closing.quietly(stdin());
    }

    /** What the program printed so far on standard output (capped); all of it, once it has exited. */
    public String stdout() {
        return stdout == null ? "" : afterExitReadToTheEnd(stdout).text();
    }

    /** What the program printed so far on standard error (capped); all of it, once it has exited. */
    public String stderr() {
        return stderr == null ? "" : afterExitReadToTheEnd(stderr).text();
    }

    private CapturedOutput afterExitReadToTheEnd(CapturedOutput output) {
        if (!isAlive()) {
            awaitOutputEnd();
        }
        return output;
    }

    /**
     * Waits until the program prints a line on standard output that {@code matching} accepts (one
     * trailing {@code \r} removed) and returns it; fails at once when the program exits without it,
     * and at the deadline otherwise. {@code expected} says what was awaited, for the message.
     */
    public String awaitStdoutLine(Predicate<String> matching, String expected, Deadline deadline) {
        return new OutputLines(this, "stdout", this::stdout).await(matching, expected, deadline);
    }

    /** Like {@link #awaitStdoutLine}, on standard error. */
    public String awaitStderrLine(Predicate<String> matching, String expected, Deadline deadline) {
        return new OutputLines(this, "stderr", this::stderr).await(matching, expected, deadline);
    }

    /**
     * How the program ended, for a one-line reason: {@code exited with code 1 (stderr: "Exception
     * in thread ...")}. Its output is read to the end first, as {@link #stdout()} does.
     */
    @Override
    public String exitSummary() {
        return ProgramReport.exitSummary(exitCode(), stdout(), stderr());
    }

    /** A short report for a failure message: state, exit code, and the end of the output. */
    public String report(int maxChars) {
        if (process == null) {
            return displayName() + " was never started";
        }
        return ProgramReport.of(displayName(), !displayName().equals(launch.displayName()), arguments.inOrder(), exitCode(),
                closed, stdout(), stderr(), maxChars);
    }

    /** Ends the program and every process it started, and waits for its output to be drained. */
    @Override
    public void close() {
        if (closed || process == null) {
            closed = true;
            return;
        }
        closed = true;
        try {
            if (!ProcessTree.destroy(process, CLOSE_TIMEOUT_MILLIS)) {
                throw new IllegalStateException("could not end " + displayName() + " (pid " + process.pid() + ")");
            }
            Closing.quietly(process.getOutputStream());
            awaitOutputEnd();
            // Closed only now, once the readers have read them to the end (closing them earlier cut the
            // output's tail). Usually the readers have closed them already; but a process outside the
            // tree may still hold the pipes open, and then this frees the grader's end.
            Closing.quietly(process.getInputStream());
            Closing.quietly(process.getErrorStream());
        } finally {
            LiveProcesses.remove(this);
        }
    }

    /**
     * Once the program has exited, waits until its output has been read to the end of both pipes
     * (within {@link Waits#OUTPUT_END}): the reader threads may still be behind the exit, and a
     * check that judged the output then would judge it cut short. Waits once: a process the program
     * left behind may hold a pipe open, and later reads take what is there.
     */
    private void awaitOutputEnd() {
        if (outputEnded) {
            return;
        }
        Deadline deadline = Deadline.in(Waits.OUTPUT_END);
        if (stdout != null) {
            stdout.awaitEnd(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        }
        if (stderr != null) {
            stderr.awaitEnd(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        }
        outputEnded = true;
    }

    /** How many student programs this JVM is running right now; 0 between tests. */
    public static int running() {
        return LiveProcesses.count();
    }

    @Override
    public String toString() {
        return displayName() + (process == null ? "" : " (pid " + process.pid() + ")");
    }

}
