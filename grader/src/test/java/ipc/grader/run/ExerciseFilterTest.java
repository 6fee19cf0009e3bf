package ipc.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one exercise filter behind ./grade --exercise and mvn test -Dexercise. */
class ExerciseFilterTest {

    @Test
    @DisplayName("-Dexercise=echo,chat names two exercises; blanks and spaces do not count")
    void parsesACommaSeparatedList() {
        assertThat(ExerciseFilter.parse("echo, chat")).containsExactly("echo", "chat");
        assertThat(ExerciseFilter.parse(" ")).isEmpty();
        assertThat(ExerciseFilter.parse("echo,,")).containsExactly("echo");
    }

    @Test
    @DisplayName("an unknown exercise is refused with the ids there are, instead of grading nothing")
    void refusesAnUnknownExercise() {
        assertThatThrownBy(() -> ExerciseFilter.suitesOf(List.of("echo", "ehco")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown exercise ehco; the exercises are pipe, udp-ping-pong, ")
                .hasMessageContaining("echo, sequential-echo");
    }
}
