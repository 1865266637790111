package dev.arena.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeMap;

/** The figures of the latest runs, kept in a properties file so that the table can be printed from parts. */
final class Results {

    private final Path file;
    private final Properties values = new Properties();

    Results(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                values.load(in);
            }
        }
    }

    void put(String key, double value) throws IOException {
        values.setProperty(key, Double.toString(value));
        save();
    }

    void put(String key, String value) throws IOException {
        values.setProperty(key, value);
        save();
    }

    double get(String key) {
        String value = values.getProperty(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    String text(String key) {
        return values.getProperty(key, "");
    }

    private void save() throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            for (var e : new TreeMap<>(values).entrySet()) {
                out.write(e.getKey() + "=" + e.getValue() + "\n");
            }
        }
    }
}
