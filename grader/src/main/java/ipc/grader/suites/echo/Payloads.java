package ipc.grader.suites.echo;

import ipc.grader.fault.Seed;
import java.util.SplittableRandom;

/** Payloads for echo checks, the same in every run. */
final class Payloads {

    private Payloads() {
    }

    /** The bytes 0x00 to 0xff, in order. */
    static byte[] everyByteValue() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    /** 1 MiB of pseudo-random bytes (every value, mostly invalid as UTF-8), the same in every run of one seed. */
    static byte[] mebibyte() {
        byte[] data = new byte[1 << 20];
        new SplittableRandom(Seed.value()).nextBytes(data); // the run's seed, so -Dsockgrader.seed replays another
        return data;
    }
}
