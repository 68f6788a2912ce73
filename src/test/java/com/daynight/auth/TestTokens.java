package com.daynight.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Google's two token kinds, signed by keys made for the test: an RSA key (ID tokens, RS256) and an EC key
 * (IAP assertions, ES256) whose public halves make the published key set, and a stranger of each kind whose
 * keys are not in it. {@link #serve()} publishes the set over HTTP, as AUTH_JWKS_URL names it.
 */
public final class TestTokens implements AutoCloseable {

    public static final String AUDIENCE = "/projects/123/apps/daynight-test";

    private final RSAKey rsa;
    private final ECKey ec;
    private final RSAKey strangerRsa;
    private final ECKey strangerEc;
    private HttpServer server;

    public TestTokens() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
            // Same key IDs as the real ones: only the signature can tell them apart.
            strangerRsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            strangerEc = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JWKSet publicKeys() {
        return new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()));
    }

    /** Serves the key set on a free loopback port; returns its URL. */
    public String serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] body = publicKeys().toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/keys", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/keys";
    }

    /** A Google ID token for this e-mail address, valid for an hour. */
    public String idToken(String email) {
        return idToken(claims(email, "https://accounts.google.com", AUDIENCE, Duration.ofHours(1)).build());
    }

    public String idToken(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(), claims, rsaSigner(rsa));
    }

    public String idTokenByStranger(String email) {
        return sign(JWSAlgorithm.RS256, rsa.getKeyID(),
                claims(email, "https://accounts.google.com", AUDIENCE, Duration.ofHours(1)).build(),
                rsaSigner(strangerRsa));
    }

    /** An IAP assertion for this e-mail address, valid for ten minutes. */
    public String iapAssertion(String email) {
        return iapAssertion(claims(email, "https://cloud.google.com/iap", AUDIENCE, Duration.ofMinutes(10)).build());
    }

    public String iapAssertion(JWTClaimsSet claims) {
        return sign(JWSAlgorithm.ES256, ec.getKeyID(), claims, ecSigner(ec));
    }

    public String iapAssertionByStranger(String email) {
        return sign(JWSAlgorithm.ES256, ec.getKeyID(),
                claims(email, "https://cloud.google.com/iap", AUDIENCE, Duration.ofMinutes(10)).build(),
                ecSigner(strangerEc));
    }

    /** Claims as Google writes them; {@code lifetime} negative gives a token that expired that long ago. */
    public static JWTClaimsSet.Builder claims(String email, String issuer, String audience, Duration lifetime) {
        Instant now = Instant.now();
        Instant issued = lifetime.isNegative() ? now.plus(lifetime).minus(Duration.ofHours(1)) : now;
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("1000" + Math.abs((long) email.hashCode()))
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(now.plus(lifetime)))
                .claim("email", email)
                .claim("email_verified", true);
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims, JWSSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWSSigner ecSigner(ECKey key) {
        try {
            return new ECDSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings of a service that checks these tokens (name, value, ...). */
    public Map<String, String> env(String jwksUrl) {
        return Map.of("AUTH", "google", "AUTH_AUDIENCE", AUDIENCE, "AUTH_JWKS_URL", jwksUrl);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
