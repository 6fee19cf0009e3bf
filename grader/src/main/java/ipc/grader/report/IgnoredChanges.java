package ipc.grader.report;

import ipc.grader.score.GradeReport;
import java.util.List;

/** The one sentence every report gives about files a submission changed outside its exercise sources. */
final class IgnoredChanges {

    /** Enough names to see what happened; the rest are counted. */
    private static final int NAMED = 10;

    private IgnoredChanges() {
    }

    /** " The submission also changed ...", or "" when it changed nothing but its sources. */
    static String sentence(GradeReport report) {
        List<String> changes = report.ignoredChanges();
        if (changes.isEmpty()) {
            return "";
        }
        String named = String.join(", ", changes.subList(0, Math.min(NAMED, changes.size())));
        String more = changes.size() > NAMED ? " and " + (changes.size() - NAMED) + " more" : "";
        return " The submission also changed " + changes.size() + (changes.size() == 1 ? " file" : " files")
                + " outside its exercise sources, which grading ignored (the grader used its own copies): "
                + named + more + ".";
    }
}
