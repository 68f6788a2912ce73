package com.daynight.job;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.Prediction;
import com.daynight.service.ImageResult;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WORKERS threads that decode and classify, shared by every service this instance runs. Each thread has
 * its own copy of the classifier, because Weka's SMO keeps state while it predicts.
 */
public final class ClassifierPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClassifierPool.class);

    private final ExecutorService threads;
    private final ThreadLocal<DayNightClassifier> classifier;

    public ClassifierPool(DayNightClassifier model, int workers) {
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(workers, r -> new Thread(r, "classify-" + counter.incrementAndGet()));
        this.classifier = ThreadLocal.withInitial(model::copy);
    }

    ExecutorService executor() {
        return threads;
    }

    /** Runs on one of the pool's threads. */
    ImageResult classify(String image, byte[] jpeg) {
        try {
            Prediction prediction = classifier.get().classify(jpeg);
            return ImageResult.classified(image, prediction.label(), prediction.confidence());
        } catch (ImageDecodeException e) {
            return ImageResult.failed(image, e.getMessage());
        } catch (RuntimeException e) {
            // One odd picture must not cost the user the rest of the bucket.
            log.warn("classifier failed on {}", image, e);
            return ImageResult.failed(image, "the classifier failed on this image");
        } catch (OutOfMemoryError e) {
            // Left to propagate, it would fail the service, and every retry would meet the same picture until
            // the service is given up. The allocation that failed was most likely this picture's own pixels,
            // so the heap is usable again once they are dropped.
            log.warn("out of memory decoding {} ({} bytes)", image, jpeg.length);
            return ImageResult.failed(image, "not enough memory to decode this picture");
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
