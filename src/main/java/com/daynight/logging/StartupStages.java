package com.daynight.logging;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * One line per start-up stage, in one shape, so an operator watching a start sees what it is doing and where the
 * time goes: {@code start-up: <stage> in 1.2 s (4.5 s since the JVM began)}. Shared by the launcher (HTTP, ready)
 * and the webapp (model, database, migrations); tools/startup-times.sh and StartupStagesIT read these lines.
 */
public final class StartupStages {

    public static final String PREFIX = "start-up: ";

    private StartupStages() {
    }

    /** Logs that {@code stage} took the time since {@code startedNanos} (a {@link System#nanoTime()} reading). */
    public static void done(Logger log, String stage, long startedNanos) {
        log.info("{}{} in {} s ({} s since the JVM began)", PREFIX, stage,
                seconds((System.nanoTime() - startedNanos) / 1e9), seconds(sinceJvmStart()));
    }

    /** Logs that start-up got this far. */
    public static void reached(Logger log, String what) {
        log.info("{}{} ({} s since the JVM began)", PREFIX, what, seconds(sinceJvmStart()));
    }

    /** Seconds since the JVM began: what a user waits from {@code java -jar} on. */
    private static double sinceJvmStart() {
        return ManagementFactory.getRuntimeMXBean().getUptime() / 1e3;
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f", seconds);
    }
}
