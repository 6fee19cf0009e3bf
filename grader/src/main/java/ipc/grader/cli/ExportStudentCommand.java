package ipc.grader.cli;

import ipc.grader.export.StudentRepo;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code ./grade export-student DIR}: writes the student repository (see {@link StudentRepo}) into
 * an empty or missing folder, ready to be pushed as the assignment's template repository.
 */
final class ExportStudentCommand {

    static final String NAME = "export-student";

    private ExportStudentCommand() {
    }

    static int run(String[] args, Path home, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].startsWith("-")) {
            err.println("grade: usage: ./grade export-student DIR   (DIR must be missing or empty)");
            return 2;
        }
        Path folder = Path.of(args[1]).toAbsolutePath().normalize();
        return ExportRun.run(() -> {
            int files = StudentRepo.of(home).writeTo(folder);
            out.println("Wrote the student repository (" + files + " files) to " + folder + ".");
            out.println("No reference solutions, mutants, meta-tests or hidden suites are in it. Next: cd there, "
                    + "git init, commit, push it as the assignment's template repository.");
        }, err);
    }
}
