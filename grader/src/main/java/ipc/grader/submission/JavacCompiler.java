package ipc.grader.submission;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles submission sources in the grader's JVM (no javac process to start), with the submission
 * as the source path: given one main class, javac compiles it and exactly what it uses, so a broken
 * file elsewhere does not stop it.
 */
final class JavacCompiler {

    /**
     * No annotation processing (nothing of the student's runs at compile time), no class path
     * beyond the JDK, and Java 17 as the catalogue fixes.
     */
    private static final List<String> OPTIONS = List.of(
            "--release", "17", "-proc:none", "-implicit:class", "-encoding", "UTF-8", "-nowarn", "-Xmaxerrs", "20");

    private JavacCompiler() {
    }

    /** Compiles {@code units} into {@code classes}; returns javac's messages, or null on success. */
    static String compile(Path sourceRoot, List<Path> units, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("this Java runtime has no compiler: run the grader with a JDK 17, not a JRE");
        }
        Files.createDirectories(classes);
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of(sourceRoot));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, List.of());
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            Iterable<? extends JavaFileObject> objects = files.getJavaFileObjectsFromPaths(units);
            boolean ok = javac.getTask(messages, files, null, OPTIONS, null, objects).call();
            if (ok) {
                return null;
            }
        }
        // Paths relative to the submission: the student knows ipc/echo/EchoServer.java, not our scratch folder.
        return messages.toString().replace(sourceRoot.toString() + sourceRoot.getFileSystem().getSeparator(), "");
    }
}
