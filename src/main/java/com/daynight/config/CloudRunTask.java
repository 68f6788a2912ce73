package com.daynight.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Which task of a Cloud Run job this process is: CLOUD_RUN_TASK_INDEX (0 .. count-1), CLOUD_RUN_TASK_COUNT and
 * CLOUD_RUN_TASK_ATTEMPT, set by Cloud Run for every task of a job. Worker mode names its claims after it and
 * staggers its start by it; outside Cloud Run (none set) it is {@link #NONE}.
 */
public record CloudRunTask(int index, int count, int attempt) {

    public static final CloudRunTask NONE = new CloudRunTask(-1, 0, 0);

    /** Tasks that share a slot start together; slots are this far apart. */
    static final Duration STAGGER_STEP = Duration.ofMillis(250);
    /** Twenty slots: the first connections of a hundred tasks spread over five seconds, five at a time. */
    static final int STAGGER_SLOTS = 20;

    public static CloudRunTask fromEnvironment(Map<String, String> env) {
        Optional<Integer> index = number(env, "CLOUD_RUN_TASK_INDEX", 0);
        Optional<Integer> count = number(env, "CLOUD_RUN_TASK_COUNT", 1);
        int attempt = number(env, "CLOUD_RUN_TASK_ATTEMPT", 0).orElse(0);
        if (index.isEmpty()) {
            return count.isPresent() ? new CloudRunTask(0, count.get(), attempt) : NONE;
        }
        int tasks = count.orElse(index.get() + 1);
        if (index.get() >= tasks) {
            throw new ConfigException("CLOUD_RUN_TASK_INDEX must be less than CLOUD_RUN_TASK_COUNT, got: "
                    + index.get() + " of " + tasks);
        }
        return new CloudRunTask(index.get(), tasks, attempt);
    }

    public boolean isSet() {
        return index >= 0;
    }

    /** A short name for the claims and the log, e.g. "task-3-of-100"; empty outside a Cloud Run job. */
    public String label() {
        return isSet() ? "task-" + index + "-of-" + count : "";
    }

    /**
     * How long this task waits before it opens the database: a hundred tasks of one job start within a second,
     * and each then opens its pool and runs Flyway's check; spread over twenty slots, five do so at a time.
     */
    public Duration startDelay() {
        return isSet() ? STAGGER_STEP.multipliedBy(index % STAGGER_SLOTS) : Duration.ZERO;
    }

    private static Optional<Integer> number(Map<String, String> env, String name, int min) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + " must be a whole number of at least " + min + ", got: " + raw);
    }
}
