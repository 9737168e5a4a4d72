package dev.modelcards.bench;

import dev.modelcards.Registry;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.hardening.SyntheticCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Catalog load + validate from disk, and the same plus building the {@link Registry}, for synthetic
 * catalogs with 1×, 10× and 100× the bundled variant count ({@link SyntheticCatalog}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class CatalogLoadBench {
    @Param({"1", "10", "100"})
    public int scale;

    private Path dir;

    @Setup(Level.Trial)
    public void writeCatalog() throws IOException {
        dir = SyntheticCatalog.write(Files.createTempDirectory("bench-catalog-"), scale);
        CatalogLoader.load(dir); // fail fast if the generator wrote an invalid catalog
    }

    @TearDown(Level.Trial)
    public void deleteCatalog() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Read, parse (safe YAML), bind and validate every file. */
    @Benchmark
    public Catalog loadAndValidate() {
        return CatalogLoader.load(dir);
    }

    /** {@link #loadAndValidate} plus building the registry's variants and handle index. */
    @Benchmark
    public Registry loadRegistry() {
        return Registry.load(dir);
    }
}
