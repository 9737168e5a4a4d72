package dev.modelcards.docs;

import dev.modelcards.Registry;
import dev.modelcards.Variant;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.VersionSpec;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One architecture's page: the multiplier × resolution grid with each published cell's metrics and
 * links to its cards (cells the family does not publish are shown, marked empty), then the paper and
 * the published versions with their changelogs.
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
        return layout.page(path, family.name(), w -> {
            w.open("p");
            w.text(family.name() + " as implemented in " + family.implementation() + ": " + multipliers.size()
                    + " depth multipliers × " + resolutions.size() + " input resolutions, " + variants.size()
                    + " variants in the ");
            w.element("a", "model index", "href", Links.relative(path, SitePaths.INDEX) + "?family=" + family.id());
            w.text(". Each cell shows top-1 accuracy, MACs and parameters; hatched cells are not published.");
            w.close("p");
            grid(w, path, variants, multipliers, resolutions);
            paper(w, family);
            versions(w, family);
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

    private static void cell(HtmlWriter w, String path, List<Variant> heads) {
        Variant v = heads.get(0);
        w.open("td", "class", "cell", "data-variant", v.name());
        w.element("div", v.metrics().top1().toPlainString() + " %", "class", "top1");
        w.element("div", "top-5 " + v.metrics().top5().toPlainString() + " %", "class", "small");
        w.element("div", v.metrics().macsMillions().toPlainString() + " M MACs · "
                + v.metrics().paramsMillions().toPlainString() + " M params", "class", "small");
        w.open("div", "class", "small");
        for (int i = 0; i < heads.size(); i++) {
            Variant h = heads.get(i);
            if (i > 0) {
                w.text(" · ");
            }
            w.element("a", h.head().replace('_', ' '), "href", Links.relative(path, SitePaths.card(h.latest())));
        }
        w.close("div");
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
        w.open("dl", "class", "changelog");
        for (VersionSpec v : family.versions()) {
            w.element("dt", "Version " + v.version() + " · " + registry.catalog().formats().get(v.format()).name());
            w.open("dd");
            for (String entry : v.changelog()) {
                w.trusted(markdown.render(entry));
            }
            w.close("dd");
        }
        w.close("dl");
    }
}
