package com.daynight.web;

import com.daynight.persistence.ResultQuery;
import com.daynight.persistence.ResultsTable;
import com.daynight.persistence.ServicesTable;
import com.daynight.persistence.ServicesTable.ServiceWithCounts;
import com.daynight.service.ResultsDocument;
import com.daynight.submission.ServiceIdGenerator;
import com.daynight.service.ServiceRecord;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** GET /services/{id}: one service as a page, as the JSON results document, or as CSV. */
final class ServiceAnswers {

    /** The JSON answer's parameter that asks for the results from an index on, as a page following a service does. */
    static final String FROM = "from";
    /** Results are numbered with longs (db/V6): an index past 2^31 is a real place in a very large service. */
    static final long MAX_FROM = 999_999_999_999_999L;
    /** MAX_FROM is all nines: any whole number of at most this many digits is in range (and fits a long). */
    private static final int MAX_FROM_DIGITS = Long.toString(MAX_FROM).length();

    private static final Set<ResponseFormat> EVERY_FORMAT = EnumSet.allOf(ResponseFormat.class);

    private final ServicesTable services;
    private final ResultsTable results;
    private final ResultsCsv csv = new ResultsCsv();

    ServiceAnswers(ServicesTable services, ResultsTable results) {
        this.services = services;
        this.results = results;
    }

    /** A service's address within the application. */
    static String path(String serviceId) {
        return "/services/" + serviceId;
    }

    /** @param serviceId what follows /services/ in the address, as typed (no slash: ServicesServlet routes those) */
    void answer(HttpServletRequest req, HttpServletResponse resp, String serviceId)
            throws ServletException, IOException, SQLException {
        ResponseFormat format = format(req);
        boolean wellFormed = ServiceIdGenerator.isWellFormed(serviceId);
        // The JSON and CSV need the record alone; the page reads it with its counts, in one statement.
        boolean page = format != ResponseFormat.JSON && format != ResponseFormat.CSV;
        Optional<ServiceWithCounts> counted = Optional.empty();
        Optional<ServiceRecord> found = Optional.empty();
        if (wellFormed && page) {
            counted = services.findWithCounts(serviceId, Viewers.of(req));
            found = counted.map(ServiceWithCounts::service);
        } else if (wellFormed) {
            found = services.find(serviceId, Viewers.of(req));
        }
        if (found.isEmpty()) { // someone else's service answers exactly as an unknown one
            req.setAttribute("typedServiceId", serviceId); // the error page offers to look up another one
            Replies.problem(req, resp, format, Problem.notFound(wellFormed
                    ? "there is no service with the ServiceID " + serviceId
                    : "there is no such service: a ServiceID is 8 characters, A-Z and 0-9"));
            return;
        }
        ServiceRecord service = found.get();
        OptionalLong from = format == ResponseFormat.JSON ? resultsFrom(req.getParameter(FROM)) : OptionalLong.of(0);
        if (from.isEmpty()) {
            Replies.problem(req, resp, format, Problem.invalid(FROM, FROM
                    + ": the index of the first result wanted (0 for the first), a whole number from 0 to "
                    + MAX_FROM));
            return;
        }
        switch (format) {
            case JSON -> json(resp, service, from.getAsLong());
            case CSV -> csv(resp, service);
            default -> page(req, resp, counted.orElseThrow());
        }
    }

    /** The form a service's answer takes: any of them, by the format parameter or Accept. */
    static ResponseFormat format(HttpServletRequest req) {
        return ResponseFormat.forLookup(req.getParameter("format"), req.getHeader("Accept"), EVERY_FORMAT);
    }

    /**
     * Streamed page by page from service_results, whatever the size of the bucket (the Results column may hold
     * only a pointer there). The first page is read before the first byte goes out, so a database failure
     * still becomes a 503; one later on cuts the answer short, unfinished, rather than pass for the whole.
     */
    private void json(HttpServletResponse resp, ServiceRecord service, long from) throws IOException, SQLException {
        resp.setContentType("application/json;charset=UTF-8");
        ResultsDocument.write(service, true, from, resp.getWriter(),
                sink -> results.forEach(service.serviceId(), from, sink));
    }

    /** The {@value #FROM} parameter: absent is 0; anything but a whole number in range is empty. */
    static OptionalLong resultsFrom(String value) {
        if (value == null) {
            return OptionalLong.of(0);
        }
        if (!isDigits(value, MAX_FROM_DIGITS)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    /** Whether {@code s} is 1 to {@code maxDigits} ASCII digits (0-9), nothing else: a number to parse. */
    static boolean isDigits(String s, int maxDigits) {
        return !s.isEmpty() && s.length() <= maxDigits && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Streamed row by row: a bucket of many thousand images never sits in memory for its CSV. */
    private void csv(HttpServletResponse resp, ServiceRecord service) throws IOException, SQLException {
        resp.setContentType("text/csv;charset=UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + service.serviceId() + ".csv\"");
        try (ResultsCsv.Rows rows = csv.open(resp.getWriter())) {
            results.forEach(service.serviceId(), 0, rows::write);
        }
    }

    /**
     * The page shows the counts of every answer (day, night, errors), counted by the database with the record
     * (so they add up to its progress), and one page of the results its filter keeps, sorted and paged by the
     * database over all of them, as a gallery of thumbnails or as a table ({@link ResultListing}).
     */
    private void page(HttpServletRequest req, HttpServletResponse resp, ServiceWithCounts counted)
            throws ServletException, IOException, SQLException {
        ServiceRecord service = counted.service();
        ResultListing listing = ResultListing.of(req, req.getContextPath() + path(service.serviceId()),
                !service.status().isDone());
        ResultQuery query = listing.query(ResultTally.counted(listing.getFilter(), counted.counts()));
        List<ResultRow> rows = results.page(service.serviceId(), query).stream()
                .map(row -> new ResultRow(row.seq(), row.result())).toList();
        req.setAttribute("service", new ServiceView(service));
        req.setAttribute("tally", new ResultTally(listing.getFilter(), counted.counts(), rows, query.offset(),
                query.limit()));
        req.setAttribute("listing", listing);
        req.setAttribute("filter", listing.getFilter());
        if (counted.counts().day() + counted.counts().night() > 0) {
            req.setAttribute("plot", new ConfidencePlot(results.confidenceHistogram(service.serviceId(),
                    ConfidencePlot.BINS)));
        }
        Replies.page(req, resp, HttpServletResponse.SC_OK, "/WEB-INF/jsp/service.jsp");
    }
}
