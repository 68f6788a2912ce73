package com.daynight.persistence;

import java.util.Objects;

/**
 * Which of a service's results a page shows: those of one answer or all, in one order, one page of them. Built
 * from the page's parameters, but holding only values the statement binds or picks from a fixed list: the
 * order's columns come from {@link Order}, never from the request.
 *
 * @param result     "day", "night" or "error"; null for every result
 * @param order      what the results are sorted by
 * @param descending the order reversed (ties too, so a page's neighbours are the reverse ones)
 * @param offset     how many results of this order come before the page (bounded by the caller)
 * @param limit      the page's size
 */
public record ResultQuery(String result, Order order, boolean descending, int offset, int limit) {

    /** The sort keys a page offers; each ends with Seq, so that every order is total and pages never overlap. */
    public enum Order {
        LISTING("Seq"),
        NAME("Image", "Seq"),
        RESULT("Result", "Seq"),
        CONFIDENCE("Confidence", "Seq");

        private final String[] columns;

        Order(String... columns) {
            this.columns = columns;
        }

        String orderBy(boolean descending) {
            String direction = descending ? " DESC" : "";
            return String.join(direction + ", ", columns) + direction;
        }
    }

    public ResultQuery {
        Objects.requireNonNull(order, "order");
        if (offset < 0 || limit < 1) {
            throw new IllegalArgumentException("offset must be >= 0 and limit >= 1");
        }
    }
}
