package com.daynight.storage;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.time.Duration;

/** Real google-cloud-storage clients pointed at a {@link FakeGcsServer}, with retries kept short for tests. */
final class GcsTestClients {

    private GcsTestClients() {
    }

    static Storage against(FakeGcsServer server) {
        return StorageOptions.newBuilder()
                .setHost(server.baseUrl())
                .setProjectId("daynight-test")
                .setCredentials(NoCredentials.getInstance())
                .setRetrySettings(StorageOptions.getDefaultRetrySettings().toBuilder()
                        .setMaxAttempts(2)
                        .setInitialRetryDelayDuration(Duration.ofMillis(10))
                        .setMaxRetryDelayDuration(Duration.ofMillis(50))
                        .setTotalTimeoutDuration(Duration.ofSeconds(5))
                        .build())
                .build()
                .getService();
    }
}
