package ipc.grader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GradebookTest {

    static StudentResult.Check check(String exercise, String id, int points, boolean passed, String hint) {
        return new StudentResult.Check(exercise + "Test#" + id, exercise, "check " + id, points, passed, hint);
    }

    static final StudentResult ALICE = new StudentResult("alice", Outcome.GRADED, "", List.of(
            check("echo", "a", 2, true, ""), check("echo", "b", 3, false, "flush"), check("pipe", "c", 4, true, "")));
    static final StudentResult BOB = new StudentResult("bob", Outcome.GRADED, "", List.of(
            check("echo", "a", 2, false, "read until the end"), check("echo", "b", 3, false, "flush"),
            check("pipe", "c", 4, false, "wait for the child")));
    static final StudentResult CAROL = new StudentResult("carol, \"the\" tester", Outcome.TIMED_OUT,
            "grading took longer than the limit of 300 s", List.of());

    @Test
    @DisplayName("one row per student in name order, a column per exercise in catalogue order, then total, max, outcome, reason")
    void rows() {
        String csv = Gradebook.csv(List.of(BOB, CAROL, ALICE));

        assertThat(csv.split("\r\n")).containsExactly(
                "student,pipe,echo,total,max,outcome,reason",
                "alice,4,2,6,9,graded,",
                "bob,0,0,0,9,graded,",
                "\"carol, \"\"the\"\" tester\",,,0,,timed out,grading took longer than the limit of 300 s");
    }

    @Test
    @DisplayName("a cell that a spreadsheet would run as a formula is written as text")
    void noFormulas() {
        assertThat(Gradebook.quoted("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Gradebook.quoted("-1")).isEqualTo("'-1");
        assertThat(Gradebook.quoted("plain")).isEqualTo("plain");
    }
}
