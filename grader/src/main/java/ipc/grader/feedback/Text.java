package ipc.grader.feedback;

/** Text from a submission (program output, compiler messages) made fit for a report. */
public final class Text {

    private Text() {
    }

    /**
     * At most {@code maxChars} characters: the head and the tail, with what was cut said in the
     * middle, and control characters other than newlines and tabs shown as escapes.
     */
    public static String cut(String text, int maxChars) {
        String clean = withoutControlCharacters(text);
        if (clean.length() <= maxChars) {
            return clean;
        }
        int head = maxChars * 2 / 3;
        int tail = maxChars - head;
        return clean.substring(0, head) + "\n[... " + (clean.length() - head - tail) + " characters cut ...]\n"
                + clean.substring(clean.length() - tail);
    }

    /**
     * Like {@link #cut}, but on one line, for a reason that must stay a single line: line breaks
     * become spaces, and what was cut is said in brackets.
     */
    public static String cutLine(String text, int maxChars) {
        return cut(text.replace('\n', ' ').replace('\t', ' '), maxChars).replace('\n', ' ');
    }

    /** Every line of {@code text} prefixed with {@code indent}. */
    public static String indent(String text, String indent) {
        return indent + text.strip().replace("\n", "\n" + indent);
    }

    static String withoutControlCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0)) {
                out.append(c);
            } else if (c != '\r') {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }
}
