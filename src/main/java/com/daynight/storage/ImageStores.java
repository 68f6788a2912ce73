package com.daynight.storage;

import com.daynight.config.AppConfig;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;

/** Builds the ImageStore the configuration asks for. */
public final class ImageStores {

    /** Emulators accept any project; the client still wants one to build its requests. */
    static final String EMULATOR_PROJECT = "daynight-local";

    private ImageStores() {
    }

    public static ImageStore create(AppConfig config) {
        return switch (config.storage()) {
            case LOCAL -> new LocalImageStore(config.bucketsDir());
            case GCS -> new GcsImageStore(gcsOptions(config, GcsRetryPolicy.STANDARD).getService(),
                    GcsImageStore.MAX_PAGE_SIZE);
        };
    }

    static StorageOptions gcsOptions(AppConfig config, GcsRetryPolicy retry) {
        StorageOptions.Builder options = retry.applyTo(StorageOptions.newBuilder());
        String emulatorHost = config.storageEmulatorHost();
        if (emulatorHost != null) {
            // The Java client ignores STORAGE_EMULATOR_HOST by itself, and without NoCredentials it would go
            // looking for Google credentials that an emulator neither has nor needs.
            options.setHost(withScheme(emulatorHost))
                    .setCredentials(NoCredentials.getInstance())
                    .setProjectId(config.googleCloudProject() != null ? config.googleCloudProject() : EMULATOR_PROJECT);
        } else if (config.googleCloudProject() != null) {
            options.setProjectId(config.googleCloudProject());
        }
        return options.build();
    }

    /**
     * Other GCS clients (Go, Python, gsutil) accept STORAGE_EMULATOR_HOST as a bare "host:port", but the Java
     * client joins the host into its request URLs verbatim and fails without a scheme; emulators speak plain HTTP.
     */
    static String withScheme(String emulatorHost) {
        String host = emulatorHost.trim();
        if (host.endsWith("/")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.contains("://") ? host : "http://" + host;
    }
}
