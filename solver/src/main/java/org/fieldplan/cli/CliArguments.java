package org.fieldplan.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options and {@code --flag} switches of one CLI command; every problem is reported as a {@link CliException}. Public for
 * the other modules' command-line tools (e.g. the data module's importer), which parse options the same way.
 */
public final class CliArguments {

    private final String command;
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flagsGiven = new HashSet<>();

    public CliArguments(String command, String[] args, int from, Set<String> allowed) {
        this(command, args, from, allowed, Set.of());
    }

    /**
     * @param flags switches without a value, e.g. {@code dry-run} for {@code --dry-run}
     */
    public CliArguments(String command, String[] args, int from, Set<String> allowed, Set<String> flags) {
        this.command = command;
        for (int i = from; i < args.length; i++) {
            String name = args[i];
            if (name.startsWith("--") && flags.contains(name.substring(2))) {
                flagsGiven.add(name.substring(2));
                continue;
            }
            if (!name.startsWith("--") || !allowed.contains(name.substring(2))) {
                Set<String> known = new java.util.TreeSet<>(allowed);
                known.addAll(flags);
                throw new CliException("unknown option '" + name + "' for '" + command + "' (allowed: --"
                        + String.join(", --", known) + ")");
            }
            if (i + 1 >= args.length) {
                throw new CliException("option '" + name + "' needs a value");
            }
            options.put(name.substring(2), args[++i]);
        }
    }

    /** Whether the switch {@code --name} was given. */
    public boolean flag(String name) {
        return flagsGiven.contains(name);
    }

    public String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new CliException("'" + command + "' needs --" + name);
        }
        return value;
    }

    public String optional(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public Path path(String name) {
        return Path.of(required(name));
    }

    public Path existingFile(String name) {
        Path path = path(name);
        if (!path.toFile().isFile()) {
            throw new CliException("--" + name + " " + path + ": no such file");
        }
        return path;
    }

    public long positiveLong(String name, String fallback) {
        String text = fallback == null ? required(name) : optional(name, fallback);
        try {
            long value = Long.parseLong(text);
            if (value <= 0) {
                throw new CliException("--" + name + " must be positive, got " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }

    public long anyLong(String name, String fallback) {
        String text = optional(name, fallback);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new CliException("--" + name + " must be a whole number, got '" + text + "'");
        }
    }

    public <E extends Enum<E>> E choice(String name, Class<E> type) {
        String text = required(name);
        try {
            return Enum.valueOf(type, text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliException("--" + name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants())
                    + ", got '" + text + "'");
        }
    }
}
