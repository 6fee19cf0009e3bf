package ipc.grader.cli;

import static ipc.grader.cli.GradeOptions.number;
import static ipc.grader.cli.GradeOptions.value;
import static ipc.grader.cli.GradeOptions.wholeNumber;

import ipc.grader.batch.Shard;
import ipc.grader.score.ExerciseCatalog;
import ipc.grader.settings.RunSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The command line of {@code ./grade batch} and {@code ./grade merge}, parsed. */
record BatchOptions(List<Path> inputs, Path out, Shard shard, Integer parallel, Duration timeLimit,
                    List<String> gradeArguments, boolean sandbox, RunSettings settings) {

    static final String USAGE = """
            Usage: ./grade batch SUBMISSIONS_DIR --out DIR [options]   grade every submission folder in SUBMISSIONS_DIR
                   ./grade merge --out DIR SHARD_OUT...               join the outputs of several shards

            DIR gets students/<folder>/ (each student's results.json, report.md, ...), gradebook.csv and
            class-report.html / class-report.md. A rerun keeps submissions whose sources have not changed.

            Options of batch:
              --shard I/N              grade only part I of N (a CI matrix job); ./grade merge joins the parts
              --parallel N             submissions graded at once (default: one per core)
              --time-limit SECONDS     the most one submission may take before it is stopped (default 300)
              --exercise ID            grade only this exercise (repeatable)
              --command MAIN=TEMPLATE  as for ./grade (repeatable)
              --jobs N                 checks run at once within one submission (default: twice the cores)
              --time-scale X           stretch every deadline, and the time limit, by X
              --no-sandbox             grade without a sandbox even where Linux namespaces allow one
                                       (by default each submission gets its own: see SECURITY.md)
            """;

    static BatchOptions parse(String[] args, boolean merge) {
        List<Path> inputs = new ArrayList<>();
        Path out = null;
        Shard shard = Shard.ALL;
        Integer parallel = null;
        Duration limit = Duration.ofSeconds(300);
        List<String> gradeArguments = new ArrayList<>();
        boolean sandbox = true;
        RunSettings settings = RunSettings.fromSystemProperties();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--shard" -> shard = parseShard(value(args, ++i, arg));
                case "--parallel" -> parallel = wholeNumber(value(args, ++i, arg), arg);
                case "--time-limit" -> limit = Duration.ofSeconds(wholeNumber(value(args, ++i, arg), arg));
                case "--jobs" -> gradeArguments.addAll(List.of(arg, String.valueOf(wholeNumber(value(args, ++i, arg), arg))));
                case "--exercise" -> {
                    String id = value(args, ++i, arg);
                    if (!ExerciseCatalog.contains(id)) {
                        throw new GradeOptions.UsageException("unknown exercise '" + id + "'; the catalogue has " + ExerciseCatalog.ids());
                    }
                    gradeArguments.addAll(List.of(arg, id));
                }
                case "--command" -> gradeArguments.addAll(List.of(arg, value(args, ++i, arg)));
                case "--no-sandbox" -> sandbox = false;
                // Each grading JVM is started with the same scale (see GradingJob).
                case "--time-scale" -> settings = settings.withTimeScale(Double.parseDouble(number(value(args, ++i, arg), arg)));
                case "--help", "-h" -> throw new GradeOptions.UsageException(null);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new GradeOptions.UsageException("unknown option " + arg);
                    }
                    inputs.add(Path.of(arg));
                }
            }
        }
        if (out == null) {
            throw new GradeOptions.UsageException("--out DIR is needed: where the gradebook and reports go");
        }
        if (merge ? inputs.isEmpty() : inputs.size() != 1) {
            throw new GradeOptions.UsageException(merge ? "name the shards' output folders to merge"
                    : "name one folder of submissions");
        }
        if (merge && (shard != Shard.ALL || !gradeArguments.isEmpty() || parallel != null)) {
            throw new GradeOptions.UsageException("merge takes only --out and the shards' output folders");
        }
        return new BatchOptions(List.copyOf(inputs), out, shard, parallel, limit, List.copyOf(gradeArguments), sandbox,
                settings);
    }

    private static Shard parseShard(String text) {
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new GradeOptions.UsageException(e.getMessage());
        }
    }
}
