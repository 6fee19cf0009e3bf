package ipc.grader.run;

import ipc.grader.process.JavaLaunch;
import ipc.grader.settings.RunSettings;
import ipc.grader.submission.FolderTree;
import ipc.grader.submission.ShortTempFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A grader JVM of its own ({@code ipc.grader.cli.GradeCommand}), started by a grader that keeps it
 * at arm's length: one per submission of a batch, or the one inside {@code ./grade --sandbox}. It
 * runs on this JDK and class path, at this time scale, with a temp folder of its own that
 * {@link #close()} deletes with whatever the grading left in it.
 *
 * <pre>{@code
 * try (GraderJvm jvm = GraderJvm.create(home)) {
 *     Process grader = new ProcessBuilder(jvm.command(List.of(submission, "--out", out))).start();
 *     ...
 * }
 * }</pre>
 */
public final class GraderJvm implements AutoCloseable {

    private static final String MAIN_CLASS = "ipc.grader.cli.GradeCommand";

    private final Path home;
    private final Path tempFolder;

    private GraderJvm(Path home, Path tempFolder) {
        this.home = home;
        this.tempFolder = tempFolder;
    }

    /** A grader JVM whose home is {@code home} (the folder with {@code ./grade}; null when unknown). */
    public static GraderJvm create(Path home) throws IOException {
        return new GraderJvm(home, ShortTempFolder.create("sockgrader-jvm-"));
    }

    /** The JVM's own temp folder ({@code java.io.tmpdir}): a sandbox must show it. */
    public Path tempFolder() {
        return tempFolder;
    }

    /** The command that starts the JVM and grades with {@code gradeArguments}. */
    public List<String> command(List<String> gradeArguments) {
        // C1 only: a grading is short, and a JVM start per submission must stay cheap.
        List<String> command = new ArrayList<>(List.of(JavaLaunch.javaExecutable().toString(), "-XX:TieredStopAtLevel=1"));
        command.addAll(RunSettings.current().jvmOptions());
        if (home != null) {
            command.add("-Dsockgrader.home=" + home);
        }
        command.addAll(List.of("-Djava.io.tmpdir=" + tempFolder, "-cp", System.getProperty("java.class.path"), MAIN_CLASS));
        command.addAll(gradeArguments);
        return command;
    }

    /** Deletes the temp folder and what is left in it; what cannot be deleted stays. */
    @Override
    public void close() {
        FolderTree.delete(tempFolder);
    }
}
