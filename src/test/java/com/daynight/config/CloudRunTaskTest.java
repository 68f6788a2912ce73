package com.daynight.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudRunTaskTest {

    @Test
    void outsideCloudRunThereIsNoTaskNoLabelAndNoDelay() {
        CloudRunTask task = CloudRunTask.fromEnvironment(Map.of());
        assertFalse(task.isSet());
        assertEquals("", task.label());
        assertEquals(Duration.ZERO, task.startDelay());
    }

    @Test
    void aTaskOfAJobIsNamedAfterItsIndexAndCount() {
        CloudRunTask task = CloudRunTask.fromEnvironment(Map.of("CLOUD_RUN_TASK_INDEX", "3",
                "CLOUD_RUN_TASK_COUNT", "100", "CLOUD_RUN_TASK_ATTEMPT", "1"));
        assertEquals(new CloudRunTask(3, 100, 1), task);
        assertEquals("task-3-of-100", task.label());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 250", "19, 4750", "20, 0", "99, 4750"})
    void startsAreSpreadOverTwentySlotsAQuarterSecondApart(int index, long millis) {
        CloudRunTask task = CloudRunTask.fromEnvironment(Map.of("CLOUD_RUN_TASK_INDEX", Integer.toString(index),
                "CLOUD_RUN_TASK_COUNT", "100"));
        assertEquals(Duration.ofMillis(millis), task.startDelay());
    }

    @Test
    void aCountAloneMeansTheFirstTask() {
        assertEquals(new CloudRunTask(0, 5, 0), CloudRunTask.fromEnvironment(Map.of("CLOUD_RUN_TASK_COUNT", "5")));
    }

    @ParameterizedTest
    @CsvSource({"CLOUD_RUN_TASK_INDEX, -1", "CLOUD_RUN_TASK_INDEX, x", "CLOUD_RUN_TASK_COUNT, 0",
            "CLOUD_RUN_TASK_ATTEMPT, 1.5"})
    void aValueCloudRunWouldNeverSetStopsTheStartNamingIt(String name, String raw) {
        ConfigException e = assertThrows(ConfigException.class, () -> CloudRunTask.fromEnvironment(Map.of(name, raw)));
        assertTrue(e.getMessage().startsWith(name + " must be"), e.getMessage());
    }

    @Test
    void anIndexBeyondTheCountIsRefused() {
        assertThrows(ConfigException.class, () -> CloudRunTask.fromEnvironment(Map.of("CLOUD_RUN_TASK_INDEX", "4",
                "CLOUD_RUN_TASK_COUNT", "4")));
    }
}
