package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossSiteRequestFilterTest {

    @ParameterizedTest
    @CsvSource({
        "http://localhost:8080, localhost:8080, true",
        "http://LOCALHOST:8080, localhost:8080, true",
        "https://daynight.run.app, daynight.run.app, true",      // TLS ended by the proxy, Host kept
        "https://daynight.run.app:443, daynight.run.app, true",
        "http://example.com, example.com:80, true",
        "http://[::1]:8080, [::1]:8080, true",
        "http://evil.example, localhost:8080, false",
        "http://localhost:8081, localhost:8080, false",
        "http://localhost, localhost:8080, false",
        "https://daynight.run.app.evil.example, daynight.run.app, false",
        "null, localhost:8080, false",
        "file://, localhost:8080, false",
        "http://localhost:8080, '', false",
    })
    void theOriginMustNameTheHostTheRequestWasSentTo(String origin, String host, boolean same) {
        assertEquals(same, CrossSiteRequestFilter.sameAuthority(origin, host), origin + " vs " + host);
    }
}
