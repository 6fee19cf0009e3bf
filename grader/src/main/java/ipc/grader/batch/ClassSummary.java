package ipc.grader.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numbers of a class report, computed once from every student's result: how the gradings
 * ended, the distribution of totals and of each exercise, and every check ranked by how many
 * graded submissions failed it. Only gradings that ran to their end count in the distributions.
 */
record ClassSummary(int students, Map<Outcome, Integer> outcomes, Histogram totals, Map<String, Histogram> exercises,
                    List<CheckTally> ranking, double meanShare) {

    /** How one check fared across the class. */
    record CheckTally(String id, String exercise, String name, int points, int failed, int graded, String hint) {

        double failedShare() {
            return graded == 0 ? 0 : (double) failed / graded;
        }
    }

    static ClassSummary of(List<StudentResult> students) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<StudentResult> graded = new ArrayList<>();
        for (StudentResult student : students) {
            outcomes.merge(student.outcome(), 1, Integer::sum);
            if (student.outcome() == Outcome.GRADED) {
                graded.add(student);
            }
        }
        List<int[]> totals = new ArrayList<>();
        Map<String, List<int[]>> perExercise = new LinkedHashMap<>();
        Gradebook.exercises(graded).forEach(exercise -> perExercise.put(exercise, new ArrayList<>()));
        Map<String, CheckTally> tallies = new LinkedHashMap<>();
        double shares = 0;
        for (StudentResult student : graded) {
            student.byExercise().forEach((exercise, score) -> perExercise.get(exercise).add(score));
            int max = student.maxScore();
            totals.add(new int[] {student.score(), max});
            shares += max == 0 ? 1 : (double) student.score() / max;
            for (StudentResult.Check check : student.checks()) {
                tallies.merge(check.id(), new CheckTally(check.id(), check.exercise(), check.name(), check.points(),
                        check.passed() ? 0 : 1, 1, check.hint()), ClassSummary::add);
            }
        }
        Map<String, Histogram> exercises = new LinkedHashMap<>();
        perExercise.forEach((exercise, scores) -> exercises.put(exercise, Histogram.of(exercise, scores)));
        List<CheckTally> ranking = tallies.values().stream()
                .sorted(Comparator.comparingInt(CheckTally::failed).reversed()
                        .thenComparing(Comparator.comparingDouble(CheckTally::failedShare).reversed())
                        .thenComparing(CheckTally::id))
                .toList();
        return new ClassSummary(students.size(), outcomes, Histogram.of("totals", totals), exercises, ranking,
                graded.isEmpty() ? 0 : shares / graded.size());
    }

    int graded() {
        return outcomes.getOrDefault(Outcome.GRADED, 0);
    }

    private static CheckTally add(CheckTally a, CheckTally b) {
        return new CheckTally(a.id(), a.exercise(), a.name(), a.points(), a.failed() + b.failed(), a.graded() + b.graded(),
                a.hint().isEmpty() ? b.hint() : a.hint());
    }
}
