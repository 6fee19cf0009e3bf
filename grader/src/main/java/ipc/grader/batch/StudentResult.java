package ipc.grader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One student's row of the class: how the grading ended and, when it ran, each check as its
 * {@code results.json} recorded it. Read back from the files a batch wrote, so that a merge of
 * shards and a single batch build the gradebook and the class report from the same data.
 */
public record StudentResult(String student, Outcome outcome, String reason, List<Check> checks) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One graded check of one student. */
    public record Check(String id, String exercise, String name, int points, boolean passed, String hint) {
    }

    /** Points scored and available, per exercise, in report order. */
    public Map<String, int[]> byExercise() {
        Map<String, int[]> exercises = new LinkedHashMap<>();
        for (Check check : checks) {
            int[] score = exercises.computeIfAbsent(check.exercise(), id -> new int[2]);
            score[0] += check.passed() ? check.points() : 0;
            score[1] += check.points();
        }
        return exercises;
    }

    /** The points available to this student: the sum over the checks that counted. */
    public int maxScore() {
        return checks.stream().mapToInt(Check::points).sum();
    }

    public int score() {
        return checks.stream().filter(Check::passed).mapToInt(Check::points).sum();
    }

    /** Reads the student folder a batch wrote; empty when it holds no finished entry. */
    static Optional<StudentResult> read(Path folder) throws IOException {
        Optional<BatchEntry> entry = BatchEntry.readFrom(folder);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        List<Check> checks = new ArrayList<>();
        Path results = folder.resolve("results.json");
        if (entry.get().outcome() == Outcome.GRADED && Files.isRegularFile(results)) {
            for (JsonNode test : JSON.readTree(results.toFile()).path("tests")) {
                String exercise = test.path("tags").path(0).asText();
                String name = test.path("name").asText();
                if (name.startsWith(exercise + ": ")) {
                    name = name.substring(exercise.length() + 2);
                }
                checks.add(new Check(test.path("extra_data").path("check").asText(), exercise, name,
                        test.path("max_score").asInt(), test.path("score").asInt() >= test.path("max_score").asInt(),
                        test.path("extra_data").path("hint").asText()));
            }
        }
        return Optional.of(new StudentResult(entry.get().student(), entry.get().outcome(), entry.get().reason(), checks));
    }
}
