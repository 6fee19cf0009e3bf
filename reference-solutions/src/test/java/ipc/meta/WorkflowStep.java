package ipc.meta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code run: |} script of one step of a workflow file, as written, so a test runs exactly what
 * the workflow runs. A deliberately small reader: it knows the block style the project's workflows use
 * ({@code id:} line, then {@code run: |} and the lines indented below it), and fails loudly otherwise.
 */
final class WorkflowStep {

    private WorkflowStep() {
    }

    static String run(Path workflow, String stepId) throws IOException {
        List<String> lines = Files.readAllLines(workflow);
        int id = lines.indexOf(lines.stream().filter(line -> line.strip().equals("id: " + stepId)).findFirst()
                .orElseThrow(() -> new AssertionError("no step with id " + stepId + " in " + workflow)));
        for (int i = id + 1; i < lines.size() && !lines.get(i).strip().startsWith("- "); i++) {
            if (lines.get(i).strip().equals("run: |")) {
                int indent = indentOf(lines.get(i + 1));
                StringBuilder script = new StringBuilder();
                for (int j = i + 1; j < lines.size() && (lines.get(j).isBlank() || indentOf(lines.get(j)) >= indent); j++) {
                    script.append(lines.get(j).length() >= indent ? lines.get(j).substring(indent) : "").append('\n');
                }
                return script.toString();
            }
        }
        throw new AssertionError("step " + stepId + " of " + workflow + " has no 'run: |' block");
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }
}
