package com.daynight.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Statement helpers shared by the tables: bind every value, read every row. */
final class Rows {

    private Rows() {
    }

    /** Reads one row of a result set. */
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code values} (strings and numbers) bound in order, and reads every row. */
    /** The first row {@code sql} selects, read by {@code reader}; empty when there is none. */
    static <T> Optional<T> selectFirst(Connection c, String sql, Reader<T> reader, Object... values)
            throws SQLException {
        return selectAll(c, sql, reader, values).stream().findFirst();
    }

    static <T> List<T> selectAll(Connection c, String sql, Reader<T> reader, Object... values) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(sql)) {
            bind(select, values);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    /** Runs an INSERT, UPDATE or DELETE with {@code values} bound in order; the number of rows it changed. */
    static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(sql)) {
            bind(update, values);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
    }
}
