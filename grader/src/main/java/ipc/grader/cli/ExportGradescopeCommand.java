package ipc.grader.cli;

import ipc.grader.export.GradescopePackage;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./grade export-gradescope FILE.zip [--time-scale X]}: writes the autograder package to
 * upload to a Gradescope programming assignment (see {@link GradescopePackage}).
 */
final class ExportGradescopeCommand {

    static final String NAME = "export-gradescope";
    private static final String USAGE = "grade: usage: ./grade export-gradescope FILE.zip [--time-scale X]   "
            + "(X stretches every deadline for Gradescope's slower machines; default 2)";
    /** Gradescope's graders are shared machines, slower than a laptop; the scale costs a correct submission nothing. */
    private static final double DEFAULT_TIME_SCALE = 2;

    private ExportGradescopeCommand() {
    }

    static int run(String[] args, Path graderJar, PrintStream out, PrintStream err) {
        Path zip = null;
        double timeScale = DEFAULT_TIME_SCALE;
        try {
            for (int i = 1; i < args.length; i++) {
                if (args[i].equals("--time-scale") && i + 1 < args.length) {
                    timeScale = Double.parseDouble(args[++i]);
                } else if (!args[i].startsWith("-") && zip == null) {
                    zip = Path.of(args[i]);
                } else {
                    err.println(USAGE);
                    return 2;
                }
            }
        } catch (NumberFormatException e) {
            err.println(USAGE);
            return 2;
        }
        if (zip == null || !zip.getFileName().toString().endsWith(".zip")) {
            err.println(USAGE);
            return 2;
        }
        Path target = zip;
        double scale = timeScale;
        return ExportRun.run(() -> {
            GradescopePackage.of(graderJar, scale).writeTo(target);
            out.println("Wrote the Gradescope autograder package to " + target.toAbsolutePath().normalize() + " ("
                    + String.join(", ", GradescopePackage.FILES) + "; time scale " + scale + ").");
            out.println("Upload it as the autograder of a programming assignment (Ubuntu base image). It holds the "
                    + "grader and every suite, hidden ones included, and no reference solution, mutant or meta-test.");
        }, err);
    }
}
