package ipc.grader.batch;

import ipc.grader.score.ExerciseCatalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gradebook: one CSV row per student, one column per exercise, then the total, the maximum,
 * how the grading ended and why (RFC 4180 quoting, so a spreadsheet opens it as it is). A student
 * whose grading did not end has empty exercise cells and a total of 0, never a partial number.
 */
final class Gradebook {

    private Gradebook() {
    }

    static String csv(List<StudentResult> students) {
        List<String> exercises = exercises(students);
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("student"));
        header.addAll(exercises);
        header.addAll(List.of("total", "max", "outcome", "reason"));
        row(csv, header);
        for (StudentResult student : sorted(students)) {
            List<String> cells = new ArrayList<>(List.of(student.student()));
            Map<String, int[]> scores = student.byExercise();
            boolean graded = student.outcome() == Outcome.GRADED;
            for (String exercise : exercises) {
                int[] score = scores.get(exercise);
                cells.add(graded && score != null ? String.valueOf(score[0]) : "");
            }
            cells.addAll(List.of(String.valueOf(graded ? student.score() : 0), graded ? String.valueOf(student.maxScore()) : "",
                    student.outcome().label(), student.reason()));
            row(csv, cells);
        }
        return csv.toString();
    }

    /** Every exercise any student was graded on, in catalogue order. */
    static List<String> exercises(List<StudentResult> students) {
        Set<String> seen = new LinkedHashSet<>();
        students.forEach(student -> student.checks().forEach(check -> seen.add(check.exercise())));
        return seen.stream().sorted(Comparator.comparingInt(ExerciseCatalog::order).thenComparing(id -> id)).toList();
    }

    static List<StudentResult> sorted(List<StudentResult> students) {
        return students.stream().sorted(Comparator.comparing(StudentResult::student)).toList();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** A cell as RFC 4180 writes it; a leading =, +, - or @ is escaped so no spreadsheet runs it as a formula. */
    static String quoted(String cell) {
        String safe = !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
