package dev.modelcards.cli;

import dev.modelcards.Registry;
import dev.modelcards.catalog.Specs;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code --version}: modelcards, the catalog a command would read (and its size), onnxruntime and Java,
 * the facts a bug report needs. Reads versions from jar manifests; loads no native library.
 */
final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Path catalog = Project.current().catalog().orElse(null);
        String catalogLine;
        try {
            Registry r = catalog == null ? Registry.load() : Registry.load(catalog);
            catalogLine = (catalog == null ? "bundled" : catalog.toString()) + " (" + Specs.catalog(r).families().size()
                    + " families, " + r.models().size() + " models)";
        } catch (RuntimeException e) {
            catalogLine = catalog + " (does not load: run 'modelcards validate')";
        }
        java.util.Properties versions = new java.util.Properties();
        try (var in = VersionInfo.class.getResourceAsStream("/modelcards/versions.properties")) {
            if (in != null) {
                versions.load(in);
            }
        } catch (java.io.IOException e) {
            // the build always writes the file; without it the versions read "unknown"
        }
        return new String[] {
            "modelcards " + versions.getProperty("modelcards", "unknown"),
            "catalog: " + catalogLine,
            "onnxruntime " + versions.getProperty("onnxruntime", "unknown"),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
