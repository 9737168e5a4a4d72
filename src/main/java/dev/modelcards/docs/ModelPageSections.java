package dev.modelcards.docs;

import dev.modelcards.Quantity;
import dev.modelcards.ModelVersion;
import dev.modelcards.Variant;
import dev.modelcards.catalog.Catalog;
import dev.modelcards.catalog.FamilySpec;
import dev.modelcards.catalog.Specs;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a model page that people expect beside the card, all from catalog data: how to run the ONNX
 * export (Python and Java onnxruntime, the Java one through the lookup API), intended use and limitations,
 * the license and how to cite the paper (BibTeX).
 */
final class ModelPageSections {
    private ModelPageSections() {
    }

    /** Writes the sections, in the order a reader needs them: use it, know its limits, license, cite. */
    static void write(HtmlWriter w, ModelVersion m) {
        usage(w, m);
        intendedUse(w, m.variant());
        license(w, Specs.catalog(m.variant()));
        citation(w, Specs.family(m.variant()));
    }

    /** The file {@code modelcards export} writes for this variant ({@code <variant>[-<quantization>]-<head>.onnx}). */
    static String onnxFile(Variant v) {
        return v.name() + "-" + v.quantization().map(q -> q + "-").orElse("") + v.head() + ".onnx";
    }

    private static void usage(HtmlWriter w, ModelVersion m) {
        Variant v = m.variant();
        String file = onnxFile(v);
        int r = v.resolution();
        boolean uint8 = v.isQuantized() && Specs.quantization(v).inputType().equals("uint8");
        long outDim = v.outputShape().dims().get(v.outputShape().dims().size() - 1);
        String out = v.isClassifier() ? "logits" : "features";
        w.open("section", "id", "mc-usage", "class", "usage", "aria-label", "Use the ONNX export");
        w.element("h2", "Use the ONNX export");
        w.open("p");
        w.text("The card above shows the TF Hub usage. modelcards also exports this model to ONNX (the reference "
                + "architecture with the catalog's shapes; the verification below checks it):");
        w.close("p");
        w.open("pre", "class", "snippet", "id", "mc-usage-export");
        w.element("code", "java -jar modelcards.jar export --out models " + m.handle() + "\n# writes models/" + file);
        w.close("pre");
        w.element("h3", "Python (onnxruntime)");
        w.open("pre", "class", "snippet", "id", "mc-usage-python");
        w.element("code", String.join("\n",
                "import numpy as np",
                "import onnxruntime as ort",
                "",
                "session = ort.InferenceSession(\"models/" + file + "\")",
                uint8 ? "image = np.zeros((1, " + r + ", " + r + ", 3), dtype=np.uint8)  # RGB, NHWC, pixels 0-255"
                        : "image = np.zeros((1, " + r + ", " + r + ", 3), dtype=np.float32)  # RGB, NHWC, values in ["
                        + v.inputRange().get(0).toPlainString() + ", " + v.inputRange().get(1).toPlainString() + "]",
                "(" + out + ",) = session.run(None, {session.get_inputs()[0].name: image})",
                "print(" + out + ".shape)  # (1, " + outDim + ")"
                        + (v.isClassifier() ? "; class 0 is background" : "")));
        w.close("pre");
        w.element("h3", "Java (onnxruntime and the modelcards lookup API)");
        String type = uint8 ? "UINT8" : "FLOAT";
        w.open("pre", "class", "snippet", "id", "mc-usage-java");
        w.element("code", String.join("\n",
                "Variant v = Registry.load().get(\"" + m.handle() + "\").variant();",
                "int size = v.resolution();                       // " + r,
                "long[] shape = {1, size, size, v.inputShape().dims().get(3)};",
                "OrtEnvironment env = OrtEnvironment.getEnvironment();",
                "try (OrtSession session = env.createSession(\"models/" + file + "\")) {",
                uint8 ? "    ByteBuffer pixels = ByteBuffer.allocateDirect(size * size * 3);   // RGB, 0-255"
                        : "    FloatBuffer pixels = FloatBuffer.allocate(size * size * 3);       // RGB in [0, 1]",
                "    try (OnnxTensor in = OnnxTensor.createTensor(env, pixels, shape" + (uint8 ? ", OnnxJavaType." + type : "")
                        + ");",
                "         OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), in))) {",
                "        float[][] " + out + " = (float[][]) result.get(0).getValue();   // [1, " + outDim + "]",
                "    }",
                "}"));
        w.close("pre");
        w.close("section");
    }

