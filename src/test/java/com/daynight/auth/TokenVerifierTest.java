package com.daynight.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.daynight.auth.TokenVerifier.InvalidTokenException;
import com.daynight.auth.TokenVerifier.Kind;
import com.daynight.config.AuthSettings;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every check of a token must be able to refuse it on its own; a good token names its e-mail address. */
class TokenVerifierTest {

    private static final String ID_ISSUER = "https://accounts.google.com";
    private static final String IAP_ISSUER = "https://cloud.google.com/iap";

    private final TestTokens tokens = new TestTokens();
    private final TokenVerifier verifier = new TokenVerifier(TestTokens.AUDIENCE,
            new ImmutableJWKSet<SecurityContext>(tokens.publicKeys()),
            new ImmutableJWKSet<SecurityContext>(tokens.publicKeys()));

    private void refused(Kind kind, String token) {
        assertThrows(InvalidTokenException.class, () -> verifier.verify(kind, token));
    }

    @Test
    void aGoodIdTokenNamesItsAddressLowerCased() throws Exception {
        assertEquals("alice@example.com", verifier.verify(Kind.GOOGLE_ID, tokens.idToken("Alice@Example.com")));
    }

    @Test
    void aGoodIapAssertionNamesItsAddress() throws Exception {
        assertEquals("bob@example.com", verifier.verify(Kind.IAP, tokens.iapAssertion("bob@example.com")));
    }

    @Test
    void theShortIssuerOfIdTokensIsGoodToo() throws Exception {
        assertEquals("a@example.com", verifier.verify(Kind.GOOGLE_ID, tokens.idToken(
                TestTokens.claims("a@example.com", "accounts.google.com", TestTokens.AUDIENCE, Duration.ofHours(1))
                        .build())));
    }

    @Test
    void anExpiredTokenIsRefused() {
        refused(Kind.GOOGLE_ID, tokens.idToken(
                TestTokens.claims("a@example.com", ID_ISSUER, TestTokens.AUDIENCE, Duration.ofMinutes(-5)).build()));
        refused(Kind.IAP, tokens.iapAssertion(
                TestTokens.claims("a@example.com", IAP_ISSUER, TestTokens.AUDIENCE, Duration.ofMinutes(-5)).build()));
    }

    @Test
    void aTokenJustPastItsExpiryPassesWithinTheClockSkew() throws Exception {
        assertEquals("a@example.com", verifier.verify(Kind.GOOGLE_ID, tokens.idToken(
                TestTokens.claims("a@example.com", ID_ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(-20)).build())));
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refused(Kind.GOOGLE_ID, tokens.idToken(
                TestTokens.claims("a@example.com", ID_ISSUER, "another-service", Duration.ofHours(1)).build()));
        refused(Kind.IAP, tokens.iapAssertion(
                TestTokens.claims("a@example.com", IAP_ISSUER, "another-service", Duration.ofHours(1)).build()));
    }

    @Test
    void aTokenSignedByAKeyOutsideTheSetIsRefused() {
        refused(Kind.GOOGLE_ID, tokens.idTokenByStranger("a@example.com"));
        refused(Kind.IAP, tokens.iapAssertionByStranger("a@example.com"));
    }

    @Test
    void theIssuerMustBeTheKindsOwn() {
        refused(Kind.GOOGLE_ID, tokens.idToken(
                TestTokens.claims("a@example.com", IAP_ISSUER, TestTokens.AUDIENCE, Duration.ofHours(1)).build()));
        refused(Kind.IAP, tokens.iapAssertion(
                TestTokens.claims("a@example.com", ID_ISSUER, TestTokens.AUDIENCE, Duration.ofHours(1)).build()));
        refused(Kind.GOOGLE_ID, tokens.idToken(
                TestTokens.claims("a@example.com", "https://evil.example", TestTokens.AUDIENCE, Duration.ofHours(1))
                        .build()));
    }

    @Test
    void eachKindOnlyTakesItsOwnAlgorithm() {
        refused(Kind.IAP, tokens.idToken("a@example.com")); // RS256 where ES256 is due
        refused(Kind.GOOGLE_ID, tokens.iapAssertion("a@example.com"));
    }

    @Test
    void anUnverifiedAddressIsRefused() {
        refused(Kind.GOOGLE_ID, tokens.idToken(TestTokens.claims("a@example.com", ID_ISSUER, TestTokens.AUDIENCE,
                Duration.ofHours(1)).claim("email_verified", false).build()));
    }

    @Test
    void withoutAnAddressTheSubjectIsThePrincipal() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(TestTokens.claims("x@example.com", ID_ISSUER,
                TestTokens.AUDIENCE, Duration.ofHours(1)).build()).claim("email", null).claim("email_verified", null)
                .subject("110169484474386276334").build();
        assertEquals("110169484474386276334", verifier.verify(Kind.GOOGLE_ID, tokens.idToken(claims)));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        refused(Kind.GOOGLE_ID, tokens.idToken(new JWTClaimsSet.Builder(TestTokens.claims("a@example.com", ID_ISSUER,
                TestTokens.AUDIENCE, Duration.ofHours(1)).build()).expirationTime(null).build()));
    }

    @Test
    void garbageAndUnsignedTokensAreRefused() {
        refused(Kind.GOOGLE_ID, "not-a-token");
        refused(Kind.GOOGLE_ID, "");
        String unsigned = new com.nimbusds.jwt.PlainJWT(TestTokens.claims("a@example.com", ID_ISSUER,
                TestTokens.AUDIENCE, Duration.ofHours(1)).build()).serialize();
        refused(Kind.GOOGLE_ID, unsigned);
        String good = tokens.idToken("a@example.com");
        refused(Kind.GOOGLE_ID, good.substring(0, good.length() - 4) + "AAAA"); // signature altered
    }

    @Test
    void keysAreFetchedFromTheUrlTheSettingNames() throws Exception {
        String url = tokens.serve();
        try {
            TokenVerifier remote = TokenVerifier.forSettings(new AuthSettings(AuthSettings.Mode.GOOGLE,
                    TestTokens.AUDIENCE, URI.create(url).toURL(), Set.of(), "", 10));
            assertEquals("a@example.com", remote.verify(Kind.GOOGLE_ID, tokens.idToken("a@example.com")));
            assertEquals("b@example.com", remote.verify(Kind.IAP, tokens.iapAssertion("b@example.com")));
            assertThrows(InvalidTokenException.class,
                    () -> remote.verify(Kind.GOOGLE_ID, tokens.idTokenByStranger("a@example.com")));
        } finally {
            tokens.close();
        }
    }
}
