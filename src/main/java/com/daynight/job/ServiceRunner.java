package com.daynight.job;

import com.daynight.persistence.WorkQueue;
import com.daynight.persistence.WorkQueue.ResumePoint;
import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.daynight.storage.StorageUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off one claimed service: lists the bucket's JPEGs, classifies them through the pipeline and records
 * the results in listing order, in batches, then finishes the service. Results already recorded by an earlier owner are
 * kept, so a service taken over after a crash resumes where it stopped.
 */
final class ServiceRunner {

    private static final Logger log = LoggerFactory.getLogger(ServiceRunner.class);
    /** Results are written at least this often, so progress moves and little is redone after a crash. */
    private static final String BUCKET_UNAVAILABLE = BucketUnavailableException.USER_MESSAGE;
    private static final int BATCH_SIZE = 25;
    private static final long BATCH_MILLIS = 1_000;

    private final WorkQueue queue;
    private final ImageStore store;
    private final ImagePipeline pipeline;
    private final String owner;

    ServiceRunner(WorkQueue queue, ImageStore store, ImagePipeline pipeline, String owner) {
        this.queue = queue;
        this.store = store;
        this.pipeline = pipeline;
        this.owner = owner;
    }

    /** What became of a run. */
    enum Outcome { FINISHED, FAILED, RELEASED, POSTPONED, LOST }

    Outcome run(ServiceRecord service, Claim claim) throws SQLException {
        String id = service.serviceId();
        try {
            int total = countJpegs(service.bucket());
            if (!queue.setTotal(id, owner, total)) {
                return Outcome.LOST;
            }
            Outcome outcome = classifyAll(service, claim, queue.resumePoint(id));
            if (outcome == Outcome.FINISHED && !handBack(claim, () -> queue.finish(id, owner))) {
                return Outcome.LOST;
            }
            return outcome;
        } catch (BucketUnavailableException e) {
            // The real reason (missing, forbidden, the storage's own words naming the service account) goes to
            // the log only: users read one text for all, so a service tells nobody which buckets exist.
            log.info("service {} failed: {}", id, e.getMessage());
            return handBack(claim, () -> queue.fail(id, owner, BUCKET_UNAVAILABLE)) ? Outcome.FAILED : Outcome.LOST;
        } catch (StorageUnavailableException e) {
            // The results so far are saved (classifyAll); the service is tried again after a backoff.
            log.warn("service {}: {}; tried again later", id, e.getMessage());
            return handBack(claim, () -> queue.postpone(id, owner, e.getMessage())) ? Outcome.POSTPONED : Outcome.LOST;
        } catch (ResumeMismatch e) {
            log.info("service {}: the bucket changed since the last attempt; starting over", id);
            return queue.clearResults(id, owner) ? run(service, claim) : Outcome.LOST;
        }
    }

    /** A write that ends this owner's claim (finish, fail, postpone, release). */
    private interface ClaimEndingWrite {
        boolean run() throws SQLException;
    }

    /**
     * Says so on the claim before the write that clears it: a heartbeat that runs between that write and the
     * claim's removal finds the row no longer this owner's, and must not take the normal end for a lost claim.
     */
    private static boolean handBack(Claim claim, ClaimEndingWrite write) throws SQLException {
        claim.markHandingBack();
        return write.run();
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
        Iterator<ImageObject> images = store.listJpegs(service.bucket()).iterator();
        skipDone(images, resume);
        if (resume.done() == 0 && images.hasNext() && !queue.markStarted(id, owner)) {
            return Outcome.LOST;
        }
        Batch batch = new Batch(id, resume.done());
        ImagePipeline.Ending ending;
        try {
            ending = pipeline.run(service.bucket(), images,
                    result -> !claim.isLost() && batch.add(result), claim::isStopRequested);
        } catch (StorageUnavailableException e) {
            batch.flush(); // every image before the one storage failed on is kept
            throw e;
        }
        return switch (ending) {
            case COMPLETED -> batch.flush() ? Outcome.FINISHED : Outcome.LOST;
            case STOPPED -> batch.flush() && handBack(claim, () -> queue.release(id, owner))
                    ? Outcome.RELEASED : Outcome.LOST;
            case REFUSED -> Outcome.LOST;
        };
    }

    /** Passes over the images an earlier owner already classified, checking the listing still agrees. */
    private static void skipDone(Iterator<ImageObject> images, ResumePoint resume) {
        for (int seq = 0; seq < resume.done(); seq++) {
            if (!images.hasNext()) {
                throw new ResumeMismatch(); // the bucket lost objects since the last attempt
            }
            ImageObject image = images.next();
            if (seq == resume.done() - 1 && !resume.isLastImage(image.name())) {
                throw new ResumeMismatch();
            }
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

        /** Keeps one result, writing the batch when it is due; false when the claim was lost. */
        boolean add(ImageResult result) throws SQLException {
            pending.add(result);
            return !isDue() || flush();
        }

        boolean isDue() {
            return pending.size() >= BATCH_SIZE || System.nanoTime() - lastFlush > BATCH_MILLIS * 1_000_000;
        }

        boolean flush() throws SQLException {
            lastFlush = System.nanoTime();
            if (pending.isEmpty()) {
                return true;
            }
            try {
                if (!queue.appendResults(id, owner, nextSeq, pending)) {
                    return false;
                }
            } catch (SQLException e) {
                // Data the database refuses is handled row by row inside appendResults; this is the connection
                // or the server: the service is interrupted, and the next attempt redoes these results.
                log.warn("service {}: results {} to {} could not be written (first {}): {}", id, nextSeq,
                        nextSeq + pending.size() - 1, pending.get(0).image(), e.toString());
                throw e;
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
