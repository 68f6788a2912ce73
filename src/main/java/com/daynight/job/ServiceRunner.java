package com.daynight.job;

import com.daynight.classify.DayNightClassifier;
import com.daynight.classify.ImageDecodeException;
import com.daynight.classify.Prediction;
import com.daynight.persistence.WorkQueue;
import com.daynight.persistence.WorkQueue.ResumePoint;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off one claimed service: lists the bucket's JPEGs, classifies them one after another and records
 * the results in batches, then finishes the service. Results already recorded by an earlier owner are
 * kept, so a service taken over after a crash resumes where it stopped.
 */
final class ServiceRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);
    /** Results are written at least this often, so progress moves and little is redone after a crash. */
    private static final int BATCH_SIZE = 25;
    private static final long BATCH_MILLIS = 1_000;

    private final WorkQueue queue;
    private final ImageStore store;
    private final DayNightClassifier classifier;
    private final String owner;

    ServiceRunner(WorkQueue queue, ImageStore store, DayNightClassifier classifier, String owner) {
        this.queue = queue;
        this.store = store;
        this.classifier = classifier;
        this.owner = owner;
    }

    /** What became of a run. */
    enum Outcome { FINISHED, FAILED, RELEASED, LOST }

    Outcome run(ServiceRecord service, Claim claim) throws SQLException {
        String id = service.serviceId();
        try {
            int total = countJpegs(service.bucket());
            if (!queue.setTotal(id, owner, total)) {
                return Outcome.LOST;
            }
            Outcome outcome = classifyAll(service, claim, queue.resumePoint(id));
            if (outcome == Outcome.FINISHED && !queue.finish(id, owner)) {
                return Outcome.LOST;
            }
            return outcome;
        } catch (BucketUnavailableException e) {
            log.info("service {} failed: {}", id, e.getMessage());
            return queue.fail(id, owner, e.getMessage()) ? Outcome.FAILED : Outcome.LOST;
        } catch (ResumeMismatch e) {
            log.info("service {}: the bucket changed since the last attempt; starting over", id);
            return queue.clearResults(id, owner) ? run(service, claim) : Outcome.LOST;
        }
    }

    /** A first pass over the listing gives the total for progress; it costs one request per 1,000 objects. */
    private int countJpegs(String bucket) {
        int count = 0;
        for (ImageObject ignored : store.listJpegs(bucket)) {
            count++;
        }
        return count;
    }

    private Outcome classifyAll(ServiceRecord service, Claim claim, ResumePoint resume) throws SQLException {
        String id = service.serviceId();
        Batch batch = new Batch(id, resume.done());
        int seq = 0;
        for (ImageObject image : store.listJpegs(service.bucket())) {
            if (seq < resume.done()) {
                if (seq == resume.done() - 1 && !image.name().equals(resume.lastImage())) {
                    throw new ResumeMismatch();
                }
                seq++;
                continue;
            }
            if (claim.isLost()) {
                return Outcome.LOST;
            }
            if (claim.isStopRequested()) {
                return batch.flush() && queue.release(id, owner) ? Outcome.RELEASED : Outcome.LOST;
            }
            if (seq == 0 && !queue.markStarted(id, owner)) {
                return Outcome.LOST;
            }
            batch.add(classify(service.bucket(), image));
            seq++;
            if (batch.isDue() && !batch.flush()) {
                return Outcome.LOST;
            }
        }
        if (seq < resume.done()) {
            throw new ResumeMismatch(); // the bucket lost objects since the last attempt
        }
        return batch.flush() ? Outcome.FINISHED : Outcome.LOST;
    }

    private ImageResult classify(String bucket, ImageObject image) {
        byte[] bytes;
        try {
            bytes = store.read(bucket, image.name());
        } catch (IOException e) {
            return ImageResult.failed(image.name(), "cannot read the object: " + e.getMessage());
        }
        try {
            Prediction prediction = classifier.classify(bytes);
            return ImageResult.classified(image.name(), prediction.label(), prediction.confidence());
        } catch (ImageDecodeException e) {
            return ImageResult.failed(image.name(), e.getMessage());
        } catch (RuntimeException e) {
            // One odd picture must not cost the user the rest of the bucket.
            log.warn("classifier failed on {}", image.name(), e);
            return ImageResult.failed(image.name(), "the classifier failed on this image");
        }
    }

    /** Results waiting to be written, starting at sequence number {@code nextSeq}. */
    private final class Batch {
        private final List<ImageResult> pending = new ArrayList<>();
        private final String id;
        private int nextSeq;
        private long lastFlush = System.nanoTime();

        Batch(String id, int nextSeq) {
            this.id = id;
            this.nextSeq = nextSeq;
        }

        void add(ImageResult result) {
            pending.add(result);
        }

        boolean isDue() {
            return pending.size() >= BATCH_SIZE || System.nanoTime() - lastFlush > BATCH_MILLIS * 1_000_000;
        }

        boolean flush() throws SQLException {
            lastFlush = System.nanoTime();
            if (pending.isEmpty()) {
                return true;
            }
            if (!queue.appendResults(id, owner, nextSeq, pending)) {
                return false;
            }
            nextSeq += pending.size();
            pending.clear();
            return true;
        }
    }

    private static final class ResumeMismatch extends RuntimeException {
        ResumeMismatch() {
            super(null, null, false, false);
        }
    }
}
