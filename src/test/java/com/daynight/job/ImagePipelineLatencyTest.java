package com.daynight.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.Label;
import com.daynight.classify.Prediction;
import com.daynight.service.ImageResult;
import com.daynight.storage.DelayedImageStore;
import com.daynight.storage.FakeGcsServer;
import com.daynight.storage.GcsImageStore;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The store's latency, added by a test double (a store that sleeps per read, or the fake GCS server answering
 * late), must be hidden by more downloads at once, never by giving up order or the byte budget.
 */
class ImagePipelineLatencyTest {

    private static final int WORKERS = 2;
    private static final int MIN_IN_FLIGHT = 4 * WORKERS;

    private final ExecutorService downloads = DownloadThreads.pool();
    private ClassifierPool classifiers;

    @AfterEach
    void stop() {
        downloads.shutdownNow();
        if (classifiers != null) {
            classifiers.close();
        }
    }

    /** A classifier that takes 2 ms a picture and says day for pictures whose first byte is 1. */
    private ClassifierPool classifiers() throws Exception {
        DayNightClassifier classifier = mock(DayNightClassifier.class);
        when(classifier.copy()).thenReturn(classifier);
        when(classifier.classify(any())).thenAnswer(call -> {
            Thread.sleep(2);
            return ((byte[]) call.getArgument(0))[0] == 1 ? new Prediction(Label.DAY, 0.9) : new Prediction(Label.NIGHT, 0.9);
        });
        classifiers = new ClassifierPool(classifier, WORKERS);
        return classifiers;
    }

    private static InMemoryImageStore bucket(int count, int bytesEach) {
        InMemoryImageStore store = new InMemoryImageStore();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[bytesEach];
            bytes[0] = (byte) (i % 2);
            store.put("b", String.format("%04d.jpg", i), bytes);
        }
        return store;
    }

    /** Runs the bucket through an adaptive pipeline; checks every picture came once, in listing order. */
    private ImagePipeline runAll(ImageStore store, String bucket, ByteBudget budget) throws Exception {
        List<ImageObject> images = new ArrayList<>();
        store.listJpegs(bucket).forEach(images::add);
        ImagePipeline pipeline = new ImagePipeline(store, downloads, classifiers(), MIN_IN_FLIGHT, WorkMetrics.NONE,
                Long.MAX_VALUE, budget);
        List<ImageResult> results = new ArrayList<>();
        assertEquals(ImagePipeline.Ending.COMPLETED, pipeline.run(bucket, images.iterator(), results::add, () -> false));
        assertEquals(images.size(), results.size(), "every picture once");
        for (int i = 0; i < images.size(); i++) {
            assertEquals(images.get(i).name(), results.get(i).image(), "listing order at " + i);
            assertEquals(i % 2 == 1 ? "day" : "night", results.get(i).result(), images.get(i).name());
        }
        return pipeline;
    }

    @ParameterizedTest(name = "{0} ms per read")
    @ValueSource(ints = {0, 100})
    void aSlowStoreGetsManyDownloadsAtOnceAndEveryPictureOnceInOrder(int millis) throws Exception {
        ImageStore store = new DelayedImageStore(bucket(600, 100), Duration.ofMillis(millis));

        ImagePipeline pipeline = runAll(store, "b", ByteBudget.unlimited());

        int most = pipeline.mostDownloadsAtOnce();
        if (millis == 0) {
            assertTrue(most <= MIN_IN_FLIGHT, "no more than the floor when reads are instant: " + most);
        } else {
            assertTrue(most >= 32, "many reads at once behind 100 ms: " + most);
        }
    }

    @ParameterizedTest(name = "{0} ms per request")
    @ValueSource(ints = {0, 100})
    void theRealGcsClientBehindASlowServerToo(int millis) throws Exception {
        try (FakeGcsServer server = FakeGcsServer.start()) {
            server.generateBucket("slow", 400, List.of(new byte[] {0, 9, 9}, new byte[] {1, 9, 9}));
            server.delayEveryRequest(Duration.ofMillis(millis));
            GcsImageStore store = new GcsImageStore(StorageOptions.newBuilder().setHost(server.baseUrl())
                    .setProjectId("daynight-test").setCredentials(NoCredentials.getInstance()).build().getService(),
                    GcsImageStore.MAX_PAGE_SIZE);

            ImagePipeline pipeline = runAll(store, "slow", ByteBudget.unlimited());

            if (millis > 0) {
                assertTrue(pipeline.mostDownloadsAtOnce() >= 32, "downloads at once: " + pipeline.mostDownloadsAtOnce());
                assertTrue(server.mostRequestsAtOnce() >= 32, "requests at once: " + server.mostRequestsAtOnce());
            }
        }
    }

    @Test
    void theByteBudgetStillBoundsAWindowThatLatencyWidens() throws Exception {
        ImageStore store = new DelayedImageStore(bucket(200, 1_000), Duration.ofMillis(50));

        ImagePipeline pipeline = runAll(store, "b", new ByteBudget(10_000));

        assertTrue(pipeline.mostDownloadsAtOnce() <= 10, "ten objects' bytes at most: " + pipeline.mostDownloadsAtOnce());
    }
}
