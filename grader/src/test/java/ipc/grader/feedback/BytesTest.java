package ipc.grader.feedback;

import static ipc.grader.feedback.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BytesTest {

    @Test
    @DisplayName("short printable data is shown as itself inside quotes")
    void showsShortDataAsItIs() {
        assertThat(Bytes.show(utf8("ping-0"))).isEqualTo("\"ping-0\"");
    }

    @Test
    @DisplayName("carriage return, newline, tab, quote and backslash are shown as escapes")
    void escapesSpecialCharacters() {
        assertThat(Bytes.show(utf8("a\r\n\t\"\\"))).isEqualTo("\"a\\r\\n\\t\\\"\\\\\"");
    }

    @Test
    @DisplayName("control bytes, DEL and bytes from 0x80 up are shown as \\xNN")
    void showsNonPrintableBytesInHex() {
        byte[] data = {0x00, 0x1b, 0x7f, (byte) 0x80, (byte) 0xff};

        assertThat(Bytes.show(data)).isEqualTo("\"\\x00\\x1b\\x7f\\x80\\xff\"");
    }

    @Test
    @DisplayName("UTF-8 text outside ASCII is shown byte by byte in hex")
    void showsUtf8AsHexBytes() {
        assertThat(Bytes.show(utf8("é"))).isEqualTo("\"\\xc3\\xa9\"");
    }

    @Test
    @DisplayName("data longer than 8 bytes also says its length")
    void saysLengthOfMediumData() {
        assertThat(Bytes.show(utf8("hello world"))).isEqualTo("\"hello world\" (11 bytes)");
        assertThat(Bytes.show(utf8("12345678"))).isEqualTo("\"12345678\"");
    }

    @Test
    @DisplayName("96 bytes are still shown in full")
    void showsUpToTheLimitInFull() {
        String limit = "x".repeat(Bytes.SHOWN);

        assertThat(Bytes.show(utf8(limit))).isEqualTo("\"" + limit + "\" (96 bytes)");
    }

    @Test
    @DisplayName("long data keeps its first 64 and last 24 bytes and gives the total length")
    void cutsLongDataInTheMiddle() {
        String data = "<" + "h".repeat(63) + "~".repeat(900) + "t".repeat(23) + ">";

        String shown = Bytes.show(utf8(data));

        assertThat(shown).isEqualTo("\"<" + "h".repeat(63) + "\" ... \"" + "t".repeat(23) + ">\""
                + " (988 bytes in all, middle cut)");
        assertThat(shown).doesNotContain("~");
    }

    @Test
    @DisplayName("a range of the data can be shown on its own")
    void showsARange() {
        assertThat(Bytes.show(utf8("GET /index.html"), 4, 10)).isEqualTo("\"/index\"");
    }

    @Test
    @DisplayName("equal data has no difference")
    void equalDataHasNoDifference() {
        assertThat(Bytes.firstDifference(utf8("pong\n"), utf8("pong\n"))).isEmpty();
        assertThat(Bytes.firstDifference(new byte[0], new byte[0])).isEmpty();
    }

    @Test
    @DisplayName("shorter actual data says how many bytes are missing and which")
    void reportsMissingBytes() {
        assertThat(Bytes.firstDifference(utf8("hello\n"), utf8("hel")))
                .isEqualTo("the first 3 bytes are right, then 3 bytes are missing, starting with \"lo\\n\"");
    }

    @Test
    @DisplayName("the missing bytes shown are at most 16")
    void showsAtMost16MissingBytes() {
        assertThat(Bytes.firstDifference(utf8("ab" + "x".repeat(40)), utf8("ab")))
                .isEqualTo("the first 2 bytes are right, then 40 bytes are missing, starting with \""
                        + "x".repeat(16) + "\" (16 bytes)");
    }

    @Test
    @DisplayName("longer actual data says how many extra bytes came and which")
    void reportsExtraBytes() {
        assertThat(Bytes.firstDifference(utf8("hi\n"), utf8("hi\nextra")))
                .isEqualTo("all 3 expected bytes are right, then 5 extra bytes came: \"extra\"");
    }

    @Test
    @DisplayName("a mismatch in the middle gives its position, both bytes and the bytes around it")
    void reportsMismatchInTheMiddle() {
        assertThat(Bytes.firstDifference(utf8("ping-0123456789\n"), utf8("ping-0123X56789\n")))
                .isEqualTo("first difference at byte 9: expected \"4\", got \"X\"; "
                        + "around it expected \"ing-0123456789\\n\", got \"ing-0123X56789\\n\"");
    }

    @Test
    @DisplayName("a mismatch in the first byte shows context from the start")
    void reportsMismatchAtTheStart() {
        assertThat(Bytes.firstDifference(utf8("pong"), utf8("Pong")))
                .isEqualTo("first difference at byte 0: expected \"p\", got \"P\"; "
                        + "around it expected \"pong\", got \"Pong\"");
    }
}
