package ipc.grader.report;

import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Every report of one grading, side by side in one folder: {@code results.json} (Gradescope),
 * {@code classroom-result.json} (a GitHub Classroom runner result, before base64),
 * {@code report.md} (step summary and pull-request comment), {@code junit/} (Surefire's XML) and
 * {@code summary.txt} (the console summary). All are derived from the same {@link GradeReport},
 * so their totals agree.
 */
public final class ReportFiles {

    public static final String SUMMARY = "summary.txt";

    private ReportFiles() {
    }

    /** Writes them all into {@code folder}, creating it if needed; returns the folder. */
    public static Path write(GradeReport report, String consoleSummary, Path folder) throws IOException {
        Files.createDirectories(folder);
        GradescopeResults.write(report, folder);
        writeWhole(folder.resolve(ClassroomResult.FILE), ClassroomResult.render(report));
        writeWhole(folder.resolve(MarkdownReport.FILE), MarkdownReport.render(report));
        writeWhole(folder.resolve(SUMMARY), consoleSummary);
        JunitXml.write(report, folder.resolve(JunitXml.FOLDER));
        return folder;
    }

    /** Written whole or not at all: a workflow step that reads it never sees half a file. */
    private static void writeWhole(Path file, String text) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
