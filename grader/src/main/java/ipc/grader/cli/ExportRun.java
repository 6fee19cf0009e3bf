package ipc.grader.cli;

import java.io.PrintStream;

/** How an export command ends: 0 once written, 2 for what the instructor can fix, 3 when the export itself failed. */
final class ExportRun {

    interface Export {
        void write() throws Exception;
    }

    private ExportRun() {
    }

    static int run(Export export, PrintStream err) {
        try {
            export.write();
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("grade: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("grade: the export failed: " + e);
            return 3;
        }
    }
}
