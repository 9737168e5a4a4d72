package dev.modelcards.bench;

import dev.modelcards.ModelVersion;
import dev.modelcards.Query;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.hardening.SyntheticCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups and queries per second against one registry built from a synthetic catalog at 1×, 10× and
 * 100× the bundled variant count: handle lookups should stay flat (a hash lookup), queries should
 * grow linearly (one pass over the variants, plus sorting the matches).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LookupBench {
    @Param({"1", "10", "100"})
    public int scale;

    private Registry registry;
    private String[] handles;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        registry = Registry.load(SyntheticCatalog.write(Files.createTempDirectory("bench-lookup-"), scale));
        // A fixed spread of 1024 handles with version, so every scale looks up the same number of keys.
        List<ModelVersion> models = registry.models();
        handles = new String[1024];
        for (int i = 0; i < handles.length; i++) {
            handles[i] = models.get((int) ((long) i * models.size() / handles.length)).handle();
        }
    }

    /** {@code Registry.get(handle/version)}. */
    @Benchmark
    public ModelVersion getByHandle() {
        return registry.get(handles[next++ & 1023]);
    }

    /** {@code Registry.find} of a handle that does not exist. */
    @Benchmark
    public Optional<ModelVersion> findMissing() {
        return registry.find("google/imagenet/mobilenet_v3_100_224/classification/" + (next++ & 7));
    }

    /** Feature vectors under 300 M MACs, most accurate first. */
    @Benchmark
    public List<Variant> queryList() {
        return registry.query().head("feature_vector").maxMacs(300).orderBy(Query.Order.TOP1, true).list();
    }

    /** The most accurate model at 224 px. */
    @Benchmark
    public Variant queryBest() {
        return registry.query().resolution(224).best();
    }
}
