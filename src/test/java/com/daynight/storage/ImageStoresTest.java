package com.daynight.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.daynight.config.AppConfig;
import com.google.cloud.NoCredentials;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.StorageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageStoresTest {

    @Test
    void localStorageReadsTheBucketsFolder() {
        ImageStore store = ImageStores.create(config(Map.of("STORAGE", "local", "BUCKETS_DIR", "/tmp/buckets")));

        assertInstanceOf(LocalImageStore.class, store);
    }

    @Test
    void emulatorHostIsUsedWithoutCredentials() {
        try (FakeGcsServer server = FakeGcsServer.start()) {
            server.put("photos", "night.jpg", new byte[] {1, 2, 3}, "image/jpeg");
            ImageStore store = ImageStores.create(
                    config(Map.of("STORAGE", "gcs", "STORAGE_EMULATOR_HOST", server.baseUrl())));

            List<ImageObject> listed = new ArrayList<>();
            store.listJpegs("photos").forEach(listed::add);

            assertInstanceOf(GcsImageStore.class, store);
            assertEquals(List.of(new ImageObject("night.jpg", 3)), listed);
        }
    }

    @Test
    void emulatorOptionsUseNoCredentialsAndAPlaceholderProject() {
        StorageOptions options = ImageStores.gcsOptions(
                config(Map.of("STORAGE", "gcs", "STORAGE_EMULATOR_HOST", "localhost:4443")), GcsRetryPolicy.STANDARD);

        assertEquals("http://localhost:4443", options.getHost());
        assertEquals(ImageStores.EMULATOR_PROJECT, options.getProjectId());
        assertInstanceOf(NoCredentials.class, options.getCredentials());
    }

    @Test
    void emulatorHostKeepsItsSchemeAndProject() {
        StorageOptions options = ImageStores.gcsOptions(config(Map.of("STORAGE", "gcs",
                "STORAGE_EMULATOR_HOST", "https://gcs.example:9443/", "GOOGLE_CLOUD_PROJECT", "my-project")),
                GcsRetryPolicy.STANDARD);

        assertEquals("https://gcs.example:9443", options.getHost());
        assertEquals("my-project", options.getProjectId());
    }

    @Test
    void theRetryPolicyReachesTheClient() {
        GcsRetryPolicy policy = new GcsRetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(3),
                Duration.ofSeconds(40), Duration.ofSeconds(7), Duration.ofSeconds(11));
        StorageOptions options = ImageStores.gcsOptions(config(Map.of("STORAGE", "gcs",
                "STORAGE_EMULATOR_HOST", "localhost:4443")), policy);

        assertEquals(4, options.getRetrySettings().getMaxAttempts());
        assertEquals(Duration.ofMillis(200), options.getRetrySettings().getInitialRetryDelayDuration());
        assertEquals(Duration.ofSeconds(3), options.getRetrySettings().getMaxRetryDelayDuration());
        assertEquals(Duration.ofSeconds(40), options.getRetrySettings().getTotalTimeoutDuration());
        HttpTransportOptions transport = (HttpTransportOptions) options.getTransportOptions();
        assertEquals(7_000, transport.getConnectTimeout());
        assertEquals(11_000, transport.getReadTimeout());
    }

    private static AppConfig config(Map<String, String> env) {
        return AppConfig.fromEnvironment(new HashMap<>(env));
    }
}
