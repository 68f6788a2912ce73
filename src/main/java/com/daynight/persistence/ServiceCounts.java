package com.daynight.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** How many services are in each status, across every instance sharing the database (for metrics). */
public final class ServiceCounts {

    private final DataSource dataSource;

    public ServiceCounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Status to count; a status no service is in is absent. Reads only the (Status, ServiceRequestTime) index. */
    public Map<String, Long> byStatus() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT Status, COUNT(*) FROM services GROUP BY Status");
             ResultSet rs = count.executeQuery()) {
            Map<String, Long> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            return counts;
        }
    }
}
