package ipc.grader.probe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The probe JVM's side: runs each scenario on a thread of its own with a time limit, and reports
 * each result on stdout as soon as it is known, so a scenario that hangs or ends the JVM costs only
 * itself and those after it.
 *
 * <p>Each result line starts with a nonce the grader wrote to stdin before any student class was
 * loaded: the student's code shares this JVM and its stdout, and must not be able to print a pass.
 */
public final class ProbeScenarios {

    static final String PASS = "PASS";
    static final String FAIL = "FAIL";
    /** A failure where the code under test threw an exception other than an assertion. */
    static final String THREW = "THREW";

    private ProbeScenarios() {
    }

    /**
     * Call from the probe's {@code main}: {@code args[0]} is the time limit per scenario in
     * milliseconds; the nonce comes on stdin. {@code warmUp} runs first, outside any time limit:
     * the grader's own start-up work (Mockito generating its classes takes seconds on a loaded
     * machine) must not count against the student's code.
     */
    public static void run(String[] args, Scenario warmUp, Map<String, Scenario> scenarios) throws IOException {
        PrintStream results = System.out;
        String nonce = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        long limitMillis = Long.parseLong(args[0]);
        try {
            warmUp.run();
        } catch (Exception e) {
            throw new IllegalStateException("the probe could not warm up: " + e, e);
        }
        for (Map.Entry<String, Scenario> scenario : scenarios.entrySet()) {
            String outcome = outcome(scenario.getValue(), limitMillis);
            synchronized (results) {
                results.println(nonce + " " + scenario.getKey() + " " + outcome);
                results.flush();
            }
        }
        // Threads of scenarios that hung are still running: end the JVM without them.
        Runtime.getRuntime().halt(0);
    }

    private static String outcome(Scenario scenario, long limitMillis) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                scenario.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        }, "probe-scenario");
        thread.setDaemon(true);
        thread.start();
        try {
            done.get(limitMillis, TimeUnit.MILLISECONDS);
            return PASS;
        } catch (ExecutionException e) {
            return (e.getCause() instanceof AssertionError || e.getCause() instanceof OutOfMemoryError ? FAIL : THREW)
                    + " " + escape(describe(e.getCause()));
        } catch (TimeoutException e) {
            return FAIL + " " + escape("did not return within " + limitMillis + " ms (it hangs: is it waiting for "
                    + "bytes that never come, or reading on and on?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAIL + " interrupted";
        }
    }

    private static String describe(Throwable failure) {
        if (failure instanceof AssertionError) {
            return failure.getMessage();
        }
        if (failure instanceof OutOfMemoryError) {
            return "ran out of memory (" + failure.getMessage() + "): it allocated far more than the frame needs";
        }
        StackTraceElement where = failure.getStackTrace().length > 0 ? failure.getStackTrace()[0] : null;
        String name = failure.getClass().getName().startsWith("java.") ? failure.getClass().getSimpleName()
                : failure.getClass().getName();
        return "threw " + name + (failure.getMessage() == null ? "" : ": " + failure.getMessage())
                + (where == null ? "" : "\n  at " + where);
    }

    /** One line per result: backslashes and line ends escaped. */
    static String escape(String text) {
        return String.valueOf(text).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
