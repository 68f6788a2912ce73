package com.daynight.persistence;

import com.daynight.service.ResultsDocument;
import com.daynight.service.ServiceRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What a finished service's services.Results column holds. The whole document, when one UPDATE statement can
 * carry it. A bigger one (from some 200,000 results, by name length, with MariaDB's default 16 MiB packet) would
 * make that statement fail on every attempt and the service end 'failed'; then the column holds the document
 * without its Results array, and {@code "ResultsStoredIn": "service_results", "ResultsCount": n} instead. Every
 * result is kept in service_results either way, and GET /services/{id}?format=json streams the whole document
 * from there.
 */
final class ResultsColumn {

    static final String STORED_IN = "service_results";
    /** Stored whole up to this size, whatever the server allows (64 MiB on MySQL 8): finish holds it in memory. */
    static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** Room in the packet for the rest of the UPDATE statement and the protocol's header. */
    static final long STATEMENT_ROOM = 64 * 1024;

    private final long maxBytes;

    ResultsColumn(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * The text to store: results are read one by one (from the database, page by page) only as long as the
     * whole document still fits.
     */
    String document(Connection c, ServiceRecord service, ResultsDocument.ResultSource<SQLException> results)
            throws SQLException {
        BoundedText text = new BoundedText(budget(c));
        try {
            ResultsDocument.write(service, false, text, results);
            return text.toString();
        } catch (BoundedText.Overflow tooBig) {
            return ResultsDocument.withResultsKeptIn(service, STORED_IN, service.done());
        }
    }

    /** The largest document, in statement bytes, that this connection's server takes in one statement. */
    long budget(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT @@max_allowed_packet");
             ResultSet rs = select.executeQuery()) {
            rs.next();
            return Math.min(maxBytes, rs.getLong(1) - STATEMENT_ROOM);
        }
    }
}
