package dev.modelcards.onnx;

import dev.modelcards.ModelVersion;
import dev.modelcards.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code export --out DIR}: one file per selected variant in the {@link ModelLayout} naming convention, and
 * a {@code manifest.json} mapping each variant handle to its file (merged with the folder's existing
 * manifest, so exporting in parts adds up). Each file is written atomically, the manifest last: a killed or
 * failed export leaves every model file complete or absent, and the previous manifest (verify then falls back
 * to the naming convention, which these files follow).
 */
public final class Exporter {
    private Exporter() {
    }

    /**
     * Distinct variants of {@code models}, in order.
     *
     * @param models published models
     * @return their variants, each once
     */
    public static List<Variant> variants(List<ModelVersion> models) {
        Set<Variant> out = new LinkedHashSet<>();
        models.forEach(m -> out.add(m.variant()));
        return List.copyOf(out);
    }

    /**
     * Writes the files of {@code variants} into {@code dir}; {@code written} sees each path.
     *
     * @param variants the variants to export
     * @param dir the export folder
     * @param written told of each file once written
     * @return the written files
     */
    public static List<Path> export(List<Variant> variants, Path dir, Consumer<Path> written) {
        ModelFiles.sweep(dir); // a killed export's temp files (each up to 25 MB) would pile up otherwise
        TreeMap<String, String> entries = new TreeMap<>(Manifest.read(dir).models());
        List<Path> out = new ArrayList<>();
        for (Variant v : variants) {
            BuildSpec spec = BuildSpec.of(v);
            Path file = dir.resolve(spec.fileName());
            ModelFiles.write(GraphBuilder.build(spec), file);
            entries.put(v.handle(), spec.fileName());
            out.add(file);
            written.accept(file);
        }
        new Manifest(entries).write(dir);
        return out;
    }
}
