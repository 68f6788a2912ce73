package com.daynight.storage;

import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.StorageOptions;
import java.time.Duration;

/**
 * How long the GCS client waits for an answer and how it retries one that fails for a transient reason (5xx,
 * 429, timeouts): exponential backoff with jitter, bounded per call. The client's own defaults wait up to 20 s
 * for a connection and 50 s per call; these are stated here so that they are known, tested and the same
 * everywhere.
 */
public record GcsRetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration totalTimeout,
                             Duration connectTimeout, Duration readTimeout) {

    /** What the service uses: six attempts over up to 90 s, delays 0.5 s, 1 s, 2 s, 4 s, 8 s. */
    public static final GcsRetryPolicy STANDARD = new GcsRetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(8),
            Duration.ofSeconds(90), Duration.ofSeconds(10), Duration.ofSeconds(30));

    StorageOptions.Builder applyTo(StorageOptions.Builder options) {
        return options
                .setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder()
                        .setMaxAttempts(maxAttempts)
                        .setInitialRetryDelayDuration(initialDelay)
                        .setRetryDelayMultiplier(2.0)
                        .setMaxRetryDelayDuration(maxDelay)
                        .setTotalTimeoutDuration(totalTimeout)
                        .build())
                .setTransportOptions(HttpTransportOptions.newBuilder()
                        .setConnectTimeout((int) connectTimeout.toMillis())
                        .setReadTimeout((int) readTimeout.toMillis())
                        .build());
    }
}
