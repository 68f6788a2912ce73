package com.daynight.web;

import com.daynight.persistence.ResultQuery;
import com.daynight.persistence.ResultQuery.Order;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the service page lists results, read from its parameters: {@code view} (gallery or table), {@code show}
 * (the filter), {@code sort} and {@code order}, {@code page} and {@code size}. Each value is checked against a
 * fixed list or range; one that is not is replaced by its default and named in a notice the page shows. The
 * page's links are made here, so that each carries every other choice.
 */
public final class ResultListing {

    static final int MAX_SIZE = 500;
    static final int GALLERY_SIZE = 48;
    static final int TABLE_SIZE = 100;
    /** Offsets grow with the page; past this many results the database's offset gets slow, so pages stop. */
    static final int MAX_OFFSET = 1_000_000;
    /** A page or size of more digits than MAX_OFFSET has is out of range (and is not parsed). */
    private static final int MAX_OFFSET_DIGITS = Integer.toString(MAX_OFFSET).length();

    private final String path;
    private final boolean gallery;
    private final boolean defaultView;
    private final ResultFilter filter;
    private final Order order;
    private final boolean descending;
    private final int size;
    private int page;
    private final List<String> notices = new ArrayList<>();

    private ResultListing(HttpServletRequest req, String path, boolean running) {
        this.path = path;
        String view = req.getParameter("view");
        String wanted = view == null ? "" : view.trim().toLowerCase(Locale.ROOT);
        if (!wanted.isEmpty() && !wanted.equals("gallery") && !wanted.equals("table")) {
            notices.add("view=" + view + " is not a view: showing the " + (running ? "table" : "gallery")
                    + ". Choose gallery or table.");
            wanted = "";
        }
        defaultView = wanted.isEmpty();
        gallery = defaultView ? !running : wanted.equals("gallery");
        String show = req.getParameter("show");
        filter = ResultFilter.fromParameter(show).orElseGet(() -> {
            notices.add("show=" + show + " is not a filter: showing all results. Choose all, day, night or errors.");
            return ResultFilter.ALL;
        });
        order = orderOf(req.getParameter("sort"));
        String direction = req.getParameter("order");
        descending = "desc".equalsIgnoreCase(direction == null ? "" : direction.trim());
        if (direction != null && !descending && !"asc".equalsIgnoreCase(direction.trim())) {
            notices.add("order=" + direction + " is not an order: ascending. Choose asc or desc.");
        }
        size = number(req.getParameter("size"), "size", gallery ? GALLERY_SIZE : TABLE_SIZE, MAX_SIZE,
                "the number of results a page shows");
        page = number(req.getParameter("page"), "page", 1, MAX_OFFSET, "the page's number, 1 for the first");
    }

    /** The page's choices for the service at {@code path}; a running service opens on its growing table. */
    static ResultListing of(HttpServletRequest req, String path, boolean running) {
        return new ResultListing(req, path, running);
    }

    private Order orderOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return Order.LISTING;
        }
        for (Order candidate : Order.values()) {
            if (candidate.name().equalsIgnoreCase(sort.trim())) {
                return candidate;
            }
        }
        notices.add("sort=" + sort + " is not a sort: in the bucket's order. Choose listing, name, result or confidence.");
        return Order.LISTING;
    }

    private int number(String value, String name, int fallback, int max, String meaning) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String digits = value.trim();
        if (digits.length() <= MAX_OFFSET_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = Integer.parseInt(digits);
            if (n >= 1 && n <= max) {
                return n;
            }
        }
        notices.add(name + "=" + value + " is not " + meaning + " (1 to " + max + "): " + fallback + " instead.");
        return fallback;
    }

    /** Keeps the page within the results the filter matches: a page past the last shows the last, and says so. */
    ResultQuery query(long matching) {
        int pages = pageCount(matching, size, MAX_OFFSET / size);
        if (page > pages) {
            notices.add("there is no page " + page + ": " + (pages == 1 ? "there is one" : "there are " + pages) + ".");
            page = pages;
        }
        return new ResultQuery(filter.result(), order, descending, (page - 1) * size, size);
    }

    /** The pages {@code items} fill, {@code size} a page: at least 1 (an empty list has its page), at most {@code max}. */
    static int pageCount(long items, int size, int max) {
        return (int) Math.max(1, Math.min((items + size - 1) / size, max));
    }

    // --- what the page reads

    public boolean isGallery() {
        return gallery;
    }

    public ResultFilter getFilter() {
        return filter;
    }

    public String getSort() {
        return order.name().toLowerCase(Locale.ROOT);
    }

    public boolean isDescending() {
        return descending;
    }

    public int getPage() {
        return page;
    }

    public int getSize() {
        return size;
    }

    public List<String> getNotices() {
        return notices;
    }

    /** Rows may be added to the page as a running service records them: the table, in listing order, page 1. */
    public boolean isLive() {
        return !gallery && order == Order.LISTING && !descending && page == 1;
    }

    /** {@code aria-sort} of a column: ascending, descending or none. */
    public String ariaSort(String sort) {
        return !getSort().equals(sort) ? "none" : descending ? "descending" : "ascending";
    }

    /** The pages the pager names: the first, the last and three on each side of this one; 0 marks a gap. */
    public List<Integer> pageWindow(int pages) {
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= pages; n++) {
            if (n == 1 || n == pages || Math.abs(n - page) <= 3) {
                numbers.add(n);
            } else if (numbers.get(numbers.size() - 1) != 0) {
                numbers.add(0);
            }
        }
        return numbers;
    }

    public String filterUrl(String show) {
        return url(Map.of("show", show, "page", "1"));
    }

    /** The same column again turns the order round; another column starts ascending. */
    public String sortUrl(String sort) {
        boolean reverse = getSort().equals(sort) && !descending;
        return url(Map.of("sort", sort, "order", reverse ? "desc" : "asc", "page", "1"));
    }

    public String pageUrl(int number) {
        return url(Map.of("page", Integer.toString(number)));
    }

    public String viewUrl(String view) {
        return url(Map.of("view", view, "page", "1"));
    }

    /** This page's address with some choices changed; defaults are left out to keep addresses short. */
    private String url(Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("view", defaultView ? "" : gallery ? "gallery" : "table");
        values.put("show", filter.getValue());
        values.put("sort", getSort());
        values.put("order", descending ? "desc" : "");
        values.put("page", Integer.toString(page));
        values.put("size", size == (gallery ? GALLERY_SIZE : TABLE_SIZE) ? "" : Integer.toString(size));
        values.putAll(changes);
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> value : values.entrySet()) {
            if (isDefault(value.getKey(), value.getValue())) {
                continue;
            }
            url.append(separator).append(value.getKey()).append('=')
                    .append(URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    private static boolean isDefault(String name, String value) {
        return value.isEmpty() || (name.equals("show") && value.equals("all")) || (name.equals("page") && value.equals("1"))
                || (name.equals("order") && value.equals("asc")) || (name.equals("sort") && value.equals("listing"));
    }
}
