package dev.modelcards.diff;

import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.MetricsRow;
import dev.modelcards.catalog.SourcePos;
import dev.modelcards.catalog.Specs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The typed changes between two catalogs: a published handle must keep meaning the same model. Per
 * published version: its removal, and changes of input shape, input type, output shape, format, head and
 * fine-tunability are {@linkplain Change.Kind#BREAKING breaking}; added versions, variants and TF.js cards
 * and changed defaults (variable input size, batch-norm momentum, requirements) are compatible; changelog
 * entries and published figures are docs. The same facts type the changes from one version to the next.
 */
public final class CatalogDiff {
    private CatalogDiff() {
    }

    /** Every change from {@code before} to {@code after}, in handle order. */
    public static List<Change> between(Registry before, Registry after) {
        Map<String, String> withdrawn = Specs.catalog(after).withdrawn();
        List<Change> out = new ArrayList<>();
        Map<String, ModelVersion> old = index(before);
        Map<String, ModelVersion> now = index(after);
        for (ModelVersion b : old.values()) {
            ModelVersion a = now.get(b.handle());
            if (a == null) {
                out.add(new Change(Change.Kind.BREAKING, b.handle(), "removed", b.handle(), "", removedAt(after, b),
                        withdrawn.get(b.handle())));
                continue;
            }
            compare(b, a, withdrawn.get(b.handle()), out);
        }
        for (ModelVersion a : now.values()) {
            if (!old.containsKey(a.handle())) {
                out.add(new Change(Change.Kind.COMPATIBLE, a.handle(), "added", "", a.handle(), Specs.version(a).pos(), null));
            }
        }
        deployments(before, after, withdrawn, out);
        out.sort(java.util.Comparator.comparing(Change::handle).thenComparing(Change::what));
        return List.copyOf(out);
    }

    private static void compare(ModelVersion b, ModelVersion a, String withdrawn, List<Change> out) {
        Variant va = a.variant();
        Map<String, String> fb = facts(b);
        Map<String, String> fa = facts(a);
        fa.forEach((what, after) -> {
            String before = fb.get(what);
            if (!Objects.equals(before, after)) {
                boolean breaking = INTERFACE.contains(what);
                SourcePos at = what.equals("output") ? familyPos(va) : Specs.version(a).pos();
                out.add(new Change(breaking ? Change.Kind.BREAKING : Change.Kind.COMPATIBLE, a.handle(), what, before, after,
                        at, breaking ? withdrawn : null));
            }
        });
        if (!Specs.version(b).changelog().equals(Specs.version(a).changelog())) {
            out.add(new Change(Change.Kind.DOCS, a.handle(), "changelog", String.join(" / ", Specs.version(b).changelog()),
                    String.join(" / ", Specs.version(a).changelog()), Specs.version(a).pos(), null));
        }
        Variant vb = b.variant();
        String mb = metrics(Specs.metrics(vb));
        String ma = metrics(Specs.metrics(va));
        if (!mb.equals(ma)) {
            out.add(new Change(Change.Kind.DOCS, a.handle(), "published metrics", mb, ma, Specs.metrics(va).pos(), null));
        }
        String eb = vb.errata().stream().map(e -> e.quantity().column() + " " + e.corrected().toPlainString()).toList().toString();
        String ea = va.errata().stream().map(e -> e.quantity().column() + " " + e.corrected().toPlainString()).toList().toString();
        if (!eb.equals(ea)) {
            out.add(new Change(Change.Kind.DOCS, a.handle(), "errata", eb, ea, familyPos(va), null));
        }
    }

    /** The facts whose change breaks users of a published version. */
    private static final java.util.Set<String> INTERFACE = java.util.Set.of("input", "input type", "output", "format", "head",
            "fine-tunable");

    /**
     * What users of one model version rely on, by name, in a fixed order: its interface ({@code input},
     * {@code input type}, {@code output}, {@code format}, {@code head}, {@code fine-tunable}) and its
     * defaults ({@code variable input size}, {@code batch norm momentum}, {@code requirements}).
     */
    public static Map<String, String> facts(ModelVersion m) {
        Variant v = m.variant();
        Map<String, String> f = new LinkedHashMap<>();
        f.put("input", v.inputShape().toString());
        f.put("input type", inputType(v));
        f.put("output", v.outputShape().toString());
        f.put("format", m.format());
        f.put("head", v.head());
        f.put("fine-tunable", Boolean.toString(Specs.version(m).fineTunable()));
        f.put("variable input size", Boolean.toString(Specs.version(m).variableInputSize()));
        var bn = Specs.version(m).batchNormMomentum();
        f.put("batch norm momentum", bn == null ? "fixed" : bn.defaultValue().toPlainString()
                + (bn.configurable() ? ", configurable" : ""));
        f.put("requirements", Specs.version(m).requirements().isEmpty() ? "none" : String.join(", ", Specs.version(m).requirements()));
        return f;
    }

    /**
     * What changed from the previous published version of the same variant to {@code m}, typed as the gate
     * types it (interface and format breaking, defaults compatible): the version-to-version story the card
     * pages tell beside the changelog prose. Empty for a first version.
     */
    public static List<Change> fromPreviousVersion(ModelVersion m) {
        List<ModelVersion> versions = m.variant().versions();
        int i = versions.indexOf(m);
        if (i <= 0) {
            return List.of();
        }
        Map<String, String> before = facts(versions.get(i - 1));
        List<Change> out = new ArrayList<>();
        facts(m).forEach((what, after) -> {
            if (!Objects.equals(before.get(what), after)) {
                out.add(new Change(INTERFACE.contains(what) ? Change.Kind.BREAKING : Change.Kind.COMPATIBLE, m.handle(), what,
                        before.get(what), after, Specs.version(m).pos(), null));
            }
        });
        return out;
    }

    private static void deployments(Registry before, Registry after, Map<String, String> withdrawn, List<Change> out) {
        Map<String, Deployment> now = new LinkedHashMap<>();
        after.deployments().forEach(d -> now.put(d.handle(), d));
        Map<String, Deployment> old = new LinkedHashMap<>();
        before.deployments().forEach(d -> old.put(d.handle(), d));
        old.forEach((h, d) -> {
            if (!now.containsKey(h)) {
                out.add(new Change(Change.Kind.BREAKING, h, "removed", h, "", removedAt(after, d.parent()), withdrawn.get(h)));
            }
        });
        now.forEach((h, d) -> {
            if (!old.containsKey(h)) {
                out.add(new Change(Change.Kind.COMPATIBLE, h, "added", "", h, Specs.deployment(d).pos(), null));
            }
        });
    }

    private static Map<String, ModelVersion> index(Registry r) {
        Map<String, ModelVersion> out = new LinkedHashMap<>();
        r.models().forEach(m -> out.put(m.handle(), m));
        return out;
    }

    private static String inputType(Variant v) {
        return Specs.quantization(v) == null ? "float32 in [" + v.inputRange().get(0).toPlainString() + ", "
                + v.inputRange().get(1).toPlainString() + "]" : Specs.quantization(v).inputType();
    }

    private static String metrics(MetricsRow m) {
        return m.macsMillions().toPlainString() + " M MACs, " + m.paramsMillions().toPlainString() + " M params, top-1 "
                + m.top1().toPlainString() + ", top-5 " + m.top5().toPlainString()
                + (m.pixel1Ms() == null ? "" : ", Pixel 1 " + m.pixel1Ms().toPlainString() + " ms");
    }

    private static SourcePos familyPos(Variant v) {
        return Specs.family(v).pos();
    }

    /** Where a removed model was: its family in the working catalog, else the catalog's first family. */
    private static SourcePos removedAt(Registry after, ModelVersion gone) {
        return Specs.catalog(after).family(gone.variant().familyId()).map(FamilySpec::pos)
                .orElse(Specs.catalog(after).families().isEmpty() ? SourcePos.ofFile("catalog.yaml") : Specs.catalog(after).families().get(0).pos());
    }

    /**
     * The gate's message for a blocking change, saying what to do instead, e.g. {@code
     * google/imagenet/mobilenet_v2_075_96/feature_vector/4 is published; its output changed from [batch, 1280]
     * to [batch, 1024]; publish version 6 with a changelog entry instead}.
     */
    public static String gateMessage(Change c, Registry after) {
        if (c.what().equals("removed")) {
            return c.handle() + " is published and was removed; keep it, or list it under 'withdrawn:' in catalog.yaml "
                    + "with the reviewed reason";
        }
        int next = after.find(c.handle()).map(m -> m.variant().latest().number() + 1).orElse(0);
        return c.handle() + " is published; its " + c.what() + " changed from " + c.before() + " to " + c.after()
                + "; publish version " + next + " with a changelog entry instead";
    }
}
