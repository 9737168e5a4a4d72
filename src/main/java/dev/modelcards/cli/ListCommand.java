package dev.modelcards.cli;

import dev.modelcards.Query;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.json.RegistryJson;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modelcards list}: the variants that pass the given filters, as a table or JSON. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List variants, filtered and ordered. With no filter, every variant.")
public final class ListCommand implements Callable<Integer> {
    /** Output formats. */
    enum Format { table, json }

    @Mixin
    CatalogOption catalog;

    @Option(names = "--family", description = "mobilenet_v1 or mobilenet_v2.")
    String family;

    @Option(names = "--head", description = "classification or feature_vector.")
    String head;

    @Option(names = "--multiplier", description = "Depth multiplier, e.g. 0.75.")
    BigDecimal multiplier;

    @Option(names = "--resolution", description = "Input resolution in pixels.")
    Integer resolution;

    @Option(names = "--min-resolution", description = "Smallest input resolution.")
    Integer minResolution;

    @Option(names = "--max-resolution", description = "Largest input resolution.")
    Integer maxResolution;

    @Option(names = "--max-macs", paramLabel = "MILLIONS", description = "At most this many million MACs.")
    Double maxMacs;

    @Option(names = "--max-params", paramLabel = "MILLIONS", description = "At most this many million parameters.")
    Double maxParams;

    @Option(names = "--min-top1", paramLabel = "PERCENT", description = "At least this top-1 accuracy.")
    Double minTop1;

    @Option(names = "--version", paramLabel = "N", description = "Published at this version.")
    Integer version;

    @Option(names = "--model-format", paramLabel = "ID", description = "Has a version in this format: tf1_hub, tf2_saved_model.")
    String modelFormat;

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
        if (format == Format.json) {
            out.print(RegistryJson.write(RegistryJson.variants(result)));
        } else if (result.isEmpty()) {
            spec.commandLine().getErr().println(q.explain());
            return 1;
        } else {
            out.print(VariantTable.render(result));
        }
        out.flush();
        return 0;
    }

    Query buildQuery(Registry registry) {
        Query q = registry.query();
        if (family != null) {
            q = q.family(family);
        }
        if (head != null) {
            q = q.head(head);
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
