package com.daynight.auth;

import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageStore;
import com.daynight.submission.BucketGate;
import java.util.Optional;

/**
 * AUTH=google's bucket gate: a bucket is read for a principal only when BUCKET_RULES allows it, and only when
 * the service's account can read it now (its first listing page), so that a missing, a forbidden and a
 * not-allowed bucket are all refused at submission, alike, rather than some later as a failed service.
 */
public final class BucketAccess implements BucketGate {

    private final BucketRules rules;
    private final ImageStore store;

    public BucketAccess(BucketRules rules, ImageStore store) {
        this.rules = rules;
        this.store = store;
    }

    @Override
    public Optional<String> refusal(String principal, String bucket) {
        if (!rules.allows(principal, bucket)) {
            return Optional.of("no BUCKET_RULES entry allows it");
        }
        try {
            store.listJpegs(bucket).iterator().hasNext();
            return Optional.empty();
        } catch (BucketUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }
}
