package com.daynight.persistence;

import com.daynight.config.AppConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link Database#open} on a thread of its own, so the start does something else meanwhile (loads the model):
 * starting a MariaDB process, or reaching a database far away, is mostly waiting.
 */
public final class DatabaseOpening {

    private final CompletableFuture<Database> opening;

    private DatabaseOpening(CompletableFuture<Database> opening) {
        this.opening = opening;
    }

    public static DatabaseOpening begin(AppConfig config) {
        return new DatabaseOpening(CompletableFuture.supplyAsync(() -> Database.open(config),
                task -> new Thread(task, "database-start").start()));
    }

    /** The open database, or what {@link Database#open} threw. */
    public Database await() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** When the start fails elsewhere: an embedded server would outlive the JVM unless stopped. */
    public void closeWhenOpened() {
        try {
            opening.join().close();
        } catch (RuntimeException notOpened) {
            // nothing to close; the other failure is the one to report
        }
    }
}
