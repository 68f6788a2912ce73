package com.daynight.cli;

import com.daynight.bench.Benchmarks;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * {@code bench [--datasets DIR] [--work DIR] [--model FILE]}: prints the decode and service benchmarks as
 * Markdown tables. DIR defaults to ../shared/datasets; generated 12 MP photos are kept in the work folder.
 */
final class BenchCommand {

    private BenchCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        CliOptions options = CliOptions.parse(args, Set.of("--datasets", "--work", ModelOption.NAME));
        options.requireNoPositional();
        Path datasets = Path.of(options.optional("--datasets").orElse("../shared/datasets"));
        Path work = Path.of(options.optional("--work")
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "daynight-bench").toString()));
        try {
            new Benchmarks(datasets, work, out).run(ModelOption.load(options));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Cli.FAILED;
        } catch (SQLException e) {
            throw new IOException(e);
        }
        return Cli.OK;
    }
}
