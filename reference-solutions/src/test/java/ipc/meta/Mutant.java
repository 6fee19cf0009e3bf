package ipc.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A {@code .mutant} file (see {@code reference-solutions/mutants/README.md}): one typical mistake,
 * as edits to the reference, and the checks it must lose.
 */
/**
 * {@code notPortable} is why the mutant cannot be caught every run in the portable mode (where only
 * what macOS and Windows tell is read), or null when it can. {@code race} is what the mutant's threads
 * race over, or null for a mutant without a race: a racy mutant is graded again and again, and must
 * lose the same checks every time.
 */
record Mutant(String name, String exercise, String mistake, Set<String> fails, List<Edit> edits, String notPortable,
              String race) {

    record Edit(String file, String reference, String mutated) {
    }

    static List<Mutant> all(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".mutant")).sorted().map(Mutant::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Mutant parse(Path file) {
        String name = file.getParent().getFileName() + "/" + file.getFileName().toString().replace(".mutant", "");
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String exercise = null;
        String mistake = null;
        String notPortable = null;
        String race = null;
        Set<String> fails = new LinkedHashSet<>();
        String target = null;
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            } else if (line.startsWith("exercise:")) {
                exercise = line.substring(9).trim();
            } else if (line.startsWith("mistake:")) {
                mistake = line.substring(8).trim();
            } else if (line.startsWith("not-portable:")) {
                notPortable = line.substring(13).trim();
            } else if (line.startsWith("race:")) {
                race = line.substring(5).trim();
            } else if (line.startsWith("fails:")) {
                Arrays.stream(line.substring(6).split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(fails::add);
            } else if (line.startsWith("file:")) {
                target = line.substring(5).trim();
            } else if (line.startsWith("<<<<<<< reference")) {
                int middle = indexOf(lines, "=======", i, name);
                int end = indexOf(lines, ">>>>>>> mutant", middle, name);
                if (target == null) {
                    throw new IllegalArgumentException(name + ": an edit before any 'file:' line");
                }
                edits.add(new Edit(target, join(lines, i + 1, middle), join(lines, middle + 1, end)));
                i = end;
            } else {
                throw new IllegalArgumentException(name + ": cannot read line " + (i + 1) + ": " + line);
            }
        }
        if (exercise == null || mistake == null || edits.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs 'exercise:', 'mistake:' and at least one edit");
        }
        return new Mutant(name, exercise, mistake, fails, edits, notPortable, race);
    }

    /**
     * {@code mutants} taken one exercise at a time in turn (a chat mutant, an echo mutant, ..., then
     * the next chat mutant): gradings run side by side, and the chat's keep both cores busy while
     * others mostly wait out a deadline, so mixed they finish sooner than exercise by exercise.
     */
    static List<Mutant> byExerciseInTurn(List<Mutant> mutants) {
        Map<String, Deque<Mutant>> byExercise = new LinkedHashMap<>();
        mutants.forEach(mutant -> byExercise.computeIfAbsent(mutant.exercise(), exercise -> new ArrayDeque<>()).add(mutant));
        List<Mutant> inTurn = new ArrayList<>();
        while (inTurn.size() < mutants.size()) {
            byExercise.values().stream().filter(queue -> !queue.isEmpty()).forEach(queue -> inTurn.add(queue.poll()));
        }
        return inTurn;
    }

    /** Copies the reference sources to {@code target} and applies the edits there. */
    void applyTo(Path referenceRoot, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(referenceRoot.resolve("ipc"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = target.resolve(referenceRoot.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        for (Edit edit : edits) {
            Path file = target.resolve(edit.file());
            String text = Files.readString(file);
            int at = text.indexOf(edit.reference());
            if (at < 0 || text.indexOf(edit.reference(), at + 1) >= 0) {
                throw new IllegalStateException("mutant " + name + " is stale: its reference text occurs "
                        + (at < 0 ? "nowhere" : "more than once") + " in " + edit.file() + ":\n" + edit.reference());
            }
            Files.writeString(file, text.substring(0, at) + edit.mutated() + text.substring(at + edit.reference().length()));
        }
    }

    private static int indexOf(List<String> lines, String marker, int from, String name) {
        for (int i = from + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(marker)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + ": no '" + marker + "' after line " + (from + 1));
    }

    private static String join(List<String> lines, int from, int to) {
        return lines.subList(from, to).stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return name;
    }
}
