package dev.modelcards.onnx;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * What a report of {@code verify --shard I/N} says about the run it is a part of, so that {@link ShardMerge} can
 * refuse parts that do not belong together: which part it is, how large the whole selection is, and a
 * fingerprint of that selection. The fingerprint covers every selected handle with what the catalog declares
 * for it (shapes, types, figures; for a deployment card, what it deploys), so shards cut from different
 * catalogs, filters or catalog versions differ, and the merged results can be checked to add up to exactly the
 * selection. A report of an unsharded run has no stamp.
 *
 * @param part              this shard's number, from 1
 * @param of                how many shards the selection was dealt into
 * @param models            published models in the whole selection (every shard together)
 * @param deployments       deployment child cards in the whole selection
 * @param selection         {@code sha256:<hex>} of the selection, see {@link #fingerprint(List)}
 * @param modelcardsVersion the modelcards version that wrote the report
 */
@JsonPropertyOrder({"part", "of", "models", "deployments", "selection", "modelcards_version"})
public record ShardStamp(int part, int of, int models, int deployments, String selection,
                         @JsonProperty("modelcards_version") String modelcardsVersion) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One selected handle as the fingerprint sees it: what the catalog says, never what a file measured. */
    @JsonPropertyOrder({"handle", "declared", "deployment"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Entry(String handle, Declared declared, VerifyResult.DeploymentInfo deployment) {
    }

    /**
     * The stamp of part {@code part} of {@code of} of a run over {@code models} and {@code deployments} (the
     * whole selection, before it was dealt into shards).
     *
     * @param models      every selected published model
     * @param deployments every selected deployment child card
     * @param part        this shard's number, from 1
     * @param of          how many shards
     * @return the stamp to write into this shard's report
     */
    public static ShardStamp of(List<ModelVersion> models, List<Deployment> deployments, int part, int of) {
        List<Entry> entries = new ArrayList<>();
        models.forEach(m -> entries.add(new Entry(m.handle(), Declared.of(m.variant()), null)));
        deployments.forEach(d -> entries.add(new Entry(d.handle(), null, VerifyResult.notApplicable(d).deployment())));
        return new ShardStamp(part, of, models.size(), deployments.size(), digest(entries), currentVersion());
    }

    /**
     * The fingerprint of the selection that {@code results} cover: equal to the stamp's {@link #selection} of
     * a shard exactly when the results are one per selected handle, declared as that run's catalog declares it.
     *
     * @param results results of a run (any order)
     * @return {@code sha256:<hex>}
     */
    public static String fingerprint(List<VerifyResult> results) {
        return digest(results.stream().map(r -> new Entry(r.handle(), r.declared(), r.deployment())).toList());
    }

    /** {@return this part as {@code I/N}} */
    public String label() {
        return part + "/" + of;
    }

    private static String digest(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::handle));
        try {
            byte[] text = JSON.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the selection", e);
        }
    }

    /** The version the build wrote into the jar; "unknown" when run from classes the build did not filter. */
    static String currentVersion() {
        Properties p = new Properties();
        try (InputStream in = ShardStamp.class.getResourceAsStream("/modelcards/versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the build always writes the file; without it every shard reads "unknown" alike
        }
        return p.getProperty("modelcards", "unknown");
    }
}
