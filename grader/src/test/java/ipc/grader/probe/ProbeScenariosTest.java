package ipc.grader.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.feedback.FailureKind;
import ipc.grader.feedback.GradingFailure;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeScenariosTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "two\nlines", "crlf\r\n", "a\\b", "a\\nb (a backslash, then n)", "ends with \\",
        "\\\\\\", "\\\n\\r\r", "tab\tand unicode: é ✓ \u2028", "expected \"pong-0\\n\" but got \"pong-9\\n\"\n  at X.y(X.java:3)"})
    @DisplayName("a message survives escape and unescape unchanged, and escaped it fits on one line")
    void roundTrip(String message) {
        String escaped = ProbeScenarios.escape(message);
        assertThat(escaped).doesNotContain("\n", "\r");
        assertThat(ProbeScenarios.unescape(escaped)).isEqualTo(message);
    }

    @Test
    @DisplayName("random messages made of backslashes, n, r and line ends survive the round trip")
    void randomRoundTrips() {
        Random random = new Random(20_261_122L);
        char[] alphabet = {'\\', 'n', 'r', '\n', '\r', 'a', ' '};
        for (int i = 0; i < 2_000; i++) {
            StringBuilder message = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                message.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String escaped = ProbeScenarios.escape(message.toString());
            assertThat(escaped).doesNotContain("\n", "\r");
            assertThat(ProbeScenarios.unescape(escaped)).as("round trip of %s", escaped).isEqualTo(message.toString());
        }
    }

    @Test
    @DisplayName("escape writes backslashes and line ends as two-character escapes")
    void escapeForm() {
        assertThat(ProbeScenarios.escape("a\nb\r\\c")).isEqualTo("a\\nb\\r\\\\c");
        assertThat(ProbeScenarios.unescape("a\\nb\\r\\\\c")).isEqualTo("a\nb\r\\c");
        assertThat(ProbeScenarios.unescape("trailing\\")).isEqualTo("trailing\\");
        assertThat(ProbeScenarios.escape(null)).isEqualTo("null");
    }

    @Test
    @DisplayName("expectPassed passes a passed scenario")
    void passedScenario() {
        ProbeResults results = new ProbeResults("Framing", Map.of("reads-split-frames", true), Map.of(), Set.of(), "unused", "");
        assertThatCode(() -> results.expectPassed("reads-split-frames")).doesNotThrowAnyException();
        assertThat(results.toString()).startsWith("Framing ").contains("reads-split-frames=true");
    }

    @Test
    @DisplayName("expectPassed fails a failed scenario with exactly what the probe reported")
    void failedScenario() {
        ProbeResults results = new ProbeResults("Framing", Map.of("a", true, "b", false),
                Map.of("b", "readFrame returned 3 bytes of a 5-byte frame\n  at Framing.readFrame(Framing.java:12)"), Set.of(),
                "unused", "");
        assertThatThrownBy(() -> results.expectPassed("b"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("readFrame returned 3 bytes of a 5-byte frame\n  at Framing.readFrame(Framing.java:12)");
        assertThatCode(() -> results.expectPassed("a")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("expectPassed says why a scenario that never ran could not be checked")
    void missingScenario() {
        ProbeResults results = new ProbeResults("Framing", Map.of("a", true), Map.of(), Set.of(), "exited with code 1", "");
        assertThatThrownBy(() -> results.expectPassed("c"))
                .isInstanceOfSatisfying(GradingFailure.class, failure -> assertThat(failure.kind()).isEqualTo(FailureKind.EXITED_EARLY))
                .hasMessageStartingWith("Framing could not be checked: the probe JVM running it exited with code 1 before this check ran");
    }

    @Test
    @DisplayName("the results are a copy: later changes to the maps given do not change them")
    void resultsAreCopied() {
        Map<String, Boolean> passed = new HashMap<>(Map.of("a", false));
        Map<String, String> failures = new HashMap<>(Map.of("a", "wrong"));
        ProbeResults results = new ProbeResults("Framing", passed, failures, Set.of(), "gone", "");
        passed.put("a", true);
        failures.clear();
        assertThatThrownBy(() -> results.expectPassed("a")).hasMessage("wrong");
    }
}
