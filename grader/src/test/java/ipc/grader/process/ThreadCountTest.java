package ipc.grader.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Each system's way to count a process's threads: the outputs as each system prints them. */
class ThreadCountTest {

    @Test
    @DisplayName("macOS: ps -M lists a header, then one line per thread, the first with the command")
    void macosListing() {
        String listing = """
                USER    PID   TT   %CPU STAT PRI     STIME     UTIME COMMAND
                alice 41230 s002    0.0 S    31T   0:00.02   0:00.07 /usr/bin/java -cp . ipc.nio.SelectorEchoServer 5000
                      41230         0.0 S    31T   0:00.00   0:00.00\s
                      41230         0.0 S    31T   0:00.00   0:00.00\s
                """;
        assertThat(ThreadCount.fromPsListing(listing)).hasValue(3);
    }

    @Test
    @DisplayName("Linux's ps -L lists threads the same way, which the portable mode reads")
    void linuxListing() {
        String listing = """
                    PID     LWP TTY          TIME CMD
                  41230   41230 pts/1    00:00:00 java
                  41230   41231 pts/1    00:00:00 java
                """;
        assertThat(ThreadCount.fromPsListing(listing)).hasValue(2);
    }

    @Test
    @DisplayName("a process that is gone: ps prints its header alone, or nothing, and the count is empty")
    void goneProcess() {
        assertThat(ThreadCount.fromPsListing("  PID TTY  TIME CMD\n")).isEmpty();
        assertThat(ThreadCount.fromPsListing(null)).isEmpty();
    }

    @Test
    @DisplayName("Windows: PowerShell prints the count alone; an error leaves nothing to read")
    void powerShell() {
        assertThat(ThreadCount.fromPowerShell("23\r\n")).hasValue(23);
        assertThat(ThreadCount.fromPowerShell("")).isEmpty();
        assertThat(ThreadCount.fromPowerShell(null)).isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    @ResourceLock(Resources.GLOBAL) // alone: the grader's tests run in parallel, and another test's threads would be counted
    @DisplayName("on Linux, /proc counts the threads a program starts, and not the JVM's own")
    void procCountsStartedThreads() throws Exception {
        long pid = ProcessHandle.current().pid();
        int before = ThreadCount.fromProc(pid).orElseThrow();
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread thread = new Thread(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "counted-" + i);
            thread.start();
            started.add(thread);
        }
        try {
            assertThat(ThreadCount.fromProc(pid)).hasValue(before + 3);
        } finally {
            release.countDown();
            for (Thread thread : started) {
                thread.join();
            }
        }
        assertThat(ThreadCount.fromProc(Long.MAX_VALUE)).as("no such process").isEmpty();
    }
}
