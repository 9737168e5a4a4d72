package dev.modelcards.docs;

import dev.modelcards.Quantity;
import dev.modelcards.Deployment;
import dev.modelcards.ModelVersion;
import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Specs;
import dev.modelcards.catalog.VersionSpec;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One architecture's page: the multiplier × resolution grid with each published cell's metrics and
 * links to its cards, float and quantized (cells the family does not publish are shown, marked empty),
 * then the paper, the published versions with their changelogs (the quantized variants' own versions
 * too) and the TF.js conversions.
 */
final class FamilyPage {
    private final Registry registry;
    private final PageLayout layout;
    private final CardMarkdown markdown;

    FamilyPage(Registry registry, PageLayout layout, CardMarkdown markdown) {
        this.registry = registry;
        this.layout = layout;
        this.markdown = markdown;
    }

    String render(FamilySpec family) {
        String path = SitePaths.family(family);
        List<Variant> variants = registry.variants().stream().filter(v -> v.familyId().equals(family.id())).toList();
        TreeSet<BigDecimal> multipliers = new TreeSet<>(Comparator.reverseOrder());
        TreeSet<Integer> resolutions = new TreeSet<>();
        variants.forEach(v -> {
            multipliers.add(v.multiplier());
            resolutions.add(v.resolution());
        });
        long quantized = variants.stream().filter(Variant::isQuantized).count();
        return layout.page(path, family.name(), w -> {
            w.open("p");
            w.text(family.name() + " as implemented in " + family.implementation() + ": " + multipliers.size()
                    + " depth multipliers × " + resolutions.size() + " input resolutions, " + variants.size()
                    + " variants in the ");
            w.element("a", "model index", "href", Links.relative(path, SitePaths.INDEX) + "?family=" + family.id());
            if (quantized > 0) {
                w.text(", " + quantized + " of them ");
                w.element("a", "quantized", "href", Links.relative(path, SitePaths.INDEX) + "?family=" + family.id()
                        + "&quantization=" + family.quantizations().get(0).id());
            }
            w.text(". Each cell shows top-1 accuracy, MACs and parameters (a quantized variant shares its float "
                    + "variant's published figures); hatched cells are not published.");
            w.close("p");
            grid(w, path, variants, multipliers, resolutions);
            paper(w, family);
            versions(w, family);
            quantizedVersions(w, family);
            deployments(w, path, variants);
        });
    }

    private static void grid(HtmlWriter w, String path, List<Variant> variants, TreeSet<BigDecimal> multipliers,
                             TreeSet<Integer> resolutions) {
        w.open("table", "class", "grid", "id", "mc-grid");
        w.open("thead");
        w.open("tr");
        w.element("th", "multiplier \\ resolution", "scope", "col");
        resolutions.forEach(r -> w.element("th", r + " px", "scope", "col", "class", "num"));
        w.close("tr");
        w.close("thead");
        w.open("tbody");
        for (BigDecimal m : multipliers) {
            w.open("tr");
            w.element("th", m.toPlainString(), "scope", "row");
            for (int r : resolutions) {
                List<Variant> cell = variants.stream()
                        .filter(v -> v.multiplier().compareTo(m) == 0 && v.resolution() == r).toList();
                if (cell.isEmpty()) {
                    w.element("td", "— not published", "class", "empty");
                } else {
                    cell(w, path, cell);
                }
            }
            w.close("tr");
        }
        w.close("tbody");
        w.close("table");
    }

