package ipc.grader.cli;

import ipc.grader.home.RepositoryLayout;
import ipc.grader.process.ProcessTree;
import ipc.grader.process.Sandbox;
import ipc.grader.run.GraderJvm;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./grade --sandbox}: the same command, run by a second grader JVM inside a {@link Sandbox},
 * with this one passing on its output and exit status. The JVM start it costs (under a second) is
 * small beside a grading.
 */
final class SandboxedGrade {

    private SandboxedGrade() {
    }

    static int run(String[] args, GradeOptions options, Path home, PrintStream err) {
        Path submission = options.submission().toAbsolutePath().normalize();
        Path out = options.out() == null ? null : options.out().toAbsolutePath().normalize();
        try (GraderJvm jvm = GraderJvm.create(home)) {
            if (out != null) {
                Files.createDirectories(out);
            }
            List<String> command = jvm.command(insideArguments(args, options, submission, out));
            try (Sandbox sandbox = Sandbox.around(command).within(home).hiding(RepositoryLayout.instructorFolders(home))) {
                List<Path> shown = new ArrayList<>(List.of(submission, jvm.tempFolder()));
                if (out != null) {
                    shown.add(out);
                }
                Process grader = sandbox.showing(shown).builder().inheritIO().start();
                // Stopped from outside (Ctrl-C, a CI cancel): the sandbox and everything in it go too.
                Thread stop = new Thread(() -> ProcessTree.destroy(grader, 10_000), "sockgrader-sandbox-stop");
                Runtime.getRuntime().addShutdownHook(stop);
                try {
                    return grader.waitFor();
                } finally {
                    if (grader.isAlive()) {
                        ProcessTree.destroy(grader, 10_000);
                    }
                    removeHook(stop);
                }
            }
        } catch (IOException e) {
            err.println("grade: could not start the sandbox: " + e.getMessage());
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }
    }

    /** The arguments again, without --sandbox and with absolute paths: the sandboxed grader starts in /. */
    private static List<String> insideArguments(String[] args, GradeOptions options, Path submission, Path out) {
        List<String> inside = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--sandbox")) {
                continue;
            }
            if (arg.equals("--out") && i + 1 < args.length) {
                inside.addAll(List.of(arg, out.toString()));
                i++;
            } else if (GradeOptions.TAKES_VALUE.contains(arg) && i + 1 < args.length) {
                inside.addAll(List.of(arg, args[++i]));
            } else if (!arg.startsWith("-") && options.submission().equals(Path.of(arg))) {
                inside.add(submission.toString());
            } else {
                inside.add(arg);
            }
        }
        return inside;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
