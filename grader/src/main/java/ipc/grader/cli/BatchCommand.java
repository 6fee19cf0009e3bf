package ipc.grader.cli;

import ipc.grader.batch.BatchRun;
import ipc.grader.batch.ClassOutputs;
import ipc.grader.batch.StudentResult;
import ipc.grader.process.Sandbox;
import ipc.grader.settings.RunSettings;
import ipc.grader.time.TimeScale;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./grade batch} and {@code ./grade merge}: grade a whole class (or one shard of it) and
 * write the gradebook and class report; join the outputs of the shards of a CI matrix.
 */
final class BatchCommand {

    static final String BATCH = "batch";
    static final String MERGE = "merge";

    private BatchCommand() {
    }

    /** {@code home}: the instructor repository that ./grade gave, or null (see {@link BatchRun#home}). */
    static int run(String[] args, Path home, PrintStream out, PrintStream err) {
        boolean merge = args[0].equals(MERGE);
        BatchOptions options;
        try {
            options = BatchOptions.parse(args, merge);
        } catch (GradeOptions.UsageException e) {
            return e.report(BatchOptions.USAGE, out, err);
        }
        RunSettings.use(options.settings());
        try {
            if (merge) {
                int students = ClassOutputs.merge(options.inputs(), options.out());
                out.println("Merged " + students + " students from " + options.inputs().size() + " shards into " + options.out());
                return 0;
            }
            boolean sandbox = options.sandbox() && Sandbox.available();
            out.println(sandbox ? "Sandbox: each submission in its own network, PID and mount namespaces (see SECURITY.md)"
                    : "Sandbox: none" + (options.sandbox() ? " (" + Sandbox.availability() + ")" : " (--no-sandbox)")
                    + "; submissions share this machine's network and processes");
            BatchRun batch = BatchRun.of(options.inputs().get(0), options.out()).shard(options.shard())
                    .timeLimit(TimeScale.scaled(options.timeLimit())).gradeArguments(options.gradeArguments())
                    .sandboxed(sandbox).home(home);
            if (options.parallel() != null) {
                batch.parallel(options.parallel());
            }
            List<StudentResult> students = batch.run(out);
            out.println("Gradebook and class report (" + students.size() + " students): "
                    + options.out().resolve(ClassOutputs.GRADEBOOK) + ", " + options.out().resolve(ClassOutputs.HTML));
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("grade: the batch failed: " + e);
            e.printStackTrace(err);
            return 3;
        }
    }
}
