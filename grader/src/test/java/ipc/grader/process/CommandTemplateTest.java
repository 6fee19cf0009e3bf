package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandTemplateTest {

    private static final Path DIRECTORY = Path.of("submission", "python");

    private static CommandTemplate template(String text) {
        return new CommandTemplate(text, DIRECTORY);
    }

    @Test
    @DisplayName("words are split on any run of whitespace")
    void splitsOnWhitespace() {
        assertThat(CommandTemplate.split("python3   echo.py\t{port}")).containsExactly("python3", "echo.py", "{port}");
    }

    @Test
    @DisplayName("single and double quotes group words and are removed")
    void quotesGroupWords() {
        assertThat(CommandTemplate.split("python3 'my server.py' \"--name=a b\""))
                .containsExactly("python3", "my server.py", "--name=a b");
    }

    @Test
    @DisplayName("a quote inside the other kind of quote is kept as a character")
    void keepsTheOtherQuoteInsideQuotes() {
        assertThat(CommandTemplate.split("echo \"it's\" 'say \"hi\"'")).containsExactly("echo", "it's", "say \"hi\"");
    }

    @Test
    @DisplayName("quoted parts next to unquoted ones join into one word, and empty quotes make an empty word")
    void joinsAdjacentQuotedParts() {
        assertThat(CommandTemplate.split("--msg='a b'c ''")).containsExactly("--msg=a bc", "");
    }

    @Test
    @DisplayName("a server's count is appended after the port the template places")
    void appendsExtrasForServer() {
        assertThat(template("python3 pong.py {port}").command(ProgramArguments.forServer(4000, 3)))
                .containsExactly("python3", "pong.py", "4000", "3");
    }

    @Test
    @DisplayName("a client template gets its host and port in place and the extras after them")
    void placesHostAndPortForClient() {
        assertThat(template("python3 c.py {host} {port}").command(ProgramArguments.forClient("127.0.0.1", 4000, 5)))
                .containsExactly("python3", "c.py", "127.0.0.1", "4000", "5");
    }

    @Test
    @DisplayName("a template without placeholders receives all arguments in catalogue order")
    void appendsEverythingWithoutPlaceholders() {
        assertThat(template("node client.js").command(ProgramArguments.forClient("localhost", 4000, "x", 7)))
                .containsExactly("node", "client.js", "localhost", "4000", "x", "7");
    }

    @Test
    @DisplayName("{args} is replaced by all arguments, and nothing more is appended")
    void argsTakesEverything() {
        assertThat(template("ruby c.rb {args} --verbose").command(ProgramArguments.forClient("h", 4000, "x")))
                .containsExactly("ruby", "c.rb", "h", "4000", "x", "--verbose");
    }

    @Test
    @DisplayName("placeholders are replaced inside words and inside quoted words")
    void replacesPlaceholdersInsideWords() {
        assertThat(template("sh -c './srv --port={port}'").command(ProgramArguments.forServer(4000)))
                .containsExactly("sh", "-c", "./srv --port=4000");
    }

    @Test
    @DisplayName("a client template that places only the port still receives the host, appended")
    void appendsHostNoPlaceholderTakes() {
        assertThat(template("python3 c.py --port {port}").command(ProgramArguments.forClient("10.0.0.1", 4000)))
                .containsExactly("python3", "c.py", "--port", "4000", "10.0.0.1");
    }

    @Test
    @DisplayName("an unbalanced quote is refused")
    void refusesUnbalancedQuote() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> template("python3 'echo.py {port}"))
                .withMessageContaining("unbalanced quote");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "\t\n"})
    @DisplayName("an empty template is refused")
    void refusesEmptyTemplate(String text) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> template(text))
                .withMessage("empty command template");
    }

    @Test
    @DisplayName("the directory the program runs in is reported")
    void reportsDirectory() {
        assertThat(template("python3 echo.py").directory()).contains(DIRECTORY);
    }

    @Test
    @DisplayName("the display name is the template without surrounding blanks")
    void displaysTemplate() {
        assertThat(template("  python3 echo.py {port}\n").displayName()).isEqualTo("python3 echo.py {port}");
    }

    @Test
    @DisplayName("a command that stands in for a main class is named by its role and the command it ran")
    void namesRoleAndFilledCommand() {
        CommandTemplate echo = new CommandTemplate("ipc.echo.SequentialEchoServer",
                "socat TCP-LISTEN:{port},bind=127.0.0.1 EXEC:cat", DIRECTORY);
        assertThat(echo.displayName()).isEqualTo("SequentialEchoServer");
        assertThat(echo.displayName(ProgramArguments.forServer(41234)))
                .isEqualTo("SequentialEchoServer (socat TCP-LISTEN:41234,bind=127.0.0.1 EXEC:cat)");
        assertThat(new CommandTemplate("ipc.pipe.Parent", "sh -c 'exit 3'", DIRECTORY).displayName(ProgramArguments.of()))
                .as("a word with blanks is quoted, so the command can be pasted into a shell")
                .isEqualTo("Parent (sh -c 'exit 3')");
    }
}
