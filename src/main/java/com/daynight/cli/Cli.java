package com.daynight.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code train}, {@code evaluate} and {@code classify} (see CONTRACT.md), {@code bench}, and
 * {@code worker} (worker mode, see worker/WorkerMode).
 * Exit codes: 0 done, 1 failed while working, 2 wrong command line.
 */
public final class Cli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = String.join(System.lineSeparator(),
            "usage: java -jar daynight.jar train --data DIR [--data DIR ...] [--hold-out DIR] [--features scene|statistics]",
            "           [--corrections FILE] --out FILE",
            "       java -jar daynight.jar evaluate --data DIR [--data DIR ...] [--hold-out DIR] [--model FILE]",
            "       java -jar daynight.jar classify [--model FILE] PATH...",
            "       java -jar daynight.jar bench [--datasets DIR] [--work DIR] [--model FILE]",
            "       java -jar daynight.jar worker [--wait]   (the worker side alone, on DB_URL's queue)",
            "Each data DIR holds day/ and night/ with JPEG files. Without --model the bundled model is used.",
            "--hold-out DIR: the stratified part of DIR set aside by a fixed seed (see weka-models/MODEL_CARD.md);",
            "train keeps it out of training and model selection and scores on it, evaluate scores on it.");

    private Cli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 0) {
                throw new UsageException("no command given");
            }
            List<String> rest = Arrays.asList(args).subList(1, args.length);
            return switch (args[0]) {
                case "train" -> TrainCommand.run(rest, out);
                case "evaluate" -> EvaluateCommand.run(rest, out);
                case "classify" -> ClassifyCommand.run(rest, out);
                case "bench" -> BenchCommand.run(rest, out);
                case "worker" -> WorkerCommand.run(rest, System.getenv());
                default -> throw new UsageException("unknown command " + args[0]);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FAILED;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        }
    }
}
