package dev.modelcards.hardening;

import dev.modelcards.catalog.CatalogLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bundled catalog's files as bytes, so a test can replace one of them with hostile content. */
final class CatalogFiles {
    static final String ROOT = CatalogLoader.ROOT_FILE;
    static final List<String> FAMILIES = List.of("mobilenet_v1.yaml", "mobilenet_v2.yaml");
    /** Files the root file names besides the families ({@code tags:}). */
    static final List<String> OTHERS = List.of("tfhub_tags.yaml");

    private CatalogFiles() {
    }

    /** A fresh, mutable copy of every bundled catalog file. */
    static Map<String, byte[]> bundled() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(ROOT, read(ROOT));
        FAMILIES.forEach(f -> files.put(f, read(f)));
        OTHERS.forEach(f -> files.put(f, read(f)));
        return files;
    }

    /** The bundled files with {@code name} replaced by {@code bytes}. */
    static Map<String, byte[]> with(String name, byte[] bytes) {
        Map<String, byte[]> files = bundled();
        files.put(name, bytes);
        return files;
    }

    static Map<String, byte[]> with(String name, String text) {
        return with(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] read(String name) {
        String path = CatalogLoader.BUNDLED_ROOT + "/" + name;
        try (InputStream in = CatalogFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalog file missing from the classpath: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(read(name), StandardCharsets.UTF_8);
    }
}
