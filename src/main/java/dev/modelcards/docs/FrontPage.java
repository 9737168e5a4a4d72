package dev.modelcards.docs;

import java.util.regex.Pattern;

/**
 * The project site's front page: the README with a "Browse the registry" section inserted after its
 * title, linking (relatively) to the generated model pages, and its links to {@code src/site/markdown/<page>.md}
 * pointed at the site's {@code <page>.html}. Maven's site renders the result like any
 * other markdown page, so the README stays the one place the project is described.
 */
public final class FrontPage {
    private FrontPage() {
    }

    /**
     * @param readme    the README's markdown
     * @param modelsDir the models folder relative to the site root, e.g. {@code models}
     * @param variants  how many variants the index lists
     * @param cards     how many card pages there are
     * @return the front page's markdown
     */
    public static String markdown(String readme, String modelsDir, int variants, int cards) {
        return markdown(readme, modelsDir, variants, cards, 0);
    }

    /**
     * @param readme     the README's markdown
     * @param modelsDir  the models folder relative to the site root, e.g. {@code models}
     * @param variants   how many variants the index lists
     * @param cards      how many model card pages there are
     * @param childCards how many TF.js child card pages there are
     */
    public static String markdown(String readme, String modelsDir, int variants, int cards, int childCards) {
        String browse = "## Browse the registry\n\n"
                + "- [Model index](" + modelsDir + "/index.html): all " + variants
                + " variants, float and quantized, filterable and sortable\n"
                + "- [Search](" + modelsDir + "/search.html) every card, and [compare](" + modelsDir
                + "/compare.html) 2–4 variants side by side\n"
                + "- [Accuracy charts](" + modelsDir + "/charts.html): top-1 against MACs, parameters and Pixel 1 latency\n"
                + "- " + cards + " model cards, one page per handle and version, linked from the index"
                + (childCards > 0 ? ", and " + childCards + " TF.js child cards linked from their parents" : "")
                + "; each lists the dates its text changed in the publisher's history ([how they are found](history.html))\n\n";
        String text = siteLinks(readme.replace("\r\n", "\n"));
        int h1 = text.startsWith("# ") ? 0 : text.indexOf("\n# ");
        if (h1 < 0) {
            return "# modelcards\n\n" + browse + text;
        }
        int lineEnd = text.indexOf('\n', h1 == 0 ? 0 : h1 + 1);
        if (lineEnd < 0) {
            return text + "\n\n" + browse;
        }
        return text.substring(0, lineEnd + 1) + "\n" + browse + text.substring(lineEnd + 1);
    }

    /**
     * The README links the project pages by their source paths, which work when reading the repository;
     * on the site those pages are rendered beside the front page, so the links must name the HTML.
     */
    static String siteLinks(String markdown) {
        return PROJECT_PAGE.matcher(markdown).replaceAll("]($1.html$2)")
                .replace("](bench/README.md)", "](benchmarks/README.html)");
    }

    private static final Pattern PROJECT_PAGE =
            Pattern.compile("\\]\\(src/site/markdown/([A-Za-z0-9_-]+)\\.md(#[^)]*)?\\)");
}
