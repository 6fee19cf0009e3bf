package ipc.grader.report;

/** What a student-facing report says instead of a hidden check's details. */
final class HiddenCheck {

    static final String NOTE = "A hidden check: what it sent and received is shown with your grade, not before.";

    private HiddenCheck() {
    }
}
