package ipc.grader.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A program in any language, given as a command template such as
 * {@code python3 tcp_echo_server.py {port}}. Placeholders: {@code {host}}, {@code {port}} and
 * {@code {args}} (all arguments). Arguments that no placeholder takes are appended, so
 * {@code python3 pong.py {port}} still receives the count of {@code TcpPongServer <port> [count]}.
 *
 * <p>The template is split into words like a shell would split it (single and double quotes group
 * words) but no shell runs it: there is no expansion, piping or redirection to go wrong.
 */
public final class CommandTemplate implements ProgramLaunch {

    private final String role;
    private final String template;
    private final List<String> words;
    private final Path directory;

    /** A template whose program runs in {@code directory}, where its own files are; named by its template. */
    public CommandTemplate(String template, Path directory) {
        this(null, template, directory);
    }

    /**
     * A template that stands in for the program {@code role} (a main class such as
     * {@code ipc.echo.EchoServer}), so that messages name it as the exercise does.
     */
    public CommandTemplate(String role, String template, Path directory) {
        this.role = role == null ? null : role.substring(role.lastIndexOf('.') + 1);
        this.directory = directory;
        this.template = template.strip();
        this.words = split(this.template);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("empty command template");
        }
    }

    @Override
    public List<String> command(ProgramArguments arguments) {
        boolean takesArgs = template.contains("{args}");
        boolean takesHost = takesArgs || template.contains("{host}");
        boolean takesPort = takesArgs || template.contains("{port}");
        List<String> command = new ArrayList<>();
        for (String word : words) {
            if (word.equals("{args}")) {
                command.addAll(arguments.inOrder());
                continue;
            }
            command.add(word
                    .replace("{host}", arguments.host() == null ? "" : arguments.host())
                    .replace("{port}", arguments.port() == null ? "" : String.valueOf(arguments.port())));
        }
        if (!takesArgs) {
            if (!takesHost && arguments.host() != null) {
                command.add(arguments.host());
            }
            if (!takesPort && arguments.port() != null) {
                command.add(String.valueOf(arguments.port()));
            }
            command.addAll(arguments.extras());
        }
        return command;
    }

    /** Its role ({@code EchoServer}), or the template itself when it stands in for none. */
    @Override
    public String displayName() {
        return role != null ? role : template;
    }

    /**
     * The role and the command it ran, placeholders filled: {@code EchoServer (python3 echo.py 41234)}.
     * A student whose script misbehaves sees which of their commands the grader ran, with what.
     */
    @Override
    public String displayName(ProgramArguments arguments) {
        String ran = String.join(" ", command(arguments).stream().map(CommandTemplate::quoted).toList());
        return role != null ? role + " (" + ran + ")" : ran;
    }

    private static String quoted(String word) {
        return word.isEmpty() || word.chars().anyMatch(c -> Character.isWhitespace(c) || c == '\'' || c == '"')
                ? "'" + word.replace("'", "'\\''") + "'"
                : word;
    }

    /** Where the command runs: a script named relatively is found there. */
    @Override
    public Optional<Path> directory() {
        return Optional.of(directory);
    }

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in command template: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
