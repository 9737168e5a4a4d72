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
 * @param deployments conversions published as child cards of a model version (TF.js), by id
 * @param history    the publisher's dated edits of the cards, oldest first
 * @param tags       the publisher's tag vocabulary: metadata key → allowed ids (empty when none is given)
 * @param urlTags    metadata keys whose value is a URL: key → the domain it must be on ("" for any https URL)
 * @param withdrawn  published handles (with version) deliberately withdrawn or changed, each with the reviewed reason
 * @param license    the license the models are published under, or null when the catalog does not say
 */
public record Catalog(String publisher, String collection, String hubUrl, Dataset dataset, InputSpec input,
                      Map<String, HeadSpec> heads, Map<String, FormatSpec> formats, List<FamilySpec> families,
                      Map<String, String> text, Map<String, DeploymentSpec> deployments, List<Edit> history,
                      Map<String, List<Tag>> tags, Map<String, String> urlTags, Map<String, String> withdrawn,
                      License license) {

    /**
     * The license the publisher releases the models under.
     *
     * @param id   the publisher's license tag id ({@code tfhub_tags.yaml}), e.g. {@code apache-2.0}
     * @param name its full name, e.g. {@code Apache License 2.0}
     * @param url  where its text is, an https URL
     */
    public record License(String id, String name, String url) {
    }

    /** The dataset the models were trained on. */
    public record Dataset(String name, String id, int classes, int backgroundClass, String labelsUrl) {
    }

    /** The input convention: channels last, values in [min, max]. */
    public record InputSpec(int channels, BigDecimal min, BigDecimal max) {
    }

    /** One head of the models: what it outputs and how tfhub.dev classifies it. */
    public record HeadSpec(String id, String output, String moduleType, Map<String, String> text, SourcePos pos) {
    }

    /**
     * A serialization format, e.g. TF1 Hub format used through {@code hub.Module}.
     *
     * @param tfhubFormat the value of the card's {@code format} metadata ({@code hub}, {@code saved_model_2})
     */
    public record FormatSpec(String id, String name, String api, String tfhubFormat, SourcePos pos) {
    }

    /**
     * A deployment format published as a child card of a model version, e.g. TF.js at
     * {@code <handle>/<version>/default/tfjs/1}.
     *
     * @param id       the format id, also the folder of the child card ({@code tfjs})
     * @param name     display name ({@code TF.js})
     * @param path     the child's path below its parent version, e.g. {@code default/tfjs/1}
     * @param metadata the card's metadata lines in order
     * @param text     wording for the child card's template
     */
    public record DeploymentSpec(String id, String name, String path, List<VersionSpec.MetadataEntry> metadata,
                                 Map<String, String> text, SourcePos pos) {
    }

    /**
     * One dated edit of the publisher's cards: what changed, when, in which commit of the publisher's
     * repository. Cards rendered as of a date have every edit up to and including that date.
     */
    public record Edit(String id, java.time.LocalDate date, String commit, String note, SourcePos pos) {
    }

    /** One id of the publisher's tag vocabulary, with the name cards printed before ids were used. */
    public record Tag(String id, String displayName) {
    }

    /**
     * The tag with this id under a metadata key, if the vocabulary has it.
     *
     * @param key a metadata key, e.g. {@code dataset}
     * @param id a tag id, e.g. {@code imagenet-ilsvrc-2012-cls}
     * @return the tag, or empty
     */
    public Optional<Tag> tag(String key, String id) {
        return tags.getOrDefault(key, List.of()).stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The history edit with this id, if any.
     *
     * @param id an edit id of {@code history:}
     * @return the edit, or empty
     */
    public Optional<Edit> edit(String id) {
        return history.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /**
     * The family with this id, if any.
     *
     * @param id a family id, e.g. {@code mobilenet_v2}
     * @return the family, or empty
     */
    public Optional<FamilySpec> family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
