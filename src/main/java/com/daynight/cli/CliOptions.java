package com.daynight.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The options ({@code --name value}, or {@code --name=value}) and the other arguments of one command. */
final class CliOptions {

    private final Map<String, List<String>> values;
    private final List<String> positional;

    private CliOptions(Map<String, List<String>> values, List<String> positional) {
        this.values = values;
        this.positional = positional;
    }

    /** @param known the option names this command takes, each with a value; anything after "--" is positional */
    static CliOptions parse(List<String> args, Set<String> known) throws UsageException {
        Map<String, List<String>> values = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (!known.contains(name)) {
                throw new UsageException("unknown option " + name);
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                throw new UsageException(name + " needs a value");
            }
            if (value.isEmpty()) {
                throw new UsageException(name + " needs a value");
            }
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new CliOptions(values, positional);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    Optional<String> optional(String name) throws UsageException {
        List<String> given = all(name);
        if (given.size() > 1) {
            throw new UsageException(name + " is given more than once");
        }
        return given.stream().findFirst();
    }

    String required(String name) throws UsageException {
        return optional(name).orElseThrow(() -> new UsageException(name + " is required"));
    }

    List<Path> requiredFolders(String name) throws UsageException {
        List<String> given = all(name);
        if (given.isEmpty()) {
            throw new UsageException(name + " is required");
        }
        List<Path> folders = new ArrayList<>();
        for (String value : given) {
            Path folder = Path.of(value);
            if (!Files.isDirectory(folder)) {
                throw new UsageException(name + ": no such folder: " + value);
            }
            folders.add(folder);
        }
        return folders;
    }

    List<String> positional() {
        return positional;
    }

    void requireNoPositional() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected argument " + positional.get(0));
        }
    }
}
