package com.daynight.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.logging.StartupStages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar says what its start is doing, one line per stage with its time (printed here, so the test's output is a
 * start-up report, cold and warm); the embedded MariaDB's binaries are unpacked on the first start only; and an
 * embedded database that cannot start is reported in one line, with no console dump and no stack trace.
 */
class StartupStagesIT {

    private static final List<String> STAGES = List.of("model: loaded in ", "database: embedded MariaDB started in ",
            "migrations: schema up to date in ", "Tomcat has loaded the webapp (", "ready: HTTP on http://");
    private static final String UNPACKED = "MariaDB binaries unpacked into ";

    @TempDir
    Path work;

    @Test
    void everyStageSaysHowLongItTookColdAndWarm() throws Exception {
        Map<String, String> env = Map.of("DATA_DIR", work.resolve("data").toString(),
                "BUCKETS_DIR", Files.createDirectories(work.resolve("buckets")).toString());
        String cold = startAndStop("startup-cold", env);
        assertTrue(cold.contains(StartupStages.PREFIX + UNPACKED), "a fresh data folder gets the binaries:\n" + cold);
        String warm = startAndStop("startup-warm", env);
        assertFalse(warm.contains(UNPACKED), "unpacked once per data folder, not again:\n" + warm);
    }

    private static String startAndStop(String name, Map<String, String> env) throws Exception {
        String log;
        try (RunningJar service = RunningJar.start(name, env)) {
            log = service.log();
        }
        List<String> stages = log.lines().filter(l -> l.contains(StartupStages.PREFIX)).toList();
        System.out.println(name + ":\n  " + String.join("\n  ", stages));
        for (String stage : STAGES) {
            assertTrue(stages.stream().anyMatch(l -> l.contains(StartupStages.PREFIX + stage)),
                    "a line for '" + stage + "':\n" + log);
        }
        assertTrue(stages.stream().allMatch(l -> l.matches(".*\\d+\\.\\d s.*")), "each with its time:\n" + log);
        return log;
    }

    /** A data folder whose InnoDB system file is junk: the server stops at once and says why in its console. */
    @Test
    void aDatabaseThatCannotStartIsOneLine() throws Exception {
        Path data = work.resolve("data");
        Files.createDirectories(data.resolve("mariadb-data"));
        Files.write(data.resolve("mariadb-data/ibdata1"), new byte[] {'n', 'o', 't', ' ', 'i', 'n', 'n', 'o'});
        RunningJar.CommandResult result = RunningJar.startExpectingExit(Map.of("DATA_DIR", data.toString(),
                "BUCKETS_DIR", Files.createDirectories(work.resolve("buckets")).toString()));

        assertNotEquals(0, result.exitCode(), result.output());
        List<String> notInfo = result.output().lines().filter(l -> !l.matches("\\S+ INFO .*")).toList();
        assertEquals(1, notInfo.size(), "one line says why, no console, no stack trace:\n" + result.output());
        String line = notInfo.get(0);
        assertTrue(line.contains(" ERROR ") && line.contains("DayNight cannot start: the embedded MariaDB under "
                + data.toAbsolutePath().normalize() + " did not start: "), line);
        Path console = data.toAbsolutePath().normalize().resolve("mariadb-start-failure.log");
        assertTrue(line.endsWith("(the server's console is in " + console + ")"), line);
        assertTrue(Files.size(console) > 0, "the details are kept");
    }
}
