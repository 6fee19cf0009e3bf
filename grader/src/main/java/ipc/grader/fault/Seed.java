package ipc.grader.fault;

import ipc.grader.settings.RunSettings;

/**
 * The seed of every random fault the grader injects: fixed, so a submission gets the same cuts and
 * the same lost datagrams on every run, and shown in failure messages, so a run can be replayed.
 * {@code -Dsockgrader.seed=N} replays another (see {@link RunSettings#seed()}).
 */
public final class Seed {

    private Seed() {
    }

    public static long value() {
        return RunSettings.current().seed();
    }
}
