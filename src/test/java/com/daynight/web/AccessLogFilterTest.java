package com.daynight.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AccessLogFilterTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLogFilter.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final HttpServletResponse response = mock(HttpServletResponse.class);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void oneLinePerRequestWithCloudLoggingsHttpRequest() throws Exception {
        when(response.getStatus()).thenReturn(202);

        new AccessLogFilter().doFilter(request("POST", "/services", null), response, mock(FilterChain.class));

        assertEquals(1, lines.list.size());
        ILoggingEvent line = lines.list.get(0);
        assertTrue(line.getFormattedMessage().matches("POST /services 202 \\d+ ms"), line.getFormattedMessage());
        Map<?, ?> http = httpRequest(line);
        assertEquals("POST", http.get("requestMethod"));
        assertEquals("/services", http.get("requestUrl"));
        assertEquals(202, http.get("status"));
        assertEquals("127.0.0.1", http.get("remoteIp"));
        assertEquals("curl/8.0", http.get("userAgent"));
        assertTrue(((String) http.get("latency")).matches("\\d+\\.\\d{6}s"), String.valueOf(http.get("latency")));
    }

    @Test
    void theQueryIsPartOfTheUrl() throws Exception {
        when(response.getStatus()).thenReturn(200);

        new AccessLogFilter().doFilter(request("GET", "/services", "userName=Ann&format=json"), response,
                mock(FilterChain.class));

        assertEquals("/services?userName=Ann&format=json", httpRequest(lines.list.get(0)).get("requestUrl"));
    }

    @Test
    void aRequestThatThrowsIsLoggedAsTheErrorTheClientGets() throws Exception {
        FilterChain chain = mock(FilterChain.class);
        HttpServletRequest request = request("GET", "/services/ABCDEFGH", null);
        doThrow(new ServletException("boom")).when(chain).doFilter(request, response);

        assertThrows(ServletException.class, () -> new AccessLogFilter().doFilter(request, response, chain));

        assertEquals(500, httpRequest(lines.list.get(0)).get("status"));
    }

    @Test
    void successfulProbesAndScrapesStayOutOfTheInfoLog() throws Exception {
        when(response.getStatus()).thenReturn(200);
        for (String path : List.of("/healthz", "/readyz", "/metrics")) {
            new AccessLogFilter().doFilter(request("GET", path, null), response, mock(FilterChain.class));
        }
        when(response.getStatus()).thenReturn(503);
        new AccessLogFilter().doFilter(request("GET", "/readyz", null), response, mock(FilterChain.class));

        assertEquals(1, lines.list.size(), "only the failed probe");
        assertEquals(503, httpRequest(lines.list.get(0)).get("status"));
    }

    private static HttpServletRequest request(String method, String uri, String query) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getQueryString()).thenReturn(query);
        when(request.getRemoteAddr()).thenReturn("127.0.0.1");
        when(request.getProtocol()).thenReturn("HTTP/1.1");
        when(request.getHeader("User-Agent")).thenReturn("curl/8.0");
        return request;
    }

    private static Map<?, ?> httpRequest(ILoggingEvent line) {
        return line.getKeyValuePairs().stream().filter(kv -> kv.key.equals("httpRequest"))
                .map(kv -> (Map<?, ?>) kv.value).findFirst().orElseThrow();
    }
}
