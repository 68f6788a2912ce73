package com.daynight.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.daynight.storage.BucketUnavailableException;
import com.daynight.storage.ImageStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule first (the storage is not even asked for a bucket the rules refuse), then a readable bucket. */
class BucketAccessTest {

    private final ImageStore store = mock(ImageStore.class);
    private final BucketAccess access = new BucketAccess(BucketRules.parse("alice@example.com=photos-*"), store);

    @Test
    void anAllowedReadableBucketPasses() {
        when(store.listJpegs("photos-1")).thenReturn(List.of());
        assertEquals(Optional.empty(), access.refusal("alice@example.com", "photos-1"));
    }

    @Test
    void aBucketNoRuleAllowsIsRefusedWithoutAskingTheStorage() {
        assertTrue(access.refusal("bob@example.com", "photos-1").isPresent());
        assertTrue(access.refusal("alice@example.com", "secret").isPresent());
        verifyNoInteractions(store);
    }

    @Test
    void aMissingOrForbiddenBucketIsRefusedWithItsReasonForTheLog() {
        when(store.listJpegs("photos-gone")).thenThrow(new BucketUnavailableException("bucket 'photos-gone' does not exist"));
        when(store.listJpegs("photos-locked")).thenThrow(new BucketUnavailableException(
                "access denied to bucket 'photos-locked': runner@p.iam.gserviceaccount.com does not have storage.objects.list"));
        assertEquals(Optional.of("bucket 'photos-gone' does not exist"), access.refusal("alice@example.com", "photos-gone"));
        assertTrue(access.refusal("alice@example.com", "photos-locked").orElseThrow().startsWith("access denied"));
    }
}
