package ipc.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ipc.grader.feedback.Text;
import ipc.grader.score.CheckResult;
import ipc.grader.score.GradeReport;

/**
 * A {@link GradeReport} as a GitHub Classroom runner result, the JSON that Classroom's reporter
 * action reads (base64-encoded) from a step output:
 * {@code {"version":1,"status":"pass"|"fail","max_score":N,"tests":[{"name","status","score",...}]}}.
 *
 * <p>The reporter adds up {@code tests[].score} for the points it shows, and uses the top-level
 * {@code max_score} as the total, so each test carries exactly the points of its check, and a test
 * is {@code pass} exactly when it scored. Checks skipped on this platform are left out, as from the
 * total.
 */
public final class ClassroomResult {

    static final String FILE = "classroom-result.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Classroom shows the message in the job log: the reason and the first details are enough there. */
    private static final int MESSAGE_SHOWN = 2_000;

    private ClassroomResult() {
    }

    public static ObjectNode toJson(GradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        root.put("status", report.score() == report.maxScore() ? "pass" : "fail");
        root.put("max_score", report.maxScore());
        ArrayNode tests = root.putArray("tests");
        for (CheckResult check : report.checks()) {
            if (!check.counts()) {
                continue;
            }
            ObjectNode test = tests.addObject();
            test.put("name", check.exercise() + ": " + check.name());
            test.put("status", check.passed() ? "pass" : "fail");
            test.put("score", check.score());
            test.put("message", check.passed() ? "" : check.hidden() ? HiddenCheck.NOTE : Text.cut(check.message(), MESSAGE_SHOWN));
            test.put("test_code", check.suite() + "#" + check.method());
            test.put("filename", "exercises/" + check.exercise() + "/README.md");
            test.put("line_no", 0);
            test.put("duration", check.duration().toMillis());
        }
        return root;
    }

    static String render(GradeReport report) {
        try {
            return JSON.writeValueAsString(toJson(report)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
