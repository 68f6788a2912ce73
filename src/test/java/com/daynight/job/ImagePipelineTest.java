package com.daynight.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.Label;
import com.daynight.classify.Prediction;
import com.daynight.service.ImageResult;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ImagePipelineTest {

    private static final int MAX_IN_FLIGHT = 6;

    private final InMemoryImageStore store = new InMemoryImageStore();
    private final AtomicInteger holding = new AtomicInteger();
    private final AtomicInteger mostHeld = new AtomicInteger();
    private final ExecutorService downloads = Executors.newFixedThreadPool(8);
    private ClassifierPool classifiers;

    @AfterEach
    void stop() {
        downloads.shutdownNow();
        classifiers.close();
    }

    /** Images take random times to classify, so they finish out of order; each counts as held until handed on. */
    private ImagePipeline pipeline() throws Exception {
        DayNightClassifier classifier = mock(DayNightClassifier.class);
        when(classifier.copy()).thenReturn(classifier);
        when(classifier.classify(any())).thenAnswer(call -> {
            mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
            Thread.sleep(ThreadLocalRandom.current().nextInt(0, 5));
            return ((byte[]) call.getArgument(0))[0] == 1 ? new Prediction(Label.DAY, 0.9) : new Prediction(Label.NIGHT, 0.9);
        });
        classifiers = new ClassifierPool(classifier, 3);
        return new ImagePipeline(store, downloads, classifiers, MAX_IN_FLIGHT);
    }

    private List<ImageObject> bucket(int count) {
        for (int i = 0; i < count; i++) {
            store.put("b", String.format("%04d.jpg", i), new byte[] {(byte) (i % 2)});
        }
        return new ArrayList<>((List<ImageObject>) store.listJpegs("b"));
    }

    @Test
    void handsResultsOnInListingOrderWithABoundedNumberInFlight() throws Exception {
        List<ImageObject> images = bucket(300);
        List<ImageResult> results = new ArrayList<>();

        ImagePipeline.Ending ending = pipeline().run("b", images.iterator(), r -> {
            holding.decrementAndGet();
            return results.add(r);
        }, () -> false);

        assertEquals(ImagePipeline.Ending.COMPLETED, ending);
        assertEquals(300, results.size());
        for (int i = 0; i < 300; i++) {
            assertEquals(images.get(i).name(), results.get(i).image());
            assertEquals(i % 2 == 1 ? "day" : "night", results.get(i).result());
        }
        assertTrue(mostHeld.get() <= MAX_IN_FLIGHT, "held at most " + mostHeld.get());
        assertTrue(mostHeld.get() > 1, "classified in parallel: " + mostHeld.get());
    }

    @Test
    void anUnreadableObjectBecomesAnErrorEntryInItsPlace() throws Exception {
        List<ImageObject> images = bucket(20);
        store.makeUnreadable("0007.jpg");
        List<ImageResult> results = new ArrayList<>();
        pipeline().run("b", images.iterator(), r -> results.add(r), () -> false);
        assertEquals("error", results.get(7).result());
        String error = ((ImageResult.Failed) results.get(7)).error();
        assertTrue(error.startsWith("cannot read the object"), error);
        assertEquals(20, results.size());
    }

    @Test
    void aStopRequestFinishesTheImagesInFlightAndStops() throws Exception {
        List<ImageObject> images = bucket(200);
        List<ImageResult> results = new ArrayList<>();
        ImagePipeline.Ending ending = pipeline().run("b", images.iterator(), r -> results.add(r),
                () -> results.size() >= 50);
        assertEquals(ImagePipeline.Ending.STOPPED, ending);
        assertTrue(results.size() >= 50 && results.size() < 50 + MAX_IN_FLIGHT + 1, "handed on " + results.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(images.get(i).name(), results.get(i).image(), "no gap before the stop");
        }
    }

    @Test
    void aSinkThatRefusesEndsTheRun() throws Exception {
        List<ImageObject> images = bucket(50);
        AtomicInteger taken = new AtomicInteger();
        ImagePipeline.Ending ending = pipeline().run("b", images.iterator(), r -> taken.incrementAndGet() < 10,
                () -> false);
        assertEquals(ImagePipeline.Ending.REFUSED, ending);
        assertEquals(10, taken.get());
    }

    @Test
    void aBucketThatVanishesMidwayFailsTheRun() throws Exception {
        List<ImageObject> images = bucket(30);
        ImagePipeline pipeline = pipeline();
        InMemoryImageStore gone = new InMemoryImageStore() {
            @Override
            public byte[] read(String bucket, String objectName) {
                throw new BucketUnavailableException("access denied to bucket 'b'");
            }
        };
        ImagePipeline failing = new ImagePipeline(gone, downloads, classifiers, MAX_IN_FLIGHT);
        assertThrows(BucketUnavailableException.class,
                () -> failing.run("b", images.iterator(), r -> true, () -> false));
        assertEquals(ImagePipeline.Ending.COMPLETED, pipeline.run("b", images.iterator(), r -> true, () -> false));
    }

    @Test
    void anObjectOverTheSizeLimitGetsItsErrorWithoutBeingRead() throws Exception {
        List<ImageObject> images = bucket(10);
        store.put("b", "0005.jpg", new byte[5_000]);
        images.set(5, new ImageObject("0005.jpg", 5_000));
        pipeline();
        List<String> read = java.util.Collections.synchronizedList(new ArrayList<>());
        InMemoryImageStore watched = new InMemoryImageStore() {
            @Override
            public byte[] read(String bucket, String objectName) throws java.io.IOException {
                read.add(objectName);
                return store.read(bucket, objectName);
            }
        };
        ImagePipeline limited = new ImagePipeline(watched, downloads, classifiers, MAX_IN_FLIGHT, WorkMetrics.NONE,
                4_999, ByteBudget.unlimited());
        List<ImageResult> results = new ArrayList<>();
        limited.run("b", images.iterator(), r -> results.add(r), () -> false);
        assertEquals(10, results.size());
        assertEquals(ImageResult.failed("0005.jpg", "file too large: 5000 bytes, limit 4999"), results.get(5));
        assertTrue(!read.contains("0005.jpg") && read.size() == 9, "read: " + read);
    }

    @Test
    void theBytesInFlightStayWithinTheBudgetAndAnObjectLargerThanItGoesAlone() throws Exception {
        List<ImageObject> images = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int size = i == 20 ? 5_000 : 300; // one object larger than the whole budget
            byte[] bytes = new byte[size];
            bytes[0] = (byte) (i % 2);
            store.put("b", String.format("%04d.jpg", i), bytes);
            images.add(new ImageObject(String.format("%04d.jpg", i), size));
        }
        ByteBudget budget = new ByteBudget(1_000);
        java.util.concurrent.atomic.AtomicLong mostUsed = new java.util.concurrent.atomic.AtomicLong();
        AtomicInteger heldWithTheLarge = new AtomicInteger(-1);
        pipeline();
        InMemoryImageStore watched = new InMemoryImageStore() {
            @Override
            public byte[] read(String bucket, String objectName) throws java.io.IOException {
                mostUsed.accumulateAndGet(budget.used(), Math::max);
                if (objectName.equals("0020.jpg")) {
                    heldWithTheLarge.set((int) budget.used());
                }
                return store.read(bucket, objectName);
            }
        };
        ImagePipeline limited = new ImagePipeline(watched, downloads, classifiers, MAX_IN_FLIGHT, WorkMetrics.NONE,
                Long.MAX_VALUE, budget);
        List<ImageResult> results = new ArrayList<>();
        assertEquals(ImagePipeline.Ending.COMPLETED, limited.run("b", images.iterator(), r -> {
            holding.decrementAndGet();
            return results.add(r);
        }, () -> false));
        assertEquals(40, results.size());
        assertTrue(mostUsed.get() <= 1_000, "at most the budget: " + mostUsed.get());
        assertTrue(mostUsed.get() >= 600, "several small ones at once: " + mostUsed.get());
        assertEquals(1_000, heldWithTheLarge.get(), "the large one is charged the whole budget and goes alone");
        assertEquals(0, budget.used(), "everything given back");
        assertEquals("day", results.get(21).result());
    }
}
