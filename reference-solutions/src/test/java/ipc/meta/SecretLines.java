package ipc.meta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lines only the instructor has: of the reference solutions and the hidden suites (at least 8
 * characters, not comments or imports) that neither a skeleton nor the public grader has. A line
 * such as "} catch (IOException e) {" is no secret. What a student export or a student's feedback
 * must never contain.
 */
final class SecretLines {

    private SecretLines() {
    }

    static Set<String> ofTheInstructor() throws IOException {
        Set<String> skeleton = new HashSet<>();
        for (Path folder : List.of(Repository.SKELETONS.resolve("src/main/java"), Repository.ROOT.resolve("grader/src/main"))) {
            for (Path file : filesIn(folder)) {
                Files.readAllLines(file).stream().map(String::strip).forEach(skeleton::add);
            }
        }
        Set<String> secrets = new HashSet<>();
        for (Path file : Stream.concat(filesIn(Repository.REFERENCE).stream(),
                filesIn(Repository.ROOT.resolve("grader/src/hidden")).stream()).toList()) {
            Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> line.length() >= 8 && !line.startsWith("//") && !line.startsWith("*")
                            && !line.startsWith("/*") && !line.startsWith("import ") && !skeleton.contains(line))
                    .forEach(secrets::add);
        }
        return secrets;
    }

    /**
     * The secret lines that are code (holding one of {@code ; { } ( =}): those the grader withholds
     * from feedback when no sandbox hides them. Prose lines, such as a mutant's "mistake:", are not.
     */
    static Set<String> codeOnly(Set<String> secrets) {
        return secrets.stream().filter(line -> line.chars().anyMatch(c -> ";{}(=".indexOf(c) >= 0))
                .collect(java.util.stream.Collectors.toSet());
    }

    static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.toString().contains("/.git/")).toList();
        }
    }
}
