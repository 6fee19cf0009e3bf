package ipc.grader.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    @DisplayName("text within the limit is kept whole, newlines and tabs included")
    void keepsShortText() {
        assertThat(Text.cut("line one\n\tline two", 100)).isEqualTo("line one\n\tline two");
    }

    @Test
    @DisplayName("text at exactly the limit is not cut")
    void keepsTextAtTheLimit() {
        String text = "y".repeat(50);

        assertThat(Text.cut(text, 50)).isEqualTo(text);
    }

    @Test
    @DisplayName("long text keeps two thirds from the head, the rest from the tail, and says how much was cut")
    void cutsLongTextInTheMiddle() {
        String text = "A".repeat(100) + "B".repeat(1000) + "C".repeat(50);

        String cut = Text.cut(text, 90);

        assertThat(cut).isEqualTo("A".repeat(60) + "\n[... 1060 characters cut ...]\n" + "C".repeat(30));
        assertThat(cut).doesNotContain("B");
    }

    @Test
    @DisplayName("control characters, DEL and C1 controls are shown as \\u escapes")
    void escapesControlCharacters() {
        assertThat(Text.cut("a\u0000b\u001bc\u007fd\u0085e", 100))
                .isEqualTo("a\\u0000b\\u001bc\\u007fd\\u0085e");
    }

    @Test
    @DisplayName("carriage returns are dropped")
    void dropsCarriageReturns() {
        assertThat(Text.cut("line1\r\nline2\r\n", 100)).isEqualTo("line1\nline2\n");
    }

    @Test
    @DisplayName("printable characters beyond ASCII are kept")
    void keepsPrintableUnicode() {
        assertThat(Text.cut("héllo ✓ wörld", 100)).isEqualTo("héllo ✓ wörld");
    }

    @Test
    @DisplayName("escapes count towards the limit, so a flood of control characters is cut too")
    void countsEscapesTowardsTheLimit() {
        String cut = Text.cut("\u0001".repeat(100), 60);

        assertThat(cut).isEqualTo("\\u0001".repeat(6) + "\\u00" + "\n[... 540 characters cut ...]\n"
                + "01" + "\\u0001".repeat(3));
    }

    @Test
    @DisplayName("indent prefixes every line and trims the text around it")
    void indentsEveryLine() {
        assertThat(Text.indent("\none\ntwo\n\n", "  ")).isEqualTo("  one\n  two");
    }

    @Test
    @DisplayName("indent of a single line only prefixes it")
    void indentsASingleLine() {
        assertThat(Text.indent("only", "> ")).isEqualTo("> only");
    }

    @Test
    @DisplayName("a line cut for a one-line reason stays one line, head and tail kept")
    void cutLineStaysOneLine() {
        String line = "TODO: SharedCounter is not written yet (/tmp/" + "x".repeat(200) + "/counter.bin, 1000 increments)";
        String cut = Text.cutLine(line, 120);
        assertThat(cut).doesNotContain("\n").startsWith("TODO: SharedCounter").endsWith("1000 increments)")
                .contains("characters cut");
        assertThat(Text.cutLine("short\tline", 120)).isEqualTo("short line");
    }
}
