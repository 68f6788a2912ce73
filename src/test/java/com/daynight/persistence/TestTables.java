package com.daynight.persistence;

import com.daynight.service.ImageResult;
import com.daynight.service.ServiceRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** What tests seed and read in the two tables, beside what the service itself does with them. */
public final class TestTables {

    private final DataSource dataSource;
    private final ServicesTable services;
    private final ResultsTable results;

    public TestTables(DataSource dataSource) {
        this.dataSource = dataSource;
        this.services = new ServicesTable(dataSource);
        this.results = new ResultsTable(dataSource);
    }

    /** A queued service, as a submission leaves it; false when the ServiceID is taken. */
    public boolean insertQueued(String serviceId, String userName, String bucket) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return ServicesTable.insertQueued(c, serviceId, userName, bucket);
        }
    }

    public Optional<ServiceRecord> find(String serviceId) throws SQLException {
        return services.find(serviceId);
    }

    public List<ImageResult> results(String serviceId) throws SQLException {
        return results.all(serviceId);
    }

    public Optional<String> storedDocument(String serviceId) throws SQLException {
        return services.storedDocument(serviceId);
    }
}
