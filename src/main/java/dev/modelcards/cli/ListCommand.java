package dev.modelcards.cli;

import dev.modelcards.Deployment;
import dev.modelcards.Query;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Specs;
import dev.modelcards.json.RegistryJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modelcards list}: the variants that pass the given filters, as a table or JSON, or with
 * {@code --deployments} their TF.js child cards. Like {@link Query}, it lists float variants unless asked
 * for quantized ones (their metrics are the float model's), and says how many it left out.
 */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List variants, filtered and ordered. With no filter, every float variant.",
                "Quantized variants (V1's quantops) carry their float model's metrics, so they are listed only with "
                        + "--quantized, --quantization or --include-quantized."})
public final class ListCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, json }

    @Mixin
    CatalogOption catalog;

    @Option(names = "--family", description = "mobilenet_v1 or mobilenet_v2.")
    String family;

    @Option(names = "--head", description = "classification or feature_vector.")
    String head;

    @Option(names = "--multiplier", paramLabel = "M", converter = Numbers.Multiplier.class,
            description = "Depth multiplier, e.g. 0.75.")
    BigDecimal multiplier;

    @Option(names = "--resolution", converter = Numbers.Positive.class, description = "Input resolution in pixels.")
    Integer resolution;

    @Option(names = "--min-resolution", converter = Numbers.Positive.class, description = "Smallest input resolution.")
    Integer minResolution;

    @Option(names = "--max-resolution", converter = Numbers.Positive.class, description = "Largest input resolution.")
    Integer maxResolution;

    @Option(names = "--max-macs", converter = Numbers.NonNegative.class, paramLabel = "MILLIONS", description = "At most this many million MACs.")
    Double maxMacs;

    @Option(names = "--max-params", converter = Numbers.NonNegative.class, paramLabel = "MILLIONS", description = "At most this many million parameters.")
    Double maxParams;

    @Option(names = "--min-top1", converter = Numbers.NonNegative.class, paramLabel = "PERCENT", description = "At least this top-1 accuracy.")
    Double minTop1;

    // Not --version: that is picocli's standard version option, which every subcommand keeps.
    @Option(names = "--model-version", converter = Numbers.Positive.class, paramLabel = "N", description = "Published at this version.")
    Integer version;

    @Option(names = "--model-format", paramLabel = "ID", description = "Has a version in this format: tf1_hub, tf2_saved_model.")
    String modelFormat;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    QuantizationChoice quantization;

    /** Which quantized variants to list; none of these = float variants only. */
    static final class QuantizationChoice {
        @Option(names = "--quantized", required = true, description = "Only quantized variants (any quantization).")
        boolean quantized;

        @Option(names = "--quantization", paramLabel = "ID", required = true,
                description = "Only variants of this quantization, e.g. quantops.")
        String id;

        @Option(names = "--include-quantized", required = true, description = "Float and quantized variants alike.")
        boolean include;
    }

    @Option(names = "--deployments",
            description = "List the deployment child cards (TF.js) of the matching variants instead of the variants "
                    + "(with --model-version N, only version N's).")
    boolean deployments;

    @Option(names = "--sort", paramLabel = "KEY", defaultValue = "handle",
            description = "Order by: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
            converter = OrderConverter.class, completionCandidates = OrderConverter.Candidates.class)
    Query.Order sort;

    @Option(names = "--desc", description = "Sort descending.")
    boolean descending;

    @Option(names = "--best", description = "Only the most accurate match (highest top-1, then fewest MACs).")
    boolean best;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Registry registry = catalog.registry();
        Query q = buildQuery(registry);
        List<Variant> result = best ? List.of(q.best()) : q.list();
        var out = spec.commandLine().getOut();
        if (deployments) {
            return listDeployments(result, q);
        }
        if (result.isEmpty()) {
            // Nothing found exits 1 in every format; JSON still prints its (empty) array for pipelines.
            if (format == Format.json) {
                out.print(RegistryJson.write(RegistryJson.variants(result)));
                out.flush();
            }
            spec.commandLine().getErr().println(q.explain() + leftOut(q));
            return 1;
        }
        if (format == Format.json) {
            out.print(RegistryJson.write(RegistryJson.variants(result)));
        } else {
            out.print(VariantTable.render(result, Specs.catalog(registry).deployments().values()));
            if (!best && quantization == null) {
                long hidden = q.includeQuantized().list().size() - result.size();
                if (hidden > 0) {
                    out.println(hidden + " quantized variant(s) also match; --include-quantized or --quantized lists them");
                }
            }
        }
        out.flush();
        return 0;
    }

    /** The deployment cards of the variants found (of version N only, with --model-version N). */
    private int listDeployments(List<Variant> variants, Query q) {
        List<Deployment> children = variants.stream().flatMap(v -> v.versions().stream())
                .filter(m -> version == null || m.number() == version)
                .filter(m -> modelFormat == null || m.format().equals(modelFormat))
                .flatMap(m -> m.deployments().stream()).toList();
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.print(RegistryJson.write(RegistryJson.deployments(children)));
            out.flush();
        }
        if (variants.isEmpty()) {
            spec.commandLine().getErr().println(q.explain() + leftOut(q));
            return 1;
        } else if (children.isEmpty()) {
            spec.commandLine().getErr().println("no deployment cards: none of the " + variants.size()
                    + " matching variant(s) has one" + (version == null ? "" : " at version " + version)
                    + (variants.stream().allMatch(Variant::isQuantized) ? " (quantized variants have none)" : ""));
            return 1;
        } else if (format != Format.json) {
            out.print(VariantTable.deployments(children));
        }
        out.flush();
        return 0;
    }

    /** When the float-only default left out matching quantized variants, a hint saying so. */
    private String leftOut(Query q) {
        if (quantization != null) {
            return "";
        }
        int hidden = q.includeQuantized().list().size();
        return hidden == 0 ? "" : "\n" + hidden + " quantized variant(s) match; --include-quantized or --quantized lists them";
    }

    Query buildQuery(Registry registry) {
        Query q = registry.query();
        if (family != null) {
            q = q.family(family);
        }
        if (head != null) {
            q = q.head(head);
        }
        if (quantization != null) {
            if (quantization.quantized) {
                q = q.quantized(true);
            } else if (quantization.id != null) {
                q = q.quantization(quantization.id);
            } else {
                q = q.includeQuantized();
            }
        }
        if (multiplier != null) {
            q = q.multiplier(multiplier);
        }
        if (resolution != null) {
            q = q.resolution(resolution);
        }
        if (minResolution != null || maxResolution != null) {
            q = q.resolutionBetween(minResolution == null ? 0 : minResolution,
                    maxResolution == null ? Integer.MAX_VALUE : maxResolution);
        }
        if (maxMacs != null) {
            q = q.maxMacs(maxMacs);
        }
        if (maxParams != null) {
            q = q.maxParams(maxParams);
        }
        if (minTop1 != null) {
            q = q.minTop1(minTop1);
        }
        if (version != null) {
            q = q.version(version);
        }
        if (modelFormat != null) {
            q = q.format(modelFormat);
        }
        return q.orderBy(sort, descending);
    }

    /** Accepts sort keys in lower case, as users type them. */
    static final class OrderConverter implements CommandLine.ITypeConverter<Query.Order> {
        @Override
        public Query.Order convert(String value) {
            try {
                return Query.Order.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a sort key; expected one of "
                        + new Candidates());
            }
        }

        static final class Candidates extends java.util.ArrayList<String> {
            Candidates() {
                for (Query.Order o : Query.Order.values()) {
                    add(o.name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
    }
}
