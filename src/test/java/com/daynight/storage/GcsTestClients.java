package com.daynight.storage;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import java.time.Duration;

/** Real google-cloud-storage clients pointed at a {@link FakeGcsServer}, with retries and timeouts kept short. */
final class GcsTestClients {

    /** Three attempts, 10 ms then 20 ms apart; a one-second read timeout. */
    static final GcsRetryPolicy QUICK = new GcsRetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50),
            Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(1));

    private GcsTestClients() {
    }

    static Storage against(FakeGcsServer server) {
        return QUICK.applyTo(StorageOptions.newBuilder())
                .setHost(server.baseUrl())
                .setProjectId("daynight-test")
                .setCredentials(NoCredentials.getInstance())
                .build()
                .getService();
    }
}
