package ipc.grader.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the saved score summary of the last graded run. Maven calls it after surefire, whose own
 * failure report would otherwise bury the score: {@code mvn test} ends with the summary.
 */
public final class PrintSummary {

    private PrintSummary() {
    }

    /** {@code args[0]}: the folder {@link ScoreSummaryListener} wrote to. */
    public static void main(String[] args) throws IOException {
        Path summary = Path.of(args[0]).resolve(ReportFiles.SUMMARY);
        if (Files.isRegularFile(summary)) {
            System.out.print(Files.readString(summary));
            System.out.println("Saved in " + summary.getParent() + " (beside it: results.json, classroom-result.json, report.md and junit/).");
        } else {
            System.out.println("sockgrader: no score summary in " + summary.getParent() + ": did the graded tests run?");
        }
    }
}
