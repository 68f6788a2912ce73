package com.daynight.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.daynight.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketRulesTest {

    private final BucketRules rules = BucketRules.parse("alice@example.com=photos-*,cams; @example.com=team-*");

    @Test
    void aPrincipalsOwnRuleAllowsItsNamesAndPrefixes() {
        assertTrue(rules.allows("alice@example.com", "photos-2024"));
        assertTrue(rules.allows("alice@example.com", "photos-"));
        assertTrue(rules.allows("alice@example.com", "cams"));
        assertFalse(rules.allows("alice@example.com", "cams2"), "a name without '*' matches only itself");
        assertFalse(rules.allows("alice@example.com", "photo"));
        assertFalse(rules.allows("alice@example.com", "my-photos-1"), "a glob matches from the start");
    }

    @Test
    void aDomainRuleCoversEveryAddressOfThatDomainOnly() {
        assertTrue(rules.allows("bob@example.com", "team-a"));
        assertTrue(rules.allows("alice@example.com", "team-a"));
        assertFalse(rules.allows("bob@example.com", "photos-1"));
        assertFalse(rules.allows("bob@notexample.com", "team-a"));
        assertFalse(rules.allows("bob@sub.example.com", "team-a"));
        assertFalse(rules.allows("example.com", "team-a"));
    }

    @Test
    void principalsCompareWithoutCase() {
        assertTrue(rules.allows("Alice@Example.COM", "cams"));
        assertTrue(BucketRules.parse("Alice@Example.com=cams").allows("alice@example.com", "cams"));
    }

    @Test
    void nothingIsAllowedWithoutARule() {
        BucketRules none = BucketRules.parse("");
        assertFalse(none.allows("alice@example.com", "photos-1"));
        assertFalse(none.allows("local", "anything"));
        assertFalse(rules.allows("carol@other.org", "cams"));
        assertFalse(rules.allows(null, "cams"));
    }

    @Test
    void aLoneStarAllowsEveryBucket() {
        assertTrue(BucketRules.parse("ops@example.com=*").allows("ops@example.com", "whatever"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com", "=photos", "alice@example.com=", "alice@example.com=a,,b",
            "alice@example.com=ph*otos", "alice=photos", "@=photos", "*@example.com=photos"})
    void malformedEntriesStopTheStart(String setting) {
        ConfigException e = assertThrows(ConfigException.class, () -> BucketRules.parse(setting));
        assertTrue(e.getMessage().startsWith("BUCKET_RULES entry"), e.getMessage());
    }
}
