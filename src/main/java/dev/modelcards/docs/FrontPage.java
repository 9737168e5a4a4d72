package dev.modelcards.docs;

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
                + "- [Accuracy charts](" + modelsDir + "/charts.html): top-1 against MACs and parameters\n"
                + "- " + cards + " model cards, one page per handle and version, linked from the index"
                + (childCards > 0 ? ", and " + childCards + " TF.js child cards linked from their parents" : "")
                + "; each lists the dates its text changed in the publisher's history ([how they are found](history.html))\n\n";
        String text = readme.replace("\r\n", "\n");
        // the README links the documentation pages where GitHub finds them; on the site they sit beside index.html
        text = text.replaceAll("\\]\\(src/site/markdown/([A-Za-z0-9_-]+)\\.md(#[^)]*)?\\)", "]($1.html$2)");
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
}
