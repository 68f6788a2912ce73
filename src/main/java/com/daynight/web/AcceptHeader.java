package com.daynight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP Accept header (RFC 9110 section 12.5.1), reduced to what negotiation needs: media ranges with
 * their q-values. Written by hand because the Servlet API has no Accept negotiation and a web framework
 * just for this would be out of proportion to a service with a handful of routes.
 */
final class AcceptHeader {

    /** How well a range matched: the quality, and how specific the range was (2 exact, 1 type wildcard, 0 full wildcard). */
    record Match(double quality, int specificity) {
        static final Match NONE = new Match(0, -1);
    }

    private record Range(String type, String subtype, double quality) {
        int specificity() {
            return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
        }

        boolean covers(String otherType, String otherSubtype) {
            return (type.equals("*") || type.equals(otherType))
                    && (subtype.equals("*") || subtype.equals(otherSubtype));
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** A missing or blank header parses to no ranges at all, which callers treat as "no preference". */
    static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header != null) {
            for (String element : header.split(",")) {
                Range range = parseRange(element);
                if (range != null) {
                    ranges.add(range);
                }
            }
        }
        return new AcceptHeader(ranges);
    }

    /** The most specific range covering {@code mediaType} decides its quality, as the RFC says. */
    Match match(String mediaType) {
        String[] parts = mediaType.split("/", 2);
        Range best = null;
        for (Range range : ranges) {
            if (range.covers(parts[0], parts[1]) && (best == null || range.specificity() > best.specificity())) {
                best = range;
            }
        }
        return best == null ? Match.NONE : new Match(best.quality(), best.specificity());
    }

    double quality(String mediaType) {
        return match(mediaType).quality();
    }

    private static Range parseRange(String element) {
        String[] params = element.split(";");
        String[] type = params[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
        if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) {
            return null; // a malformed element is ignored rather than failing the whole request
        }
        double quality = 1.0;
        for (int i = 1; i < params.length; i++) {
            String[] param = params[i].trim().split("=", 2);
            if (param.length == 2 && param[0].trim().equalsIgnoreCase("q")) {
                quality = parseQuality(param[1].trim());
            }
        }
        return new Range(type[0], type[1], quality);
    }

    private static double parseQuality(String value) {
        try {
            double q = Double.parseDouble(value);
            return Double.isNaN(q) ? 0 : Math.max(0, Math.min(1, q));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
