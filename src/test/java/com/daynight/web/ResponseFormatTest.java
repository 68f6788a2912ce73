package com.daynight.web;

import static com.daynight.web.ResponseFormat.CSV;
import static com.daynight.web.ResponseFormat.HTML;
import static com.daynight.web.ResponseFormat.JSON;
import static com.daynight.web.ResponseFormat.PLAIN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseFormatTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Set<ResponseFormat> ALL = EnumSet.allOf(ResponseFormat.class);

    @ParameterizedTest(name = "POST with Accept [{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                                                     | PLAIN",
        "''                                                       | PLAIN",
        "*/*                                                      | PLAIN",
        "text/*                                                   | PLAIN",
        "text/plain                                               | PLAIN",
        "image/png                                                | PLAIN",
        "application/json                                         | JSON",
        "Application/JSON; charset=utf-8                          | JSON",
        "application/json, */*;q=0.1                              | JSON",
        "text/html                                                | HTML",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML",
        "text/html;q=0.5, application/json                        | JSON",
        "application/json;q=0.4, text/html;q=0.6                  | HTML",
        "text/html, application/json;q=0                          | HTML",
        "application/json;q=0, */*                                | PLAIN",
        "text/plain;q=0.2, application/json;q=0.9                 | JSON",
        "text/html;q=0.3, text/plain                              | PLAIN",
        "garbage, application/json                                | JSON",
        "application/json;q=abc, text/html;q=0.1                  | HTML",
    })
    void submissionAnswerFollowsAccept(String accept, ResponseFormat expected) {
        assertEquals(expected, ResponseFormat.forSubmission(accept));
    }

    @ParameterizedTest(name = "GET with Accept [{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL                                       | HTML",
        "*/*                                        | HTML",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | HTML",
        "application/json                           | JSON",
        "application/json, text/html;q=0.9          | JSON",
        "application/json, text/html                | HTML",
        "text/html;q=0.1, application/*             | JSON",
        "text/csv                                   | HTML",
        "application/json;q=0, */*                  | HTML",
    })
    void lookupAnswerFollowsAccept(String accept, ResponseFormat expected) {
        assertEquals(expected, ResponseFormat.forLookup(null, accept, ALL));
    }

    @Test
    void formatParameterWinsOverAccept() {
        assertEquals(JSON, ResponseFormat.forLookup("json", BROWSER, ALL));
        assertEquals(CSV, ResponseFormat.forLookup("CSV", "application/json", ALL));
        assertEquals(HTML, ResponseFormat.forLookup(" html ", "application/json", ALL));
    }

    @Test
    void unknownOrUnofferedFormatFallsBackToAccept() {
        assertEquals(JSON, ResponseFormat.forLookup("xml", "application/json", ALL));
        assertEquals(HTML, ResponseFormat.forLookup("csv", BROWSER, EnumSet.of(HTML, JSON)));
        assertEquals(HTML, ResponseFormat.forLookup("", null, ALL));
    }

    @Test
    void mostSpecificRangeDecidesTheQuality() {
        AcceptHeader accept = AcceptHeader.parse("text/*;q=0.3, text/html;q=0.7, */*;q=0.1");
        assertEquals(0.7, accept.quality("text/html"));
        assertEquals(0.3, accept.quality("text/plain"));
        assertEquals(0.1, accept.quality("application/json"));
        assertEquals(PLAIN, ResponseFormat.forSubmission("text/html;q=0, text/*"));
    }
}
