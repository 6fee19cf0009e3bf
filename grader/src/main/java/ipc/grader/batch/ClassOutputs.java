package ipc.grader.batch;

import ipc.grader.report.WholeFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files a batch or a merge leaves in its output folder, beside {@code students/}: the
 * gradebook ({@code gradebook.csv}) and the class report ({@code class-report.html} and
 * {@code class-report.md}). Always rebuilt from the student folders, so a merge of shards writes
 * exactly what one batch over the whole class would have.
 */
public final class ClassOutputs {

    public static final String GRADEBOOK = "gradebook.csv";
    public static final String HTML = "class-report.html";
    public static final String MARKDOWN = "class-report.md";

    private ClassOutputs() {
    }

    /** Writes the gradebook and the class report for {@code students} into {@code out}. */
    static void write(Path out, List<StudentResult> students) throws IOException {
        Files.createDirectories(out);
        ClassSummary summary = ClassSummary.of(students);
        WholeFile.write(out.resolve(GRADEBOOK), Gradebook.csv(students));
        WholeFile.write(out.resolve(HTML), ClassReport.html(summary));
        WholeFile.write(out.resolve(MARKDOWN), ClassReport.markdown(summary));
    }

    /** The students whose folders under {@code out} hold a finished entry, in name order. */
    static List<StudentResult> read(Path out, List<String> names) throws IOException {
        List<StudentResult> students = new ArrayList<>();
        for (String name : names) {
            StudentResult.read(out.resolve(BatchRun.STUDENTS).resolve(name)).ifPresent(students::add);
        }
        return students;
    }

    /**
     * Joins the outputs of several shards into {@code into}: copies every student folder, refusing
     * a student that two shards graded, then writes the gradebook and class report of them all.
     * Returns the number of students.
     */
    public static int merge(List<Path> shardOutputs, Path into) throws IOException {
        List<String> names = new ArrayList<>();
        for (Path shard : shardOutputs) {
            Path students = shard.resolve(BatchRun.STUDENTS);
            if (!Files.isDirectory(students)) {
                throw new IllegalArgumentException("not the output of a batch (no " + BatchRun.STUDENTS + "/ folder): " + shard);
            }
            for (Path folder : folders(students)) {
                String name = folder.getFileName().toString();
                if (BatchEntry.readFrom(folder).isEmpty()) {
                    continue; // a grading that never finished: its shard reported it
                }
                if (names.contains(name)) {
                    throw new IllegalArgumentException("two shards graded " + name + ": were they split with the same --shard count?");
                }
                names.add(name);
                Path target = into.resolve(BatchRun.STUDENTS).resolve(name);
                if (!folder.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
                    copyTree(folder, target);
                }
            }
        }
        List<StudentResult> students = read(into, names.stream().sorted().toList());
        write(into, students);
        return students.size();
    }

    private static List<Path> folders(Path parent) throws IOException {
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
