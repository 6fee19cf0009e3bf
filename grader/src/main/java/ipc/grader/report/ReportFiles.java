package ipc.grader.report;

import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        WholeFile.write(folder.resolve(ClassroomResult.FILE), ClassroomResult.render(report));
        WholeFile.write(folder.resolve(MarkdownReport.FILE), MarkdownReport.render(report));
        WholeFile.write(folder.resolve(SUMMARY), consoleSummary);
        JunitXml.write(report, folder.resolve(JunitXml.FOLDER));
        return folder;
    }
}
