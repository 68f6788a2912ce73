package com.daynight.web;

import java.util.Locale;
import java.util.Set;

/** The forms an answer can take, and the rules that pick one from a request (see the HTTP section of CONTRACT.md). */
public enum ResponseFormat {
    HTML("text/html"), JSON("application/json"), PLAIN("text/plain"), CSV("text/csv");

    private final String mediaType;

    ResponseFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /**
     * POST answers: the best of HTML and JSON by q-value; plain text otherwise. Ties go to the range that
     * named the type more specifically, then to plain text, so a bare wildcard (curl's Accept) and no Accept give plain.
     */
    public static ResponseFormat forSubmission(String accept) {
        AcceptHeader header = AcceptHeader.parse(accept);
        ResponseFormat best = PLAIN;
        AcceptHeader.Match bestMatch = header.match(PLAIN.mediaType);
        for (ResponseFormat candidate : new ResponseFormat[] {HTML, JSON}) {
            AcceptHeader.Match match = header.match(candidate.mediaType);
            if (match.quality() > bestMatch.quality()
                    || match.quality() == bestMatch.quality() && match.specificity() > bestMatch.specificity()) {
                best = candidate;
                bestMatch = match;
            }
        }
        return bestMatch.quality() > 0 ? best : PLAIN;
    }

    /**
     * GET answers: a {@code format} parameter naming an offered form wins; otherwise JSON when Accept prefers
     * it strictly over HTML, else HTML (a browser, a bare wildcard and no Accept all get the page).
     */
    public static ResponseFormat forLookup(String formatParameter, String accept, Set<ResponseFormat> offered) {
        ResponseFormat named = fromParameter(formatParameter);
        if (named != null && offered.contains(named)) {
            return named;
        }
        AcceptHeader header = AcceptHeader.parse(accept);
        boolean jsonPreferred = header.quality(JSON.mediaType) > header.quality(HTML.mediaType);
        return jsonPreferred && offered.contains(JSON) ? JSON : HTML;
    }

    /** Unknown values are ignored (Accept then decides) rather than refused: a stray parameter breaks nothing. */
    static ResponseFormat fromParameter(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "csv" -> CSV;
            case "html" -> HTML;
            default -> null;
        };
    }
}
