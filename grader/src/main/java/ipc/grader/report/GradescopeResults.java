package ipc.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A {@link GradeReport} as Gradescope's {@code results.json}: the canonical machine-readable
 * result, one test entry per graded check, tagged with its exercise id.
 */
public final class GradescopeResults {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradescopeResults() {
    }

    public static ObjectNode toJson(GradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", report.score());
        root.put("execution_time", Math.round(report.elapsed().toMillis() / 100.0) / 10.0);
        root.put("output", "Graded " + report.checks().stream().filter(CheckResult::counts).count() + " checks of " + report.byExercise().size()
                + " exercises: " + report.score() + " of " + report.maxScore() + " points, with every deadline at time scale "
                + report.timeScaleText() + (report.platformSwitches().isEmpty() ? "" : ", with the switches " + report.platformSwitches())
                + "." + IgnoredChanges.sentence(report));
        root.put("output_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", "hidden");
        // Gradescope has no top-level maximum (it adds up the tests' max_score): the total rides in extra_data.
        root.putObject("extra_data").put("max_score", report.maxScore()).put("submission", report.submission())
                .put("time_scale", report.timeScale())
                .put("platform_switches", report.platformSwitches())
                .set("ignored_changes", JSON.valueToTree(report.ignoredChanges()));
        ArrayNode tests = root.putArray("tests");
        int exerciseNumber = 0;
        for (Map.Entry<String, List<CheckResult>> exercise : report.byExercise().entrySet()) {
            exerciseNumber++;
            int checkNumber = 0;
            for (CheckResult check : exercise.getValue()) {
                if (!check.counts()) {
                    continue; // skipped on this platform: neither a test nor points in the total
                }
                checkNumber++;
                ObjectNode test = tests.addObject();
                test.put("name", exercise.getKey() + ": " + check.name());
                test.put("name_format", "text");
                test.put("number", exerciseNumber + "." + checkNumber);
                test.put("score", check.score());
                test.put("max_score", check.points());
                test.put("status", check.passed() ? "passed" : "failed");
                test.put("output", check.message());
                test.put("output_format", "text");
                test.put("visibility", check.visibility().gradescopeName());
                test.putArray("tags").add(exercise.getKey());
                ObjectNode extra = test.putObject("extra_data").put("check", check.id()).put("duration_ms", check.duration().toMillis());
                if (!check.hint().isEmpty()) {
                    extra.put("hint", check.hint()); // the class report ranks checks with it
                }
            }
        }
        return root;
    }

    /** Writes {@code results.json} into {@code directory}, creating it if needed. */
    public static Path write(GradeReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("results.json");
        WholeFile.write(file, JSON.writeValueAsBytes(toJson(report)));
        return file;
    }
}
