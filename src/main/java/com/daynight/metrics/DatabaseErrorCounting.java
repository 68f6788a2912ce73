package com.daynight.metrics;

import java.sql.SQLException;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Counts database errors at the one place every statement passes: the JDBC objects the data source hands
 * out (connections, statements, result sets), proxied by datasource-proxy. A pool timeout counts too.
 */
final class DatabaseErrorCounting {

    private DatabaseErrorCounting() {
    }

    static DataSource wrap(DataSource dataSource, Runnable onError) {
        return ProxyDataSourceBuilder.create("daynight", dataSource)
                .methodListener(new MethodExecutionListener() {
                    @Override
                    public void beforeMethod(MethodExecutionContext context) {
                        // only outcomes matter
                    }

                    @Override
                    public void afterMethod(MethodExecutionContext context) {
                        if (context.getThrown() instanceof SQLException) {
                            onError.run();
                        }
                    }
                })
                .build();
    }
}
