package dev.modelcards.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded and validated catalog: the facts every family shares plus one {@link FamilySpec} per
 * architecture. Immutable. Obtain one with {@link CatalogLoader}.
 *
 * @param publisher  handle prefix of the publisher, e.g. {@code google}
 * @param collection handle segment of the collection, e.g. {@code imagenet}
 * @param hubUrl     base URL that handles are appended to, e.g. {@code https://tfhub.dev}
 * @param dataset    the training dataset and its classes
 * @param input      the image input convention shared by every model
 * @param heads      the model heads by id ({@code classification}, {@code feature_vector}), in file order
 * @param formats    the serialization formats a version can have, by id
 * @param families   the families, in the order {@code catalog.yaml} lists them
 * @param text       free-form wording shared by all cards, for templates
 */
public record Catalog(String publisher, String collection, String hubUrl, Dataset dataset, InputSpec input,
                      Map<String, HeadSpec> heads, Map<String, FormatSpec> formats, List<FamilySpec> families,
                      Map<String, String> text) {

    /** The dataset the models were trained on. */
    public record Dataset(String name, String id, int classes, int backgroundClass, String labelsUrl) {
    }

    /** The input convention: channels last, values in [min, max]. */
    public record InputSpec(int channels, BigDecimal min, BigDecimal max) {
    }

    /** One head of the models: what it outputs and how tfhub.dev classifies it. */
    public record HeadSpec(String id, String output, String moduleType, Map<String, String> text, SourcePos pos) {
    }

    /** A serialization format, e.g. TF1 Hub format used through {@code hub.Module}. */
    public record FormatSpec(String id, String name, String api, SourcePos pos) {
    }

    /** The family with this id, if any. */
    public Optional<FamilySpec> family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
