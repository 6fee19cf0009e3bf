package ipc.grader.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lines of the course's hidden files (the reference solutions, the mutants, the hidden suites),
 * withheld from feedback. Without a sandbox a submission can read those files and print them, and a
 * failed check quotes what the program printed or sent: each quoted line that is one of theirs is
 * replaced by {@link #MARKER}. Only lines quoted as they are, or escaped as {@link Bytes} escapes
 * them, are caught; a program that encodes what it read is stopped by the sandbox alone
 * (SECURITY.md).
 *
 * <p>A hidden line has at least 8 characters, is found in no public file, and cannot be what a
 * correct program prints: a line of code (holding one of {@code ; { } ( =}), a comment, or any
 * line of a mutant. So what a correct program sends (an HTTP status line, a chat message) is never
 * withheld, even where a hidden suite spells it out in a text block.
 */
public final class WithheldLines {

    /** What stands where a hidden line was. */
    public static final String MARKER = "[withheld: a line of the course's hidden files]";

    private static final int MIN_LENGTH = 8;
    private static final long MAX_FILE_BYTES = 1 << 20;
    /** Around a quoted line: its indent, the "| " of captured output, the quotes of bytes. */
    private static final Pattern QUOTED = Pattern.compile("^([\\s|\"]*)(.*?)([\\s\"]*)$");

    private final Set<String> hidden;

    private WithheldLines(Set<String> hidden) {
        this.hidden = Set.copyOf(hidden);
    }

    /** Nothing withheld: where the grader has no hidden files (a student's repository). */
    public static WithheldLines none() {
        return new WithheldLines(Set.of());
    }

    /**
     * The hidden lines of the {@code .java} and {@code .mutant} files in {@code hiddenFolders}: those
     * that no file in {@code publicFolders} has. Missing folders hold nothing; with no hidden lines
     * (a sandbox covers the hidden folders), the public ones are not read at all.
     */
    public static WithheldLines of(List<Path> hiddenFolders, List<Path> publicFolders) {
        Set<String> candidates = new HashSet<>();
        hiddenFolders.forEach(folder -> hiddenLinesIn(folder).forEach(candidates::add));
        if (candidates.isEmpty()) {
            return none();
        }
        publicFolders.forEach(folder -> linesIn(folder).forEach(candidates::remove));
        Set<String> hidden = new HashSet<>();
        for (String line : candidates) {
            hidden.add(line);
            // As Bytes shows it, with its quotes and backslashes escaped.
            hidden.add(line.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t"));
        }
        return new WithheldLines(hidden);
    }

    /** How many hidden lines (with their escaped forms) are withheld. */
    public int size() {
        return hidden.size();
    }

    /** {@code text} with every hidden line on it replaced by {@link #MARKER}. */
    public String from(String text) {
        if (hidden.isEmpty() || text.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        while (true) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            String kept = withheld(line);
            out.append(kept != null ? kept : withheldInQuotes(line));
            if (end < 0) {
                return out.toString();
            }
            out.append('\n');
            start = end + 1;
        }
    }

    /**
     * A line with bytes quoted as {@link Bytes} quotes them: inside quotes, {@code \n} breaks
     * lines, and a backslash escapes the character after it (so an escaped quote ends nothing).
     */
    private String withheldInQuotes(String line) {
        StringBuilder out = new StringBuilder(line.length());
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!quoted) {
                out.append(c);
                quoted = c == '"';
                start = i + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                if (line.charAt(i + 1) == 'n') {
                    out.append(piece(line.substring(start, i))).append("\\n");
                    start = i + 2;
                }
                i++;
            } else if (c == '"') {
                out.append(piece(line.substring(start, i))).append('"');
                quoted = false;
            }
        }
        return quoted ? out.append(piece(line.substring(start))).toString() : out.toString();
    }

    private String piece(String piece) {
        return hidden.contains(piece.strip()) ? MARKER : piece;
    }

    /** {@code segment} with its hidden line withheld, or null when it holds none. */
    private String withheld(String segment) {
        Matcher quoted = QUOTED.matcher(segment);
        if (!quoted.matches() || !hidden.contains(quoted.group(2))) {
            return null;
        }
        return quoted.group(1) + MARKER + quoted.group(3);
    }

    /** The lines of the sources under {@code folder} that only a leak can print (see above). */
    private static Stream<String> hiddenLinesIn(Path folder) {
        return sources(folder).stream().flatMap(file -> lines(file)
                .filter(line -> line.length() >= MIN_LENGTH)
                .filter(line -> file.toString().endsWith(".mutant") || isCodeOrComment(line)));
    }

    private static boolean isCodeOrComment(String line) {
        return line.startsWith("//") || line.startsWith("*") || line.startsWith("/*")
                || line.chars().anyMatch(c -> ";{}(=".indexOf(c) >= 0);
    }

    /** The stripped lines of every text file under {@code folder}. */
    private static Stream<String> linesIn(Path folder) {
        return files(folder).stream().flatMap(WithheldLines::lines);
    }

    private static List<Path> sources(Path folder) {
        return files(folder).stream()
                .filter(file -> file.toString().endsWith(".java") || file.toString().endsWith(".mutant")).toList();
    }

    /** The regular files under {@code folder} that someone wrote; none when it is missing. */
    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .filter(file -> !builtOrVersioned(folder.relativize(file))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A build output or a Git object: not a file anyone wrote. */
    private static boolean builtOrVersioned(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals("target") || part.toString().equals(".git")) {
                return true;
            }
        }
        return false;
    }

    private static Stream<String> lines(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return Stream.empty();
            }
            // Decoded leniently: a file that is not UTF-8 still reads.
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().map(String::strip);
        } catch (IOException e) {
            return Stream.empty(); // unreadable: nothing to withhold from it
        }
    }
}
