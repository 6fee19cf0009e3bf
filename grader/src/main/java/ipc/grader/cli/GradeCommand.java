package ipc.grader.cli;

import ipc.grader.export.StudentRepo;
import ipc.grader.feedback.Text;
import ipc.grader.feedback.WithheldLines;
import ipc.grader.home.RepositoryLayout;
import ipc.grader.process.JavaLaunch;
import ipc.grader.process.Sandbox;
import ipc.grader.report.ConsoleSummary;
import ipc.grader.report.ReportFiles;
import ipc.grader.run.GradingRun;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import ipc.grader.settings.RunSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./grade}: grades one submission's sources with every graded suite (or the chosen
 * exercises), prints each failure and the score summary, and writes {@code results.json} on request.
 *
 * <p>Exit status: 0 when the grading ran (whatever the score), 2 for a wrong command line, 3 when
 * the grader itself failed; a failed grading never prints a score.
 */
public final class GradeCommand {

    private static final int FAILURE_SHOWN = 3_000;

    private GradeCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path home = home();
        if (args.length > 0 && args[0].equals(ExportStudentCommand.NAME)) {
            return ExportStudentCommand.run(args, home, out, err);
        }
        if (args.length > 0 && args[0].equals(ExportGradescopeCommand.NAME)) {
            return ExportGradescopeCommand.run(args, JavaLaunch.codeSourceOf(GradeCommand.class), out, err);
        }
        if (args.length > 0 && (args[0].equals(BatchCommand.BATCH) || args[0].equals(BatchCommand.MERGE))) {
            return BatchCommand.run(args, givenHome(), out, err);
        }
        GradeOptions options;
        try {
            options = GradeOptions.parse(args, home);
        } catch (GradeOptions.UsageException e) {
            return e.report(GradeOptions.USAGE, out, err);
        }
        RunSettings.use(options.settings());
        if (options.sandbox() && !Sandbox.inside()) {
            if (Sandbox.available()) {
                return SandboxedGrade.run(args, options, home, err);
            }
            err.println("grade: no sandbox here (" + Sandbox.availability() + "); grading without one");
        }
        try {
            GradingRun run = GradingRun.of(options.submission());
            options.exercises().forEach(run::exercise);
            options.commands().forEach(run::command);
            if (options.jobs() != null) {
                run.parallelism(options.jobs());
            }
            // Only the exercise sources are graded; whatever else a student repository changed is named.
            GradeReport report = withoutHiddenLines(run.run().withIgnoredChanges(
                    StudentRepo.of(home).changesIn(options.submission())), home, options.submission());
            Sandbox.endEveryOtherProcess();
            if (!options.quiet()) {
                printFailures(report, out);
            }
            String summary = ConsoleSummary.render(report, options.quiet()
                    ? "Run without --quiet to see each failed check in full: what was sent, expected and received."
                    : "Each failed check is shown in full above: what was sent, expected and received.");
            out.print(summary);
            if (options.out() != null) {
                out.println("Reports (results.json, classroom-result.json, report.md, junit/): "
                        + ReportFiles.write(report, summary, options.out()));
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        } catch (Exception | Error e) {
            err.println("grade: the grader failed, no score was recorded: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }

    /** The instructor repository as ./grade gives it ({@code -Dsockgrader.home}), or null. */
    private static Path givenHome() {
        String given = System.getProperty("sockgrader.home");
        return given == null ? null : Path.of(given).toAbsolutePath().normalize();
    }

    /**
     * The instructor repository: given by ./grade, or else found from this jar, which lives in
     * {@code <repository>/grader/target/}.
     */
    static Path home() {
        Path given = givenHome();
        if (given != null) {
            return given;
        }
        try {
            Path jar = JavaLaunch.codeSourceOf(GradeCommand.class);
            Path target = jar.getParent();
            if (target != null && target.getFileName().toString().equals("target") && target.getParent() != null
                    && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        } catch (Exception e) {
            // fall back to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /**
     * Without a sandbox a submission can read the instructor's files and print them into its own
     * feedback: their lines are withheld, but for those the submission has itself (a compiler
     * message quotes the student's own code). A student's repository has none of them to withhold.
     * Only messages quote a program, so a report without any (all passed) is left as it is.
     */
    private static GradeReport withoutHiddenLines(GradeReport report, Path home, Path submission) {
        if (report.checks().stream().allMatch(check -> check.message().isEmpty())) {
            return report;
        }
        List<Path> readable = new ArrayList<>(RepositoryLayout.studentFolders(home));
        readable.add(0, submission);
        WithheldLines withheld = WithheldLines.of(RepositoryLayout.instructorFolders(home), readable);
        return report.withMessages(withheld::from);
    }

    private static void printFailures(GradeReport report, PrintStream out) {
        for (CheckResult check : report.checks()) {
            if (check.failed()) {
                out.println();
                out.println("FAILED  " + check.exercise() + ": " + check.name() + "  [" + check.points() + " pts]");
                out.println(Text.indent(Text.cut(check.message(), FAILURE_SHOWN), "  "));
            }
        }
    }
}
