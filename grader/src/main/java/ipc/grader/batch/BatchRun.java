package ipc.grader.batch;

import ipc.grader.process.JavaLaunch;
import ipc.grader.process.Sandbox;
import ipc.grader.submission.SourceRoot;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades every submission folder of a class: each in a grader JVM of its own ({@link GradingJob}),
 * several at once, each with a time limit, then writes the gradebook and the class report.
 *
 * <pre>{@code
 * List<StudentResult> students = BatchRun.of(Path.of("submissions"), Path.of("graded"))
 *         .shard(Shard.parse("2/4"))
 *         .run(System.out);
 * }</pre>
 *
 * <p>Each student's reports go to {@code OUT/students/<folder>/} beside a {@code batch.json}; a rerun
 * keeps a submission graded to the end whose fingerprint (sources, grader, options) is unchanged.
 */
public final class BatchRun {

    /** Where each student's reports go, under the output folder. */
    public static final String STUDENTS = "students";

    private final Path submissions;
    private final Path out;
    private Shard shard = Shard.ALL;
    private int parallel = Math.max(1, Runtime.getRuntime().availableProcessors());
    private Duration limit = Duration.ofMinutes(5);
    private final List<String> gradeArguments = new ArrayList<>();
    private Path home;
    private boolean sandbox;

    private BatchRun(Path submissions, Path out) {
        this.submissions = submissions.toAbsolutePath().normalize();
        this.out = out.toAbsolutePath().normalize();
    }

    public static BatchRun of(Path submissions, Path out) {
        return new BatchRun(submissions, out);
    }

    public BatchRun shard(Shard part) {
        this.shard = part;
        return this;
    }

    /** How many submissions are graded at once (default: one per core). */
    public BatchRun parallel(int submissionsAtOnce) {
        this.parallel = Math.max(1, submissionsAtOnce);
        return this;
    }

    /** The most one submission's grading may take; past it its processes are killed. */
    public BatchRun timeLimit(Duration perSubmission) {
        this.limit = perSubmission;
        return this;
    }

    /** Options passed to each grading as {@code ./grade} takes them ({@code --exercise}, {@code --jobs}, ...). */
    /** The repository whose grader grades each submission; none: the grader this JVM runs. */
    public BatchRun home(Path repository) {
        this.home = repository;
        return this;
    }

    public BatchRun gradeArguments(List<String> arguments) {
        gradeArguments.addAll(arguments);
        return this;
    }

    /**
     * Grades each submission in a {@link Sandbox} of its own: its own loopback, a PID namespace that
     * ends with it, and neither the instructor-only folders nor the other students' reports in
     * sight. Only where {@link Sandbox#available()}.
     */
    public BatchRun sandboxed(boolean inSandbox) {
        this.sandbox = inSandbox;
        return this;
    }

    /** Grades this shard's submissions and writes the class outputs; returns every student of the shard. */
    public List<StudentResult> run(PrintStream console) throws IOException, InterruptedException {
        Progress shown = Progress.on(console);
        String grader = Fingerprint.ofGrader(graderCodeSource());
        List<String> names = shard.of(submissionFolders());
        // Each submission's sources are read and hashed once, for the rerun check and the new entry.
        Map<String, Sources> sources = new HashMap<>();
        List<String> toGrade = new ArrayList<>();
        for (String name : names) {
            sources.put(name, Sources.of(submissions.resolve(name), grader, gradeArguments));
            if (!upToDate(name, sources.get(name))) {
                toGrade.add(name);
            }
        }
        shown.begin(toGrade.size(), names.size() - toGrade.size());
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String name : toGrade) {
                running.add(pool.submit(() -> {
                    grade(name, sources.get(name), shown);
                    return null;
                }));
            }
            for (Future<?> job : running) {
                try {
                    job.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the batch itself failed on a submission: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        shown.end();
        List<StudentResult> students = ClassOutputs.read(out, names);
        ClassOutputs.write(out, students);
        return students;
    }

    private void grade(String name, Sources sources, Progress shown) throws IOException, InterruptedException {
        Path folder = studentFolder(name);
        long start = System.nanoTime();
        shown.started();
        GradingJob.Result result = sources.problem() != null ? new GradingJob.Result(Outcome.NO_SOURCES, sources.problem())
                : new GradingJob(submissions.resolve(name), folder, gradeArguments, limit, sandbox, home).run();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        new BatchEntry(name, result.outcome(), result.reason(), sources.fingerprint(), took.toMillis() / 1000.0).writeTo(folder);
        String detail = result.reason();
        if (result.outcome() == Outcome.GRADED) {
            detail = StudentResult.read(folder).map(student -> student.score() + " / " + student.maxScore()).orElse("");
        }
        shown.finished(name, result.outcome(), detail, took);
    }

    /** A submission graded to the end, whose sources, grader and options are what they were then. */
    private boolean upToDate(String name, Sources sources) {
        Optional<BatchEntry> entry = BatchEntry.readFrom(studentFolder(name));
        return entry.isPresent() && entry.get().outcome() == Outcome.GRADED && sources.problem() == null
                && entry.get().fingerprint().equals(sources.fingerprint());
    }

    /** A submission's fingerprint, or why its folder cannot be graded ("" and the problem). */
    private record Sources(String fingerprint, String problem) {

        static Sources of(Path submission, String grader, List<String> options) {
            try {
                return new Sources(Fingerprint.of(SourceRoot.find(submission), grader, options), null);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                return new Sources("", e.getMessage());
            }
        }
    }

    private Path studentFolder(String name) {
        return out.resolve(STUDENTS).resolve(name);
    }

    /** The submission folders, by name: every folder directly inside, but hidden ones. */
    private List<String> submissionFolders() throws IOException {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("not a folder of submissions: " + submissions);
        }
        try (Stream<Path> entries = Files.list(submissions)) {
            return entries.filter(Files::isDirectory).map(path -> path.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList();
        }
    }

    private static Path graderCodeSource() {
        try {
            return JavaLaunch.codeSourceOf(BatchRun.class);
        } catch (IllegalStateException e) {
            return Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        }
    }
}
