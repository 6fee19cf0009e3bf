package ipc.grader.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ipc.grader.score.GradeReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

class GradingRunTest {

    @Test
    @DisplayName("called from a fork-join worker, a grading runs on a thread of its own, so the worker takes on no other work meanwhile")
    void runsOnAThreadOfItsOwnForAForkJoinWorker(@TempDir Path submission) throws Exception {
        Path echo = Files.createDirectories(submission.resolve("ipc/echo"));
        Files.writeString(echo.resolve("EchoServer.java"),
                "package ipc.echo;\npublic class EchoServer { public static void main(String[] args) { } }\n");
        AtomicReference<Thread> launcherThread = new AtomicReference<>();
        TestExecutionListener recorder = new TestExecutionListener() {
            @Override
            public void testPlanExecutionStarted(TestPlan plan) {
                launcherThread.set(Thread.currentThread());
            }
        };
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            GradeReport report = pool.submit(() -> GradingRun.of(submission).exercise("echo").listener(recorder).run())
                    .get(120, TimeUnit.SECONDS);
            assertThat(report.checks()).as("checks graded").isNotEmpty();
            assertThat(launcherThread.get()).as("the thread that ran the grading").isNotInstanceOf(ForkJoinWorkerThread.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("on a thread of its own, a grading still fails as it would on the caller's: an empty submission is refused")
    void failuresReachTheCaller(@TempDir Path submission) {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            assertThatThrownBy(() -> pool.submit(() -> GradingRun.of(submission).exercise("echo").run()).get(60, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalArgumentException.class);
        } finally {
            pool.shutdownNow();
        }
    }
}
