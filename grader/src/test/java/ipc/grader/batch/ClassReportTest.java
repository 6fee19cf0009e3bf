package ipc.grader.batch;

import static ipc.grader.batch.GradebookTest.ALICE;
import static ipc.grader.batch.GradebookTest.BOB;
import static ipc.grader.batch.GradebookTest.CAROL;
import static ipc.grader.batch.GradebookTest.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ClassReportTest {

    private static final ClassSummary SUMMARY = ClassSummary.of(List.of(ALICE, BOB, CAROL));

    @Test
    @DisplayName("checks are ranked by how many graded submissions failed them, each with its hint")
    void ranking() {
        assertThat(SUMMARY.ranking()).extracting(ClassSummary.CheckTally::id, ClassSummary.CheckTally::failed,
                        ClassSummary.CheckTally::graded, ClassSummary.CheckTally::hint)
                .containsExactly(
                        tuple("echoTest#b", 2, 2, "flush"),
                        tuple("echoTest#a", 1, 2, "read until the end"),
                        tuple("pipeTest#c", 1, 2, "wait for the child"));
        assertThat(SUMMARY.graded()).isEqualTo(2);
        assertThat(SUMMARY.students()).isEqualTo(3);
    }

    @Test
    @DisplayName("totals are binned by share of the maximum; a grading that did not end is counted apart, not as 0")
    void histograms() {
        assertThat(SUMMARY.totals().counts()).containsExactly(1, 0, 0, 0, 0, 0, 1, 0, 0, 0);
        assertThat(SUMMARY.exercises()).containsOnlyKeys("pipe", "echo");
        assertThat(SUMMARY.exercises().get("echo").counts()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 0, 0);
        assertThat(Histogram.of("full", List.of(new int[] {5, 5}, new int[] {0, 0})).counts()[9]).isEqualTo(2);
    }

    @Test
    @DisplayName("the page is self-contained: inline SVG histograms and the ranked table, no script, nothing fetched")
    void html() {
        String html = ClassReport.html(SUMMARY);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg class=\"histogram\"", "<table id=\"ranking\">",
                "3 submissions, 2 graded to the end, 1 timed out");
        assertThat(html).doesNotContain("<script", "http://", "https://", "src=", "@import");
        assertThat(html.indexOf("flush")).isLessThan(html.indexOf("read until the end"));
    }

    @Test
    @DisplayName("what a student wrote cannot become markup on the page or a column in the Markdown")
    void escapes() {
        StudentResult mallory = new StudentResult("mallory", Outcome.GRADED, "",
                List.of(check("echo", "x", 1, false, "<script>alert(1)</script> | done")));
        ClassSummary summary = ClassSummary.of(List.of(mallory));

        assertThat(ClassReport.html(summary)).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(ClassReport.markdown(summary)).contains("\\| done");
    }

    @Test
    @DisplayName("the Markdown report has the same numbers: the totals table, a row per exercise, the ranking")
    void markdown() {
        String md = ClassReport.markdown(SUMMARY);

        assertThat(md).contains("| 0-9% | 1 |", "| 60-69% | 1 |", "| echo | 1 | 0 | 0 | 0 | 1 |",
                "| 1 | echo | check b | 3 | 2 of 2 (100%) | flush |");
    }
}
