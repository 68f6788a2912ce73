package com.daynight.bench;

import com.daynight.classify.DayNightClassifier;
import com.daynight.config.AppConfig;
import com.daynight.job.WorkerPool;
import com.daynight.persistence.Database;
import com.daynight.persistence.WorkQueue;
import com.daynight.storage.ImageObject;
import com.daynight.storage.LocalImageStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Images per second of one big service worked by 1, 2 and 3 instances (WorkerPools in this JVM, WORKERS=1 each,
 * each with its own threads, on one database): the service is cut into chunks that every instance claims. From
 * submission to the finished row, the database writes and the results document included.
 */
final class InstancesBenchmark {

    private static final int CHUNK_SIZE = 250;
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final DayNightClassifier classifier;

    InstancesBenchmark(DayNightClassifier classifier) {
        this.classifier = classifier;
    }

    static void printHeader(PrintStream out) {
        out.println("| bucket | images | images/s, 1 instance | 2 instances | 3 instances | 3 vs 1 |");
        out.println("| --- | --- | --- | --- | --- | --- |");
    }

    void run(Path bucketsDir, String bucket, Path workDir, PrintStream out) throws SQLException, InterruptedException {
        LocalImageStore store = new LocalImageStore(bucketsDir);
        int images = 0;
        for (ImageObject ignored : store.listJpegs(bucket)) {
            images++;
        }
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATA_DIR", workDir.resolve("instances-db").toString(),
                "WORKERS", "8"));
        try (Database database = Database.open(config)) {
            DataSource dataSource = database.dataSource();
            update(dataSource, "DELETE FROM services WHERE UserName = 'bench'"); // an earlier run's, same folder
            timeService(dataSource, store, bucket, 1, "WARMUP01"); // JIT, file cache, the database's buffers
            double[] perSecond = new double[3];
            for (int instances = 1; instances <= 3; instances++) {
                double seconds = timeService(dataSource, store, bucket, instances, "INSTANC" + instances);
                perSecond[instances - 1] = images / seconds;
            }
            out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.2fx |%n", bucket, images, perSecond[0],
                    perSecond[1], perSecond[2], perSecond[2] / perSecond[0]);
        }
    }

    private double timeService(DataSource dataSource, LocalImageStore store, String bucket, int instances, String id)
            throws SQLException, InterruptedException {
        update(dataSource, "INSERT INTO services (ServiceID, UserName, Bucket, ServiceRequestTime, Status)"
                + " VALUES (?, 'bench', ?, UTC_TIMESTAMP(3), 'queued')", id, bucket);
        long started = System.nanoTime();
        List<WorkerPool> pools = new ArrayList<>();
        try {
            for (int i = 1; i <= instances; i++) {
                WorkerPool pool = new WorkerPool(new WorkQueue(dataSource), store, classifier, id + "-" + i, 1,
                        LEASE, CHUNK_SIZE);
                pool.start();
                pools.add(pool);
            }
            while (!isDone(dataSource, id)) {
                Thread.sleep(50);
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            pools.forEach(WorkerPool::close);
        }
    }

    private static boolean isDone(DataSource dataSource, String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT Status FROM services WHERE ServiceID = ?")) {
            select.setString(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                String status = rs.getString(1);
                if (status.equals("failed")) {
                    throw new SQLException("the benchmark's service failed");
                }
                return status.equals("finished");
            }
        }
    }

    private static void update(DataSource dataSource, String sql, String... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                update.setString(i + 1, values[i]);
            }
            update.executeUpdate();
        }
    }
}