    private static void intendedUse(HtmlWriter w, Variant v) {
        Catalog c = Specs.catalog(v);
        Catalog.Dataset d = c.dataset();
        w.open("section", "id", "mc-intended-use", "class", "intended-use", "aria-label", "Intended use and limitations");
        w.element("h2", "Intended use and limitations");
        w.open("ul");
        w.element("li", "Input: RGB photographs, " + v.resolution() + "×" + v.resolution() + " pixels, "
                + (v.isQuantized() && Specs.quantization(v).inputType().equals("uint8")
                ? "raw pixel values 0–255 (uint8)"
                : "values in [" + c.input().min().toPlainString() + ", " + c.input().max().toPlainString() + "]")
                + ". The model was trained on " + d.name() + " and is meant for natural images of everyday objects; "
                + "drawings, medical or satellite images, text and faces are outside what it learned.");
        if (v.isClassifier()) {
            w.element("li", "Output: " + d.classes() + " scores, class " + d.backgroundClass()
                    + " is \"background\" followed by the 1000 ImageNet classes; the labels are at " + d.labelsUrl()
                    + ". It cannot say \"none of these\": every image gets some ImageNet class.");
        } else {
            w.element("li", "Output: a " + v.featureWidth() + "-dimensional feature vector for transfer learning (a "
                    + "classifier trained on top for your own classes); it is not a classifier by itself.");
        }
        w.element("li", "Accuracy: the published top-1 " + v.top1().toPlainString() + " % and top-5 "
                + v.top5().toPlainString() + " % are single-crop ImageNet validation figures of the "
                + "classification model; accuracy on other images, and after fine-tuning, will differ.");
        if (v.isQuantized()) {
            w.element("li", "Quantized (" + v.quantization().orElseThrow() + "): trained with simulated quantization "
                    + "for 8-bit integer inference. No separate accuracy is published for it: the figures shown are "
                    + "the float model's, and the quantized model is usually slightly less accurate.");
        }
        v.pixel1LatencyMs().ifPresent(ms -> w.element("li", "Latency: " + ms.toPlainString() + " ms on a Pixel 1 "
                + "phone (one large core, TF-Lite float), as published by TF-Slim; other devices differ."));
        w.close("ul");
        w.close("section");
    }

    private static void license(HtmlWriter w, Catalog c) {
        w.open("section", "id", "mc-license", "aria-label", "License");
        w.element("h2", "License");
        w.open("p");
        Catalog.License l = c.license();
        if (l == null) {
            w.text("The catalog does not state a license for these models.");
        } else {
            Optional<String> url = Links.external(l.url());
            if (url.isPresent()) {
                w.element("a", l.name(), "href", url.get(), "data-license", l.id());
            } else {
                w.text(l.name());
            }
            w.text(" (" + l.id() + "), as published by " + c.publisher() + ".");
        }
        w.close("p");
        w.close("section");
    }

    private static void citation(HtmlWriter w, FamilySpec f) {
        w.open("section", "id", "mc-cite", "aria-label", "How to cite");
        w.element("h2", "How to cite");
        w.element("p", "The paper that introduced " + f.name() + ":");
        w.open("pre", "class", "snippet bibtex", "id", "mc-bibtex");
        w.element("code", bibtex(f.paper()));
        w.close("pre");
        w.close("section");
    }

    /**
     * The paper as a BibTeX entry: an arXiv paper (the catalog's URL is an arxiv.org abstract) becomes an
     * {@code @article} with its eprint number, anything else a {@code @misc} with its URL.
     */
    static String bibtex(FamilySpec.Paper p) {
        String first = p.authors().isEmpty() ? "anonymous" : p.authors().get(0);
        String last = first.substring(first.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        String word = p.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").strip().split(" +")[0];
        String key = last + p.year() + word;
        java.util.regex.Matcher arxiv = java.util.regex.Pattern.compile("https?://arxiv\\.org/abs/([0-9]{4}\\.[0-9]{4,5})")
                .matcher(p.url());
        StringBuilder b = new StringBuilder();
        b.append(arxiv.matches() ? "@article{" : "@misc{").append(key).append(",\n");
        field(b, "title", "{" + p.title() + "}");
        field(b, "author", String.join(" and ", p.authors()));
        if (arxiv.matches()) {
            field(b, "journal", "arXiv preprint arXiv:" + arxiv.group(1));
            field(b, "eprint", arxiv.group(1));
            field(b, "archivePrefix", "arXiv");
        }
        field(b, "year", Integer.toString(p.year()));
        b.append("  url = {").append(p.url()).append("}\n}");
        return b.toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Millions with two decimals. */
    static String millions(BigDecimal m) {
        return m.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " M";
    }

    /**
     * For the facts list: the figures a feature-vector model really has, the published one (or its erratum's
     * corrected value, as the verifier expects) minus the classifier it lacks; params first, then MACs.
     */
    static List<BigDecimal> withoutClassifier(Variant v) {
        BigDecimal classifierMillions = BigDecimal.valueOf(v.missingClassifier()).movePointLeft(6);
        return List.of(Quantity.PARAMS, Quantity.MACS).stream()
                .map(q -> v.erratum(q).map(e -> e.corrected()).orElse(v.published(q)).subtract(classifierMillions))
                .toList();
    }
}
