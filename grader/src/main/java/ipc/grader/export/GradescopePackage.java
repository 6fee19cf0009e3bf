package ipc.grader.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The autograder package for Gradescope: a zip of {@code setup.sh} (installs a headless JDK on
 * Gradescope's Ubuntu image), {@code run_autograder} (grades {@code /autograder/submission} and
 * writes {@code /autograder/results/results.json}, a score of 0 with the reason whenever the grading
 * could not run to its end) and the grader jar, which holds the course's suites, hidden ones
 * included. Nothing else of the instructor's: no reference solutions, mutants or meta-tests.
 */
public final class GradescopePackage {

    /** The files of the package, as Gradescope looks for them at the zip's root. */
    public static final List<String> FILES = List.of("setup.sh", "run_autograder", "sockgrader.jar");

    private static final String TIME_SCALE = "@TIME_SCALE@";

    private final Path graderJar;
    private final double timeScale;

    private GradescopePackage(Path graderJar, double timeScale) {
        this.graderJar = graderJar;
        this.timeScale = timeScale;
    }

    /**
     * A package of {@code graderJar} whose gradings stretch every deadline by {@code timeScale}:
     * Gradescope's machines are slower than a laptop, and a larger scale never costs a correct
     * submission a point.
     */
    public static GradescopePackage of(Path graderJar, double timeScale) {
        if (!Files.isRegularFile(graderJar)) {
            throw new IllegalArgumentException("no grader jar at " + graderJar + ": build it first (./grade --help does)");
        }
        if (!(timeScale >= 1)) {
            throw new IllegalArgumentException("the time scale must be 1 or more, not " + timeScale);
        }
        return new GradescopePackage(graderJar, timeScale);
    }

    /** Writes the zip, replacing any file there; its scripts are executable once unpacked. */
    public void writeTo(Path zip) throws IOException {
        Path target = zip.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        URI uri = URI.create("jar:" + target.toUri());
        try (FileSystem files = FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true"))) {
            writeScript(files.getPath("setup.sh"), resource("setup.sh"));
            writeScript(files.getPath("run_autograder"), resource("run_autograder")
                    .replace(TIME_SCALE, String.format(Locale.ROOT, "%s", timeScale)));
            Files.copy(graderJar, files.getPath("sockgrader.jar"));
        }
    }

    private static void writeScript(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String resource(String name) {
        try (InputStream in = GradescopePackage.class.getResourceAsStream("/gradescope/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the grader jar has no gradescope/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
