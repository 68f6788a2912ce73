package com.daynight.launcher;

import java.lang.ref.Reference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;
import com.daynight.logging.StartupStages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point of the runnable jar. The jar holds embedded Tomcat, this launcher and the standard WAR:
 * {@code java -jar daynight.jar} serves that WAR; {@code train}, {@code evaluate} and {@code classify}
 * run the command line from the same WAR's classes, so the jar and the WAR never drift apart;
 * {@code worker} runs the worker side alone (worker/WorkerMode); {@code health} asks a running service whether it
 * is ready.
 */
public final class Main {

    private static final Set<String> COMMANDS = Set.of("train", "evaluate", "classify", "bench", "worker");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("health")) {
            System.exit(HealthProbe.check(portOrExit(System.getenv("PORT")), System.out));
        }
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(runCommand(args));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar daynight.jar [train|evaluate|classify|bench ...|worker [--wait]|health]");
            System.err.println("       with no arguments it runs the service on $PORT (default 8080)");
            System.exit(2);
        }
        serve();
    }

    private static void serve() throws Exception {
        useTheWebappsLogbackSetup();
        // Tomcat logs through java.util.logging: route it into the same Logback setup (and format) as the webapp.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Logger log = LoggerFactory.getLogger(Main.class);
        int port = portOrExit(System.getenv("PORT"));
        ManagementPort management;
        try {
            management = ManagementPort.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            log.error("DayNight cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        String address = bindAddress(System.getenv("BIND_ADDRESS"), System.getenv("AUTH"));
        EmbeddedServer server;
        ExplodedWar war;
        try {
            long unpacking = System.nanoTime();
            war = ExplodedWar.fromJar();
            if (war.freshlyUnpacked()) {
                StartupStages.done(log, "webapp unpacked into " + war.directory() + " (once per jar build)", unpacking);
            }
            server = EmbeddedServer.start(address, port, management, war.directory());
        } catch (EmbeddedServer.NotStartedException e) {
            if (!e.alreadyReported()) {
                log.error("DayNight cannot start: {}", e.getMessage());
            }
            System.exit(1);
            return;
        }
        StartupStages.reached(log, "ready: HTTP on http://" + address + ":" + server.port() + "/");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        server.await();
        Reference.reachabilityFence(war); // its lock says the unpacked copy is in use
    }

    private static int portOrExit(String value) {
        try {
            return port(value);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(Main.class).error("DayNight cannot start: {}", e.getMessage());
            System.exit(2);
            return -1;
        }
    }

    /**
     * One Logback setup (LOG_FORMAT, LOG_LEVEL) for the launcher, Tomcat, the webapp and the commands: Logback
     * is on the launcher's class path too, where it would not find the webapp's logback.xml by itself
     * (see runnable-jar.xml).
     */
    private static void useTheWebappsLogbackSetup() {
        System.setProperty("logback.configurationFile", "daynight-logback.xml");
    }

    private static int runCommand(String[] args) throws Exception {
        useTheWebappsLogbackSetup();
        ExplodedWar war = ExplodedWar.fromJar();
        try (URLClassLoader loader = new URLClassLoader(war.classPath().toArray(URL[]::new), Main.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> cli = loader.loadClass("com.daynight.cli.Cli");
            Method run = cli.getMethod("run", String[].class, java.io.PrintStream.class, java.io.PrintStream.class);
            return (Integer) run.invoke(null, args, System.out, System.err);
        } catch (InvocationTargetException e) {
            throw (e.getCause() instanceof Exception cause) ? cause : e;
        } finally {
            Reference.reachabilityFence(war);
        }
    }

    /**
     * BIND_ADDRESS when set; otherwise only this machine's loopback unless AUTH=google: without sign-in
     * (AUTH=none, the default) whoever reaches the port could read what the service can, so by default
     * only this machine reaches it. The webapp checks AUTH itself (AppConfig); this only picks the socket.
     */
    public static String bindAddress(String bindAddress, String auth) {
        if (bindAddress != null && !bindAddress.isBlank()) {
            return bindAddress.trim();
        }
        return auth != null && auth.trim().equalsIgnoreCase("google") ? "0.0.0.0" : "127.0.0.1";
    }

    /** PORT, default 8080; 0 picks a free port. */
    public static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("PORT must be a port number from 0 to 65535, got: " + value);
    }
}
