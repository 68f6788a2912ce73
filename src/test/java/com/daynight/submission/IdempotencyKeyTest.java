package com.daynight.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @Test
    void aUuidOrAnyVisibleTokenUpTo255IsAKey() {
        assertEquals("7f3c9e2a-1b4d-4c8e-9f00-123456789abc", IdempotencyKey.validated("7f3c9e2a-1b4d-4c8e-9f00-123456789abc"));
        assertEquals("x".repeat(255), IdempotencyKey.validated("x".repeat(255)));
        assertNull(IdempotencyKey.validated(null), "no key: an ordinary submission");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "tab\there", "caf\u00e9", "\u00ff"})
    void otherShapesAreRefusedNamingTheHeader(String key) {
        ValidationException e = assertThrows(ValidationException.class, () -> IdempotencyKey.validated(key));
        assertEquals("Idempotency-Key", e.field());
    }

    @Test
    void theHashCoversTheKeysWholeScopeAndNothingRunsTogether() {
        String hash = IdempotencyKey.scopedHash("k", "ann@example.com", "Ann", "holiday");
        assertEquals(64, hash.length());
        assertEquals(hash, IdempotencyKey.scopedHash("k", "ann@example.com", "Ann", "holiday"));
        assertNotEquals(hash, IdempotencyKey.scopedHash("k", "bob@example.com", "Ann", "holiday"));
        assertNotEquals(hash, IdempotencyKey.scopedHash("k", "ann@example.com", "Ann B", "holiday"));
        assertNotEquals(hash, IdempotencyKey.scopedHash("k", "ann@example.com", "Ann", "holiday2"));
        assertNotEquals(hash, IdempotencyKey.scopedHash("k2", "ann@example.com", "Ann", "holiday"));
        assertNotEquals(IdempotencyKey.scopedHash("k", "p", "ab", "c"), IdempotencyKey.scopedHash("k", "p", "a", "bc"));
        assertNotEquals(IdempotencyKey.scopedHash("k", null, "Ann", "b"), IdempotencyKey.scopedHash("k", "null", "Ann", "b"),
                "no principal is not the principal \"null\"");
    }
}
