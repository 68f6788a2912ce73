package com.daynight.submission;

import java.util.Optional;

/**
 * Whether a principal may have a bucket read by the service's account, asked before a submission is queued.
 * The account's rights are never lent to someone who lacks them.
 */
@FunctionalInterface
public interface BucketGate {

    /** Everyone, every bucket: AUTH=none, one person on their own machine. */
    BucketGate OPEN = (principal, bucket) -> Optional.empty();

    /**
     * @return why the bucket is refused, for the log only (users read one text for every reason), or empty
     * @throws com.daynight.storage.StorageUnavailableException when the storage cannot say now
     */
    Optional<String> refusal(String principal, String bucket);
}
