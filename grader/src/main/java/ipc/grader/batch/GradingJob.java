package ipc.grader.batch;

import ipc.grader.home.RepositoryLayout;
import ipc.grader.process.ProcessTree;
import ipc.grader.process.Sandbox;
import ipc.grader.run.GraderJvm;
import ipc.grader.time.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grades one submission of a batch in a grader JVM of its own ({@code GradeCommand ... --out}), so
 * a submission that hangs, floods or crashes its grading costs only its own row: past the time
 * limit the whole process tree is killed. A JVM start per submission, never a Maven start.
 */
final class GradingJob {

    /** What the grader JVM printed, kept beside the reports for the instructor. */
    static final String LOG = "grade.log";

    private final Path submission;
    private final Path out;
    private final List<String> gradeArguments;
    private final Duration limit;
    private final boolean sandbox;
    private final Path home;

    /** {@code home}, the repository whose grader the child JVM runs, may be null (see {@link GraderJvm#create}). */
    GradingJob(Path submission, Path out, List<String> gradeArguments, Duration limit, boolean sandbox, Path home) {
        this.submission = submission;
        this.out = out;
        this.gradeArguments = List.copyOf(gradeArguments);
        this.limit = limit;
        this.sandbox = sandbox;
        this.home = home;
    }

    /** Runs the grading to its end or to the limit; the outcome says which, and why. */
    Result run() throws IOException, InterruptedException {
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("results.json"));
        try (GraderJvm jvm = GraderJvm.create(home)) {
            List<String> arguments = new ArrayList<>(List.of(submission.toString(), "--quiet", "--out", out.toString()));
            arguments.addAll(gradeArguments);
            List<String> command = jvm.command(arguments);
            try (Sandbox box = sandbox ? Sandbox.around(command) : null) {
                ProcessBuilder builder = new ProcessBuilder(command);
                if (box != null) {
                    // Only this submission, its own report folder and a temp folder of its own are in sight:
                    // not the instructor's folders, and not the other students' reports.
                    if (home != null) {
                        box.within(home).hiding(RepositoryLayout.instructorFolders(home));
                    }
                    // The batch's output and the class's submissions, should the home hold them.
                    box.hiding(List.of(out.getParent().getParent(), submission.toAbsolutePath().getParent()));
                    builder = box.showing(List.of(submission, out, jvm.tempFolder())).builder();
                }
                Process grader = builder.redirectErrorStream(true).redirectOutput(out.resolve(LOG).toFile()).start();
                return await(grader);
            }
        }
    }

    private Result await(Process grader) throws IOException, InterruptedException {
        try {
            if (!grader.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.destroy(grader, 10_000);
                return new Result(Outcome.TIMED_OUT, "grading took longer than the limit of " + limitText()
                        + ", and was stopped; see " + LOG);
            }
        } finally {
            if (grader.isAlive()) { // interrupted: leave nothing running
                ProcessTree.destroy(grader, 10_000);
            }
        }
        int status = grader.exitValue();
        boolean reported = Files.isRegularFile(out.resolve("results.json"));
        if (status == 0 && reported) {
            return new Result(Outcome.GRADED, "");
        }
        String why = graderMessage(out.resolve(LOG));
        if (status == 2) {
            return new Result(Outcome.NO_SOURCES, why);
        }
        return new Result(Outcome.BROKEN, "the grader ended with status " + status
                + (reported ? "" : " and no report") + (why.isEmpty() ? "" : ": " + why));
    }

    private String limitText() {
        return Durations.describe(limit);
    }

    record Result(Outcome outcome, String reason) {
    }

    /** The grader's own first complaint (a "grade: ..." line), or "". */
    private static String graderMessage(Path log) throws IOException {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log).stream().map(String::strip)
                .filter(line -> line.startsWith("grade:")).toList();
        String line = lines.isEmpty() ? "" : lines.get(0).substring("grade:".length()).strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