    private static void cell(HtmlWriter w, String path, List<Variant> variants) {
        Variant v = variants.get(0);
        w.open("td", "class", "cell", "data-variant", v.name());
        w.element("div", v.top1().toPlainString() + " %", "class", "top1");
        w.element("div", "top-5 " + v.top5().toPlainString() + " %", "class", "small");
        w.element("div", v.published(Quantity.MACS).toPlainString() + " M MACs · "
                + v.published(Quantity.PARAMS).toPlainString() + " M params"
                + v.pixel1LatencyMs().map(ms -> " · " + ms.toPlainString() + " ms Pixel 1").orElse(""),
                "class", "small");
        // one line of head links for the float variants, then one per quantization
        List<String> kinds = variants.stream().map(IndexPage::quantization).distinct()
                .sorted(Comparator.comparing((String q) -> !q.equals(IndexPage.FLOAT)).thenComparing(q -> q)).toList();
        for (String kind : kinds) {
            boolean quantized = !kind.equals(IndexPage.FLOAT);
            w.open("div", "class", quantized ? "small quantized" : "small", "data-quantization", kind);
            if (quantized) {
                w.element("span", "quantized", "class", "badge quantized", "title", kind);
                w.text(" ");
            }
            List<Variant> heads = variants.stream().filter(h -> IndexPage.quantization(h).equals(kind)).toList();
            for (int i = 0; i < heads.size(); i++) {
                Variant h = heads.get(i);
                if (i > 0) {
                    w.text(" · ");
                }
                w.element("a", h.head().replace('_', ' '), "href", Links.relative(path, SitePaths.card(h.latest())));
            }
            w.close("div");
        }
        w.close("td");
    }

    private static void paper(HtmlWriter w, FamilySpec family) {
        FamilySpec.Paper p = family.paper();
        w.element("h2", "Paper");
        w.open("p");
        w.text(String.join(", ", p.authors()) + " (" + p.year() + "). ");
        Optional<String> url = Links.external(p.url());
        if (url.isPresent()) {
            w.element("a", p.title(), "href", url.get());
        } else {
            w.element("cite", p.title());
        }
        w.text(".");
        w.close("p");
    }

    private void versions(HtmlWriter w, FamilySpec family) {
        w.element("h2", "Published versions");
        changelog(w, family.versions());
    }

    private void changelog(HtmlWriter w, List<VersionSpec> versions) {
        w.open("dl", "class", "changelog");
        for (VersionSpec v : versions) {
            w.element("dt", "Version " + v.version() + " · " + Specs.catalog(registry).formats().get(v.format()).name());
            w.open("dd");
            for (String entry : v.changelog()) {
                w.trusted(markdown.render(entry));
            }
            w.close("dd");
        }
        w.close("dl");
    }

    /** The versions of each quantization, which are numbered on their own. */
    private void quantizedVersions(HtmlWriter w, FamilySpec family) {
        for (FamilySpec.Quantization q : family.quantizations()) {
            w.element("h2", "Quantized versions (" + q.id() + ")", "id", "quantized-" + q.id());
            w.element("p", "Every cell again under " + q.id() + "/<head>, exported from TF-Slim's " + q.checkpointSuffix()
                    + " checkpoints, which were trained with simulated quantization; their versions are numbered "
                    + "on their own.", "class", "muted");
            changelog(w, q.versions());
        }
    }

    /** Which versions have deployment child cards (TF.js), and how many. */
    private static void deployments(HtmlWriter w, String path, List<Variant> variants) {
        List<Deployment> all = variants.stream().flatMap(v -> v.versions().stream())
                .map(ModelVersion::deployments).flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return;
        }
        w.element("h2", "Conversions", "id", "conversions");
        w.open("ul", "id", "mc-deployments");
        for (String format : all.stream().map(Deployment::format).distinct().toList()) {
            List<Deployment> of = all.stream().filter(d -> d.format().equals(format)).toList();
            w.open("li", "data-format", format);
            w.text(of.get(0).formatName() + ": " + of.size() + " child cards, for versions "
                    + String.join(", ", of.stream().map(d -> d.parent().number()).distinct().sorted()
                    .map(String::valueOf).toList())
                    + " of the float variants; e.g. ");
            w.element("a", of.get(0).handle(), "href", Links.relative(path, SitePaths.card(of.get(0))));
            w.text(". The index links each variant's.");
            w.close("li");
        }
        w.close("ul");
    }
}
