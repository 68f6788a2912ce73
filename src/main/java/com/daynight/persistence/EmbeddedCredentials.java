package com.daynight.persistence;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB's passwords: made at random on the first start with this version and kept in a file
 * that only this user can read (0600), next to the data they protect. Losing the file only costs new
 * passwords: the server resets its accounts from it at every start (see {@link #initStatements}).
 */
final class EmbeddedCredentials {

    static final String FILE_NAME = "mariadb-credentials.properties";
    static final String APP_USER = "daynight";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);
    private static final String APP_KEY = "app.password";
    private static final String ROOT_KEY = "root.password";
    /** Letters and digits only: the passwords go into SQL string literals without escaping. */
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 32; // about 190 bits

    private final String appPassword;
    private final String rootPassword;

    private EmbeddedCredentials(String appPassword, String rootPassword) {
        this.appPassword = appPassword;
        this.rootPassword = rootPassword;
    }

    static EmbeddedCredentials loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            PrivateFolders.restrictFile(file);
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                stored.load(in);
            }
            String app = stored.getProperty(APP_KEY);
            String root = stored.getProperty(ROOT_KEY);
            if (wellFormed(app) && wellFormed(root)) {
                return new EmbeddedCredentials(app, root);
            }
            log.warn("{} is incomplete: making new passwords for the embedded MariaDB", file);
        } else {
            log.info("making passwords for the embedded MariaDB in {}", file);
        }
        EmbeddedCredentials fresh = new EmbeddedCredentials(randomPassword(), randomPassword());
        Properties out = new Properties();
        out.setProperty(APP_KEY, fresh.appPassword);
        out.setProperty(ROOT_KEY, fresh.rootPassword);
        StringWriter text = new StringWriter();
        out.store(text, "embedded MariaDB accounts of DayNight; keep private (mode 0600)");
        PrivateFolders.writePrivate(file, text.toString());
        return fresh;
    }

    String appPassword() {
        return appPassword;
    }

    String rootPassword() {
        return rootPassword;
    }

    /**
     * Run by the server itself (--init-file) before it accepts connections, one statement a line. Drops the
     * anonymous accounts and any root account but the two it sets, then gives root and the service's account
     * the passwords of the file: the same on every start, so an older, password-less data folder is upgraded.
     */
    String initStatements(String database) {
        String app = "'" + APP_USER + "'";
        return String.join("\n", List.of(
                "CREATE DATABASE IF NOT EXISTS `" + database + "`;",
                "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host NOT IN ('localhost', '127.0.0.1'));",
                "DELETE FROM mysql.db WHERE User = '';",
                "FLUSH PRIVILEGES;",
                "CREATE USER IF NOT EXISTS 'root'@'localhost';",
                "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';",
                "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + rootPassword + "';",
                "ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '" + rootPassword + "';",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost', 'root'@'127.0.0.1' WITH GRANT OPTION;",
                "CREATE USER IF NOT EXISTS " + app + "@'127.0.0.1';",
                "CREATE USER IF NOT EXISTS " + app + "@'localhost';",
                "ALTER USER " + app + "@'127.0.0.1' IDENTIFIED BY '" + appPassword + "';",
                "ALTER USER " + app + "@'localhost' IDENTIFIED BY '" + appPassword + "';",
                "GRANT ALL PRIVILEGES ON `" + database + "`.* TO " + app + "@'127.0.0.1', " + app + "@'localhost';",
                "")); // a trailing newline: the server reads the file line by line
    }

    private static boolean wellFormed(String password) {
        return password != null && password.length() >= 16 && password.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
