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
        Path summary = Path.of(args[0]).resolve(ScoreSummaryListener.SUMMARY_FILE);
        if (Files.isRegularFile(summary)) {
            System.out.print(Files.readString(summary));
            System.out.println("Saved in " + summary.getParent() + " (results.json: the same, as JSON).");
        } else {
            System.out.println("sockgrader: no score summary in " + summary.getParent() + ": did the graded tests run?");
        }
    }
}
