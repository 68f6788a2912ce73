package com.daynight.submission;

import com.daynight.persistence.QueueAdmission;
import com.daynight.storage.StorageUnavailableException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a submission: validates it, draws a fresh ServiceID and inserts the queued row.
 * Nothing else happens on the request's path; workers claim the row from the database.
 */
public class SubmissionService {

    /** 36^8 ids make a collision rare; a few retries make a failure to find a free one practically impossible. */
    static final int MAX_ID_ATTEMPTS = 5;

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final QueueAdmission admission;
    private final Function<String, Optional<String>> bucketNameProblem;
    private final BucketGate bucketGate;
    private final Supplier<String> ids;
    private final Runnable onSubmitted;

    /**
     * @param bucketNameProblem the image store's bucket naming rules ({@code ImageStore::bucketNameProblem})
     * @param onSubmitted called after each insert, so this instance's idle workers look at the queue at once
     */
    public SubmissionService(QueueAdmission admission, Function<String, Optional<String>> bucketNameProblem,
                             Supplier<String> ids, Runnable onSubmitted) {
        this(admission, bucketNameProblem, BucketGate.OPEN, ids, onSubmitted);
    }

    /** @param bucketGate who may have which bucket read (BUCKET_RULES, then whether the bucket can be read) */
    public SubmissionService(QueueAdmission admission, Function<String, Optional<String>> bucketNameProblem,
                             BucketGate bucketGate, Supplier<String> ids, Runnable onSubmitted) {
        this.admission = admission;
        this.bucketNameProblem = bucketNameProblem;
        this.bucketGate = bucketGate;
        this.ids = ids;
        this.onSubmitted = onSubmitted;
    }

    /**
     * @param principal the verified submitter, who will own the service
     * @return the new ServiceID
     * @throws ValidationException when a field breaks its rule ({@link BucketRefusedException}: the bucket is
     *         missing, forbidden or not the submitter's to read)
     * @throws UserQueueFullException when the submitter has their limit of queued services already
     * @throws ServiceUnavailableException when the database cannot be reached or the queue is full
     */
    public String submit(String principal, String userName, String bucket) {
        return submit(principal, userName, bucket, null);
    }

    /**
     * As {@link #submit(String, String, String)}; a submission with an {@code idempotencyKey} (null: none) that
     * repeats an earlier one of the same principal, user name and bucket answers that one's ServiceID and
     * queues nothing. The bucket is taken as {@link BucketInput#normalised} makes it.
     */
    public String submit(String principal, String userName, String typedBucket, String idempotencyKey) {
        String bucket = BucketInput.normalised(typedBucket);
        SubmissionValidator.validate(userName, bucket, bucketNameProblem);
        String key = IdempotencyKey.validated(idempotencyKey);
        String keyHash = key == null ? null : IdempotencyKey.scopedHash(key, principal, userName, bucket);
        Optional<String> refusal;
        try {
            refusal = principal == null ? Optional.of("no verified principal") : bucketGate.refusal(principal, bucket);
        } catch (StorageUnavailableException e) {
            throw new ServiceUnavailableException("the storage is not answering", e);
        }
        if (refusal.isPresent()) {
            log.info("bucket '{}' refused to {}: {}", bucket, principal, refusal.get());
            throw new BucketRefusedException();
        }
        try {
            for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
                String id = ids.get();
                QueueAdmission.Admission admitted = key == null
                        ? new QueueAdmission.Admission(admission.admit(id, userName, bucket, principal), id)
                        : admission.admit(id, userName, bucket, principal, keyHash);
                switch (admitted.outcome()) {
                    case QUEUED -> {
                        onSubmitted.run();
                        return id;
                    }
                    case REPEATED -> {
                        log.info("a repeated submission (same {}) answered with service {}", IdempotencyKey.HEADER,
                                admitted.serviceId());
                        return admitted.serviceId();
                    }
                    case QUEUE_FULL -> throw new ServiceUnavailableException(
                            "the queue is full (" + admission.limit() + " services wait)", null);
                    case USER_QUEUE_FULL -> throw new UserQueueFullException(admission.userLimit());
                    case ID_TAKEN -> {
                        // drawn again
                    }
                }
            }
        } catch (SQLException e) {
            throw new ServiceUnavailableException("the database cannot be reached", e);
        }
        throw new ServiceUnavailableException("no free ServiceID after " + MAX_ID_ATTEMPTS + " attempts", null);
    }
}
