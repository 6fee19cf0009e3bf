package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgramArgumentsTest {

    @Test
    @DisplayName("a server has no host, its port, and its extras as text")
    void serverArguments() {
        ProgramArguments arguments = ProgramArguments.forServer(4000, 3, true);

        assertThat(arguments.host()).isNull();
        assertThat(arguments.port()).isEqualTo(4000);
        assertThat(arguments.extras()).containsExactly("3", "true");
        assertThat(arguments.inOrder()).containsExactly("4000", "3", "true");
    }

    @Test
    @DisplayName("a client's arguments are host, port, then extras")
    void clientArguments() {
        assertThat(ProgramArguments.forClient("127.0.0.1", 4000, 5).inOrder())
                .containsExactly("127.0.0.1", "4000", "5");
    }

    @Test
    @DisplayName("a client needs a host")
    void clientNeedsHost() {
        assertThatNullPointerException().isThrownBy(() -> ProgramArguments.forClient(null, 4000));
    }

    @Test
    @DisplayName("plain arguments have neither host nor port")
    void plainArguments() {
        ProgramArguments arguments = ProgramArguments.of("in.txt", 2);

        assertThat(arguments.host()).isNull();
        assertThat(arguments.port()).isNull();
        assertThat(arguments.inOrder()).containsExactly("in.txt", "2");
    }

    @Test
    @DisplayName("the extras are a copy that cannot change afterwards")
    void extrasAreCopied() {
        List<String> extras = new ArrayList<>(List.of("a"));
        ProgramArguments arguments = new ProgramArguments(null, 4000, extras);
        extras.add("b");

        assertThat(arguments.extras()).containsExactly("a");
        assertThatThrownBy(() -> arguments.extras().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
