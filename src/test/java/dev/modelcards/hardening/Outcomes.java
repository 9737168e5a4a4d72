package dev.modelcards.hardening;

import dev.modelcards.LookupException;
import dev.modelcards.ModelVersion;
import dev.modelcards.Query;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.CatalogException;
import dev.modelcards.catalog.CatalogLoader;
import dev.modelcards.catalog.Diagnostic;
import dev.modelcards.json.RegistryJson;
import java.util.List;
import java.util.Map;

/**
 * The only outcomes a hostile input may have: a usable catalog that every consumer can read, or the
 * project's own error with every problem located at file:line:column. Anything else (an unchecked
 * exception, an error without a place) is thrown as an {@link AssertionError} and counts as a finding.
 */
final class Outcomes {
    /** The label in-memory catalogs are shown under, e.g. {@code fuzz/catalog.yaml:3:1}. */
    static final String LABEL = "fuzz";

    private Outcomes() {
    }

    /** Loads the files and checks the outcome; returns the result for further assertions. */
    static CatalogLoader.Result load(Map<String, byte[]> files) {
        CatalogLoader.Result r = CatalogLoader.check(LABEL, files);
        if (r.ok()) {
            exercise(Registry.of(r.catalog()));
        } else {
            assertLocated(r.diagnostics());
            // What load() throws must be constructible from the same diagnostics.
            new CatalogException(r.diagnostics().stream()
                    .filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList());
        }
        return r;
    }

    /** Every diagnostic names one of the loaded files, a line and a column, and says something. */
    static void assertLocated(List<Diagnostic> diagnostics) {
        if (diagnostics.stream().noneMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            throw new AssertionError("a rejected catalog must report at least one error: " + diagnostics);
        }
        for (Diagnostic d : diagnostics) {
            if (d.pos() == null || d.pos().file() == null || !d.pos().file().startsWith(LABEL + "/")
                    || d.pos().line() < 1 || d.pos().column() < 1) {
                throw new AssertionError("diagnostic without a file:line:column place: " + d);
            }
            if (d.message() == null || d.message().isBlank()) {
                throw new AssertionError("diagnostic without a message at " + d.pos());
            }
            if (!d.toString().matches("(?s)" + java.util.regex.Pattern.quote(LABEL) + "/[^:]+:\\d+:\\d+: (error|warning): .+")) {
                throw new AssertionError("diagnostic not in file:line:column form: " + d);
            }
        }
    }

    /** Reads everything a consumer reads from a loaded registry, so a half-valid catalog shows up here. */
    static void exercise(Registry registry) {
        for (Variant v : registry.variants()) {
            v.inputShape();
            v.outputShape();
            v.checkpointPath();
            v.errata();
            v.latest().url();
            for (ModelVersion m : v.versions()) {
                m.changelog();
                if (!registry.get(m.handle()).equals(m) || !registry.get(m.url()).equals(m)) {
                    throw new AssertionError("handle does not round-trip: " + m.handle());
                }
            }
            RegistryJson.write(RegistryJson.variant(v));
        }
        registry.models();
        expectLookupError(() -> registry.get("nobody/nothing/none/none/1"));
        for (Query.Order o : Query.Order.values()) {
            registry.query().orderBy(o, true).list();
        }
        try {
            registry.query().maxMacs(-1).best();
            throw new AssertionError("best() of an empty query must throw LookupException");
        } catch (LookupException e) {
            requireMessage(e);
        }
        registry.query().explain();
    }

    static void expectLookupError(Runnable r) {
        try {
            r.run();
            throw new AssertionError("expected a LookupException");
        } catch (LookupException e) {
            requireMessage(e);
        }
    }

    static void requireMessage(LookupException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("LookupException without a message");
        }
    }
}
