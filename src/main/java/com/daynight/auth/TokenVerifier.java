package com.daynight.auth;

import com.daynight.config.AuthSettings;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a Google-signed token and names who it speaks for. Two kinds: Identity-Aware Proxy's assertion
 * (ES256, issuer https://cloud.google.com/iap) and a Google ID token (RS256, issuer accounts.google.com).
 * Signature (by a key of the kind's published set, fetched over HTTP and cached), issuer, audience and
 * expiry (one minute of clock skew) are all checked; anything else is refused. Thread-safe.
 */
public final class TokenVerifier {

    public enum Kind { IAP, GOOGLE_ID }

    static final String IAP_KEYS = "https://www.gstatic.com/iap/verify/public_key-jwk";
    static final String GOOGLE_ID_KEYS = "https://www.googleapis.com/oauth2/v3/certs";
    static final String IAP_ISSUER = "https://cloud.google.com/iap";
    static final Set<String> GOOGLE_ID_ISSUERS = Set.of("https://accounts.google.com", "accounts.google.com");
    static final int MAX_CLOCK_SKEW_SECONDS = 60;

    /** A slow key server must not hold requests long; a key set is a few kilobytes. */
    private static final int HTTP_TIMEOUT_MS = 3_000;
    private static final int KEY_SET_SIZE_LIMIT = 256 * 1024;

    private final DefaultJWTProcessor<SecurityContext> iap;
    private final DefaultJWTProcessor<SecurityContext> googleId;

    public TokenVerifier(String audience, JWKSource<SecurityContext> iapKeys, JWKSource<SecurityContext> idKeys) {
        this.iap = processor(audience, JWSAlgorithm.ES256, iapKeys);
        this.googleId = processor(audience, JWSAlgorithm.RS256, idKeys);
    }

    /** Google's key sets, or one set for both kinds when AUTH_JWKS_URL names it. */
    public static TokenVerifier forSettings(AuthSettings settings) {
        URL override = settings.jwksUrl();
        return new TokenVerifier(settings.audience(),
                remote(override != null ? override : url(IAP_KEYS)),
                remote(override != null ? override : url(GOOGLE_ID_KEYS)));
    }

    /** Cached for the builder's default time (five minutes), fetched again at once for a key ID not yet seen (rate-limited). */
    static JWKSource<SecurityContext> remote(URL url) {
        return JWKSourceBuilder.create(url, new DefaultResourceRetriever(HTTP_TIMEOUT_MS, HTTP_TIMEOUT_MS,
                KEY_SET_SIZE_LIMIT)).retrying(true).build();
    }

    /**
     * @return the verified principal: the e-mail address lower-cased, or the subject when the token has none
     * @throws InvalidTokenException with the reason (for the log only) when the token is not good
     */
    public String verify(Kind kind, String token) throws InvalidTokenException {
        JWTClaimsSet claims;
        try {
            claims = (kind == Kind.IAP ? iap : googleId).process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException("not a signed JWT: " + e.getMessage());
        } catch (KeySourceException e) {
            throw new InvalidTokenException("the key set could not be read: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
        String issuer = claims.getIssuer();
        boolean issuerOk = kind == Kind.IAP ? IAP_ISSUER.equals(issuer) : GOOGLE_ID_ISSUERS.contains(issuer);
        if (!issuerOk) {
            throw new InvalidTokenException("wrong issuer for a " + kind + " token: " + issuer);
        }
        return principal(claims);
    }

    private static String principal(JWTClaimsSet claims) throws InvalidTokenException {
        Object email = claims.getClaim("email");
        if (email instanceof String address && !address.isBlank()) {
            Object verified = claims.getClaim("email_verified");
            if (verified != null && !Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
                throw new InvalidTokenException("the token's e-mail address is not verified");
            }
            return address.trim().toLowerCase(Locale.ROOT);
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new InvalidTokenException("the token names nobody (no email, no sub)");
        }
        return subject;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(String audience, JWSAlgorithm algorithm,
                                                                  JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience, null,
                Set.of("iss", "exp", "iat", "sub"));
        claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a token was refused: for the log, never for the client. */
    public static final class InvalidTokenException extends Exception {
        public InvalidTokenException(String reason) {
            super(reason);
        }
    }
}
