package ipc.grader.cli;

import ipc.grader.home.RepositoryLayout;
import ipc.grader.score.ExerciseCatalog;
import ipc.grader.settings.RunSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of {@code ./grade}, parsed. */
record GradeOptions(Path submission, List<String> exercises, Map<String, String> commands, Path out,
                    boolean quiet, Integer jobs, boolean sandbox, RunSettings settings) {

    static final String USAGE = """
            Usage: ./grade PATH [options]       grade the Java sources of a submission
                   ./grade --reference [options] grade the reference solutions
                   ./grade export-student DIR    write the student repository into DIR (instructors)
                   ./grade export-gradescope FILE.zip [--time-scale X]   the Gradescope autograder package
                   ./grade batch SUBMISSIONS_DIR --out DIR   grade a whole class (./grade batch --help)
                   ./grade merge --out DIR SHARD_OUT...      join the shards of a batch

            PATH is a student repository, the student-skeletons module, or any folder holding
            the ipc/... sources. Only the exercise sources are taken; tests, build files and workflows
            come from this grader, and the reports name whatever a student repository changed in them.

            Options:
              --exercise ID            grade only this exercise (repeatable), e.g. --exercise echo
              --command MAIN=TEMPLATE  run TEMPLATE instead of the Java class MAIN (repeatable), e.g.
                                       --command ipc.echo.EchoServer='python3 tcp_echo_server.py {port}'
                                       placeholders: {port} {host} {args}; other arguments are appended
              --out DIR                write the reports into DIR: results.json (Gradescope), classroom-result.json
                                       (GitHub Classroom), report.md, junit/*.xml, summary.txt
              --time-scale X           stretch every deadline by X on a slow machine (default 1)
              --jobs N                 checks run at once (default: twice the cores)
              --quiet                  print only the summary, not each failure in full
              --sandbox                grade inside Linux namespaces where they are allowed: loopback only,
                                       every student process ends with the grading, instructor files hidden
                                       (see SECURITY.md); without them, say why and grade as usual
              --help                   show this text
            """;

    /** Options followed by a value, which is never a submission path. */
    static final java.util.Set<String> TAKES_VALUE = java.util.Set.of("--exercise", "--command", "--out", "--time-scale", "--jobs");

    static GradeOptions parse(String[] args, Path home) {
        Path submission = null;
        List<String> exercises = new ArrayList<>();
        Map<String, String> commands = new LinkedHashMap<>();
        Path out = null;
        boolean quiet = false;
        Integer jobs = null;
        boolean sandbox = false;
        // The JVM's -D options are part of the command line: java -Dsockgrader.platform=portable -jar ...
        RunSettings settings = RunSettings.fromSystemProperties();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--reference" -> submission = set(submission, home.resolve(RepositoryLayout.REFERENCE), arg);
                case "--exercise" -> {
                    String id = value(args, ++i, arg);
                    if (!ExerciseCatalog.contains(id)) {
                        throw new UsageException("unknown exercise '" + id + "'; the catalogue has " + ExerciseCatalog.ids());
                    }
                    exercises.add(id);
                }
                case "--command" -> {
                    String spec = value(args, ++i, arg);
                    int equals = spec.indexOf('=');
                    if (equals <= 0 || equals == spec.length() - 1) {
                        throw new UsageException("--command takes MAIN=TEMPLATE, e.g. ipc.echo.EchoServer='python3 echo.py {port}'");
                    }
                    commands.put(spec.substring(0, equals).trim(), spec.substring(equals + 1));
                }
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--time-scale" -> settings = settings.withTimeScale(Double.parseDouble(number(value(args, ++i, arg), arg)));
                case "--jobs" -> jobs = wholeNumber(value(args, ++i, arg), arg);
                case "--quiet" -> quiet = true;
                case "--sandbox" -> sandbox = true;
                case "--help", "-h" -> throw new UsageException(null);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    submission = set(submission, Path.of(arg), arg);
                }
            }
        }
        if (submission == null) {
            throw new UsageException("name a submission folder, or --reference");
        }
        return new GradeOptions(submission, exercises, commands, out, quiet, jobs, sandbox, settings);
    }

    private static Path set(Path current, Path value, String arg) {
        if (current != null) {
            throw new UsageException("one submission at a time: " + current + " and " + arg);
        }
        return value;
    }

    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    static String number(String value, String option) {
        try {
            double number = Double.parseDouble(value);
            if (!(number > 0) || Double.isInfinite(number)) { // also refuses NaN
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a positive number, not '" + value + "'");
        }
    }

    static int wholeNumber(String value, String option) {
        try {
            int number = Integer.parseInt(value);
            if (number <= 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a positive whole number, not '" + value + "'");
        }
    }

    /** A command line that cannot be run; the message says why (null: just show the usage). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }

        /** Prints the problem and {@code usage} (--help: the usage alone, on stdout); returns the exit status. */
        int report(String usage, PrintStream out, PrintStream err) {
            if (getMessage() == null) {
                out.print(usage);
                return 0;
            }
            err.println("grade: " + getMessage());
            err.print(usage);
            return 2;
        }
    }
}
