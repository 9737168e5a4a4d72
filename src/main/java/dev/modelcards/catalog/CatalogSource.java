package dev.modelcards.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where catalog files are read from: a directory, or the copy bundled in the jar. */
interface CatalogSource {

    /** The file's bytes, or null if it does not exist. */
    byte[] read(String name) throws IOException;

    /** How a file of this source is named in messages, e.g. {@code catalog/mobilenet_v2.yaml}. */
    String display(String name);

    static CatalogSource directory(Path dir) {
        return new CatalogSource() {
            @Override
            public byte[] read(String name) throws IOException {
                Path p = dir.resolve(name);
                // Read at most one byte past the limit: a 50 MB file must not be loaded whole.
                try (InputStream in = Files.newInputStream(p)) {
                    return in.readNBytes(SafeYaml.MAX_BYTES + 1);
                } catch (NoSuchFileException e) {
                    return null;
                }
            }

            @Override
            public String display(String name) {
                return dir.resolve(name).toString();
            }
        };
    }

    /** Files held in memory (name → bytes), shown as {@code label/name}; for fuzzing and tests. */
    static CatalogSource memory(String label, java.util.Map<String, byte[]> files) {
        java.util.Map<String, byte[]> copy = java.util.Map.copyOf(files);
        return new CatalogSource() {
            @Override
            public byte[] read(String name) {
                byte[] b = copy.get(name);
                return b == null ? null : b.clone();
            }

            @Override
            public String display(String name) {
                return label + "/" + name;
            }
        };
    }

    static CatalogSource classpath(String root) {
        return new CatalogSource() {
            @Override
            public byte[] read(String name) throws IOException {
                try (InputStream in = CatalogSource.class.getClassLoader().getResourceAsStream(root + "/" + name)) {
                    return in == null ? null : in.readNBytes(SafeYaml.MAX_BYTES + 1);
                }
            }

            @Override
            public String display(String name) {
                return "catalog/" + name;
            }
        };
    }
}
