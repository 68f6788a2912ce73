package com.daynight.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Set;

/**
 * Entry point of the runnable jar. The jar holds embedded Tomcat, this launcher and the standard WAR:
 * {@code java -jar daynight.jar} serves that WAR; {@code train}, {@code evaluate} and {@code classify}
 * run the command line from the same WAR's classes, so the jar and the WAR never drift apart.
 */
public final class Main {

    private static final Set<String> COMMANDS = Set.of("train", "evaluate", "classify", "bench");

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            System.exit(runCommand(args));
        }
        if (args.length > 0) {
            System.err.println("usage: java -jar daynight.jar [train|evaluate|classify|bench ...]");
            System.err.println("       with no arguments it runs the service on $PORT (default 8080)");
            System.exit(2);
        }
        int port = port(System.getenv("PORT"));
        Path webapp = ExplodedWar.fromJar().directory();
        EmbeddedServer server = EmbeddedServer.start(port, webapp);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "shutdown"));
        server.await();
    }

    private static int runCommand(String[] args) throws Exception {
        ExplodedWar war = ExplodedWar.fromJar();
        try (URLClassLoader loader = new URLClassLoader(war.classPath().toArray(URL[]::new), Main.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> cli = loader.loadClass("com.daynight.cli.Cli");
            Method run = cli.getMethod("run", String[].class, java.io.PrintStream.class, java.io.PrintStream.class);
            return (Integer) run.invoke(null, args, System.out, System.err);
        } catch (InvocationTargetException e) {
            throw (e.getCause() instanceof Exception cause) ? cause : e;
        }
    }

    static int port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            System.err.println("PORT must be a port number from 0 to 65535, got: " + value);
            System.exit(2);
            return -1;
        }
    }
}
