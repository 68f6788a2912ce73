package com.daynight.job;

import com.daynight.persistence.ChunkQueue;
import com.daynight.persistence.ChunkQueue.ChunkClaim;
import com.daynight.service.ImageResult;
import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageObject;
import com.daynight.storage.ImageStore;
import com.daynight.storage.NameRange;
import com.daynight.storage.StorageUnavailableException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works off one claimed chunk: lists its range of names (after the last one an earlier owner recorded, so
 * nothing done is listed again), classifies them through the pipeline and records the results in listing
 * order, in batches, each with how far the chunk got. The instance completing a service's last chunk
 * finishes the service (ChunkQueue.complete).
 */
final class ChunkRunner {

    private static final Logger log = LoggerFactory.getLogger(ChunkRunner.class);
    /** Results are written at least this often, so progress moves and little is redone after a crash. */
    private static final int BATCH_SIZE = 25;
    private static final long BATCH_MILLIS = 1_000;

    private final ChunkQueue chunks;
    private final ImageStore store;
    private final ImagePipeline pipeline;

    ChunkRunner(ChunkQueue chunks, ImageStore store, ImagePipeline pipeline) {
        this.chunks = chunks;
        this.store = store;
        this.pipeline = pipeline;
    }

    /** What became of a chunk. */
    enum Outcome implements Claim.Outcome {
        DONE, FINISHED, FAILED, RELEASED, POSTPONED, LOST;

        @Override
        public boolean finishedTheService() {
            return this == FINISHED;
        }
    }

    Outcome run(ChunkClaim chunk, Claim claim) throws SQLException {
        Batch batch = new Batch(chunk);
        try {
            String from = chunk.lastDone() != null ? chunk.lastDone() : chunk.first();
            Iterator<ImageObject> images = store.listJpegs(chunk.bucket(), new NameRange(from, chunk.endBefore()))
                    .iterator();
            Iterator<ImageObject> rest = chunk.lastDone() == null ? images : after(chunk.lastDone(), images);
            ImagePipeline.Ending ending = pipeline.run(chunk.bucket(), rest,
                    result -> !claim.isLost() && batch.add(result), claim::isStopRequested);
            return switch (ending) {
                case COMPLETED -> batch.flush()
                        ? completed(claim.handBack(() -> chunks.complete(chunk))) : Outcome.LOST;
                case STOPPED -> batch.flush() && claim.handBack(() -> chunks.release(chunk))
                        ? Outcome.RELEASED : Outcome.LOST;
                case REFUSED -> Outcome.LOST;
            };
        } catch (BucketUnavailableException e) {
            log.info("service {} failed: {}", chunk.serviceId(), e.getMessage());
            return claim.handBack(() -> chunks.failService(chunk, BucketUnavailableException.USER_MESSAGE))
                    ? Outcome.FAILED : Outcome.LOST;
        } catch (StorageUnavailableException e) {
            // Every image before the one storage failed on is kept; the chunk is tried again after a backoff.
            log.warn("service {} chunk {}: {}; tried again later", chunk.serviceId(), chunk.chunkNo(), e.getMessage());
            return batch.flush() && claim.handBack(() -> chunks.postpone(chunk, e.getMessage()))
                    ? Outcome.POSTPONED : Outcome.LOST;
        }
    }

    private static Outcome completed(ChunkQueue.Completion completion) {
        return switch (completion) {
            case DONE -> Outcome.DONE;
            case SERVICE_FINISHED -> Outcome.FINISHED;
            case LOST -> Outcome.LOST;
        };
    }

    /** The listing starts at the last name done (GCS's startOffset is inclusive): that one is passed over. */
    private static Iterator<ImageObject> after(String lastDone, Iterator<ImageObject> images) {
        NameRange fromLastDone = new NameRange(lastDone, null);
        return new Iterator<>() {
            private ImageObject next;

            @Override
            public boolean hasNext() {
                while (next == null && images.hasNext()) {
                    ImageObject image = images.next();
                    if (fromLastDone.contains(image.name()) && !image.name().equals(lastDone)) {
                        next = image;
                    }
                }
                return next != null;
            }

            @Override
            public ImageObject next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ImageObject image = next;
                next = null;
                return image;
            }
        };
    }

    /** Results waiting to be written, starting at index {@code nextIndex} of the chunk. */
    private final class Batch {
        private final List<ImageResult> pending = new ArrayList<>();
        private final ChunkClaim chunk;
        private int nextIndex;
        private long lastFlush = System.nanoTime();

        Batch(ChunkClaim chunk) {
            this.chunk = chunk;
            this.nextIndex = chunk.done();
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
                if (!chunks.appendResults(chunk, nextIndex, pending)) {
                    return false;
                }
            } catch (SQLException e) {
                // Data the database refuses is handled row by row inside appendResults; this is the connection
                // or the server: the chunk is interrupted, and the next owner redoes these results.
                log.warn("service {} chunk {}: results {} to {} could not be written (first {}): {}",
                        chunk.serviceId(), chunk.chunkNo(), nextIndex, nextIndex + pending.size() - 1,
                        pending.get(0).image(), e.toString());
                throw e;
            }
            nextIndex += pending.size();
            pending.clear();
            return true;
        }
    }
}
