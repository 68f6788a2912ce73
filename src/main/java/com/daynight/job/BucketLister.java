package com.daynight.job;

import com.daynight.persistence.ChunkListing;
import com.daynight.persistence.ChunkListing.ListingPoint;
import com.daynight.persistence.WorkQueue;
import com.daynight.service.ServiceRecord;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.daynight.storage.NameRange;
import com.daynight.storage.StorageUnavailableException;
import java.sql.SQLException;
import java.util.Iterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists one claimed service's bucket once, cutting a chunk every {@code chunkSize} JPEGs as the listing goes,
 * so any instance can start on the first chunks while the rest is listed; the service's total grows with each
 * cut. A chunk is [its first name, the next chunk's first name), which GCS lists as startOffset and endOffset.
 * A small bucket is one chunk, cut when the listing ends.
 */
final class BucketLister {

    private static final Logger log = LoggerFactory.getLogger(BucketLister.class);

    private final WorkQueue queue;
    private final ChunkListing listing;
    private final ImageStore store;
    private final String owner;
    private final int chunkSize;
    private final Runnable chunkCut;

    BucketLister(WorkQueue queue, ImageStore store, String owner, int chunkSize, Runnable chunkCut) {
        this.queue = queue;
        this.listing = queue.listing();
        this.store = store;
        this.owner = owner;
        this.chunkSize = chunkSize;
        this.chunkCut = chunkCut;
    }

    /** What became of a listing. */
    enum Outcome implements Claim.Outcome {
        LISTED, FINISHED, FAILED, RELEASED, POSTPONED, LOST;

        @Override
        public boolean finishedTheService() {
            return this == FINISHED;
        }
    }

    Outcome run(ServiceRecord service, Claim claim) throws SQLException {
        String id = service.serviceId();
        try {
            ListingPoint resume = listing.resume(id, owner);
            return resume == null ? Outcome.LOST : list(service, claim, resume);
        } catch (BucketUnavailableException e) {
            // The real reason (missing, forbidden, the storage's own words naming the service account) goes to
            // the log only: users read one text for all, so a service tells nobody which buckets exist.
            log.info("service {} failed: {}", id, e.getMessage());
            return claim.handBack(() -> queue.fail(id, owner, BucketUnavailableException.USER_MESSAGE))
                    ? Outcome.FAILED : Outcome.LOST;
        } catch (StorageUnavailableException e) {
            log.warn("service {}: {}; listing tried again later", id, e.getMessage());
            return claim.handBack(() -> queue.postpone(id, owner, e.getMessage())) ? Outcome.POSTPONED : Outcome.LOST;
        }
    }

    private Outcome list(ServiceRecord service, Claim claim, ListingPoint resume) throws SQLException {
        String id = service.serviceId();
        Iterator<ImageObject> names = store.listJpegs(service.bucket(), new NameRange(resume.from(), null)).iterator();
        int chunkNo = resume.nextChunk();
        String first = resume.from();
        int inChunk = 0;
        long listed = resume.listed();
        while (names.hasNext()) {
            if (claim.isLost()) {
                return Outcome.LOST;
            }
            if (claim.isStopRequested()) {
                return claim.handBack(() -> queue.release(id, owner)) ? Outcome.RELEASED : Outcome.LOST;
            }
            String name = names.next().name();
            if (inChunk == chunkSize) {
                if (!listing.cut(id, owner, chunkNo, first, name, listed)) {
                    return Outcome.LOST;
                }
                chunkCut.run();
                chunkNo++;
                first = name;
                inChunk = 0;
            }
            inChunk++;
            listed++;
        }
        int lastChunk = chunkNo;
        String lastFirst = first;
        int inLastChunk = inChunk;
        long total = listed;
        return switch (claim.handBack(() -> listing.end(id, owner, lastChunk, lastFirst, inLastChunk, total))) {
            case LISTED -> Outcome.LISTED;
            case SERVICE_FINISHED -> Outcome.FINISHED;
            case LOST -> Outcome.LOST;
        };
    }
}
