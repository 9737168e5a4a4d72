<#-- The model card shared by every rendering: tfhub/card.ftl, aihub/*.ftl and text/card.ftl include
     it after their syntax library (lib/markdown.ftl or lib/plain.ftl).

     What varies comes from the card model (see dev.modelcards.render.CardModel):
       c.text     wording from the catalog's text: maps (catalog, format, head, family, versions so far)
       c.format   the serialization format; its api (hub.Module / hub.KerasLayer) picks the usage
       c.classifier, c.unitMultiplier, c.batchNormMomentum, c.fineTunable, c.version
     Cards from version 3 on follow the publisher's revised card: input conventions before the
     size, the labels file, and `trainable=True` for fine-tuning. -->

<#-- "Module google/imagenet/mobilenet_v2_075_96/classification/4" and the one-line description. -->
<#macro title c>
<@heading 1>Module <#list c.handleSegments as s>${s}<#sep>/${zwnj}</#list>/${c.version}</@heading>
<#if c.classifier>
${c.text.dataset_title} classification with ${c.family.name} (depth multiplier ${c.multiplier}).
<#else>
Feature vectors of images with ${c.family.name} (depth multiplier ${c.multiplier}) trained on ${c.catalog.dataset.name}.
</#if>
</#macro>

<#-- A whole tfhub.dev page: title, metadata, the TF1 module URL or the format section, then the body. -->
<#macro page c>
<@title c/>

<@metadata c/>

<#if c.format.api == "hub.Module"><@strong>Module URL:</@strong> <@link c.url>${c.url}</@link></#if>

<#if c.text.format_intro??>
<@heading 2>${c.format.name}</@heading>

${fmt.inline(c.text.format_intro)}

</#if>
<@body c/>
</#macro>

<#-- Everything from the overview to the changelog (an AI Hub entry is its own title plus this). -->
<#macro body c>
<@overview c/>


<@training c/>

<@usage c/>
<#if c.fineTunable>


<@fineTuning c/>
</#if>
<#if c.errata?has_content>


<@errata c/>
</#if>


<@changelog c/>
</#macro>

<#macro overview c>
<#local t = c.text>
<@heading 2>Overview</@heading>

${fmt.inline(t.family_intro)}

<@citation c.family.paper/>

Mobilenets come in various sizes controlled by a multiplier for the
depth (number of features) in the convolutional layers. They can also be
trained for various sizes of input images to control inference speed.

This ${t.hub_noun} uses the ${c.family.implementation} implementation of
${fmt.code(c.family.id)}
with a depth multiplier of ${c.slimMultiplier} and an input size of
${c.resolution}x${c.resolution} pixels.
<#-- Width notes apply only where the multiplier changes widths; the line stays (empty) otherwise. -->
<#if !c.unitMultiplier && t.rounding??>${fmt.inline(t.rounding)}<#if t.last_layer??>
${fmt.inline(t.last_layer)}</#if></#if>

<#local other = c.otherHeads[0]>
<#if c.classifier>
The ${t.noun} contains a trained instance of the network, packaged to do the
<@link t.classification_signature_url>image classification</@link>
that the network was trained on. If you merely want to transform images into
feature vectors, ${t.use_other}
<@link other.url>${fmt.code(other.handle)}</@link>
instead, and save the space occupied by the classification layer.
<#else>
The ${t.noun} contains a trained instance of the network, packaged to get
<@link t.feature_vector_signature_url>feature vectors from images</@link>.
If you want the full model including the classification it was originally
trained for, ${t.use_other}
<@link other.url>${fmt.code(other.handle)}</@link>
instead.
</#if>
</#macro>

<#-- The paper as one bullet, wrapped like the publisher's cards. -->
<#macro citation p>
<#local cite><#list p.authors as a>${a}<#sep>, </#list>: <@link p.url>"${p.title}"</@link>, ${p.year}.</#local>
${fmt.wrap(cite, 72, "  * ", "    ")}
</#macro>

<#macro training c>
<@heading 2>Training</@heading>

The checkpoint exported into this ${c.text.noun} was ${fmt.code(c.checkpointPath)} downloaded
from
<@link c.family.checkpoint.url>${c.family.checkpoint.source}</@link>.
${fmt.inline(c.text.weights_origin)}
</#macro>

<#macro usage c>
<#local t = c.text>
<#local revised = c.version gte 3>
<@heading 2>Usage</@heading>

<#if c.format.api == "hub.KerasLayer">
This ${t.noun} can be used with the ${fmt.code(c.format.api)} as follows.
It <@em>cannot</@em> be used with the <@code>hub.Module</@code> API for TensorFlow 1.

<@codeblock "python">
<#if c.classifier>
m = tf.keras.Sequential([
    hub.KerasLayer("${fmt.url(c.url)}")
])
<#else>
m = tf.keras.Sequential([
    hub.KerasLayer("${fmt.url(c.url)}",
                   trainable=False),  # Can be True, see below.
    tf.keras.layers.Dense(num_classes, activation='softmax')
])
</#if>
m.build([None, ${c.resolution}, ${c.resolution}, 3])  # Batch input shape.
</@codeblock>

<#if c.classifier>
The output is a batch of logits vectors. The indices into the logits
are the <@code>num_classes</@code> = ${c.numClasses} classes of the classification from
the original training (see above). The mapping from indices to class labels
<@labels c/> (with class ${c.catalog.dataset.backgroundClass} for "background", followed by ${c.numClasses - 1} actual ImageNet classes).
<#else>
The output is a batch of feature vectors. For each input image,
the feature vector has size <@code>num_features</@code> = ${c.featureWidth}.
</#if>

<@inputConventions c/>
<@inputSize c/>
<#else>
<#if c.classifier>
<#-- The publisher's text keeps a space at the end of the next line. -->
This ${t.noun} implements the common signature for${" "}
<@link t.classification_signature_url>image classification</@link>.
<#else>
This ${t.noun} implements the common signature for computing
<@link t.feature_vector_signature_url>image feature vectors</@link>.
</#if>
It can be used like

<@codeblock "python">
module = hub.Module("${fmt.url(c.url)}")
height, width = hub.get_expected_image_size(module)
images = ...  # A batch of images with shape [batch_size, height, width, 3].
<#if c.classifier>
logits = module(images)  # Logits with shape [batch_size, num_classes].
<#else>
features = module(images)  # Features with shape [batch_size, num_features].
</#if>
</@codeblock>

<#if c.classifier>
...or using the signature name <@code>image_classification</@code>. The indices into logits
are the <@code>num_classes</@code> = ${c.numClasses} classes of the classification from
the original training (see above).<#if revised> The mapping from indices to class labels
<@labels c/>.</#if>

This ${t.noun} can also be used to compute <@link t.feature_vector_signature_url>image feature
vectors</@link>,
using the signature name <@code>image_feature_vector</@code>.
<#else>
...or using the signature name <@code>image_feature_vector</@code>. The output for each image
in the batch is a feature vector of size <@code>num_features</@code> = ${c.featureWidth}.
</#if>

<#if revised>
<@inputConventions c/>
<@inputSize c/>
<#else>
<@inputSize c/>
<@inputConventions c/>
</#if>
</#if>
</#macro>

<#macro labels c>can be found in the file at <@link c.catalog.dataset.labelsUrl>${c.text.labels_link_text}</@link></#macro>

<#macro inputConventions c>
The input <@code>images</@code> are expected to have color values in the range [${c.catalog.input.min},${c.catalog.input.max}],
following the
<@link c.text.image_input_url>common image input</@link>
conventions.
</#macro>

<#macro inputSize c>
<#if c.variableInputSize>
<#-- Versions that support variable input size (catalog: variable_input_size) say so, as tfhub.dev does. -->
The expected size of the input images is <@code>height</@code> x <@code>width</@code> = ${c.resolution} x ${c.resolution} pixels
by default, but other input sizes are possible (within limits).
<#else>
<#-- Before version 3 the sentence said "image", from version 3 on "images". -->
For this ${c.text.noun}, the size of the input <#if c.version gte 3>images<#else>image</#if> is fixed to
<@code>height</@code> x <@code>width</@code> = ${c.resolution} x ${c.resolution} pixels.
</#if>
</#macro>

<#macro fineTuning c>
<#local t = c.text>
<#local keras = c.format.api == "hub.KerasLayer">
<#local revised = c.version gte 3>
<@heading 2>Fine-tuning</@heading>

<#if keras>
<#if c.classifier>
In principle, consumers of this ${t.noun} can
<@link t.fine_tuning_url>fine-tune</@link> it
by passing <@code>trainable=True</@code> to ${fmt.code(c.format.api)}.

However, fine-tuning through a large classification might be prone to overfit.
<#else>
Consumers of this ${t.noun} can <@link t.fine_tuning_url>fine-tune</@link> it
by passing <@code>trainable=True</@code> to ${fmt.code(c.format.api)}.
</#if>
<#else>
<#if c.classifier>
In principle, consumers of this ${t.noun} can
<@link t.fine_tuning_url>fine-tune</@link> it.
However, fine-tuning through a large classification might be prone to overfit.

Fine-tuning requires importing the graph version with tag set <@code>{"train"}</@code>
<#else>
Consumers of this ${t.noun} can <@link t.fine_tuning_url>fine-tune</@link> it.
This requires importing the graph version with tag set <@code>{"train"}</@code>
</#if>
in order to operate batch normalization in training mode<#if revised>, and setting
<@code>trainable=True</@code></#if>.
</#if>
<#if c.batchNormMomentum?? && c.batchNormMomentum.configurable>

<@momentum c keras/>
</#if>
</#macro>

<#-- The batch-norm momentum paragraph, for versions where the momentum is configurable. -->
<#macro momentum c keras>
The momentum (a.k.a. decay coefficient) of batch norm's exponential moving
averages defaults to ${c.batchNormMomentum.default} for this ${c.text.noun}, in order to accelerate training
on small datasets (or with huge batch sizes).
<#if keras>
Advanced users can set another value (say, 0.997) by loading this ${c.text.noun} like

<@codeblock "python">
hub.KerasLayer("${fmt.url(c.url)}",
               trainable=True, arguments=dict(batch_norm_momentum=0.997))
</@codeblock>
<#else>
Advanced users can set another value (say, 0.997) by calling this ${c.text.noun} like

<@codeblock "python">
module = hub.Module("${fmt.url(c.url)}",
                    trainable=True, tags={"train"})
<#if c.classifier>
logits = module(inputs=dict(images=images, batch_norm_momentum=0.997),
                signature="image_classification_with_bn_hparams")
<#else>
features = module(inputs=dict(images=images, batch_norm_momentum=0.997),
                  signature="image_feature_vector_with_bn_hparams")
</#if>
</@codeblock>
<#if c.classifier>

...or analogously for signature <@code>image_feature_vector_with_bn_hparams</@code>.
</#if>
</#if>
</#macro>

<#-- Published figures that contradict the architecture (catalog errata); no published card has them. -->
<#macro errata c>
<@heading 2>Errata</@heading>

<#list c.errata as e>
  * The published number of ${e.quantity} for this ${c.text.noun}, ${e.published} ${e.unit},
    contradicts its architecture, which gives ${e.measured} ${e.unit}: ${fmt.inline(e.note, "    ")}.
</#list>
</#macro>

<#-- The changelog of every published version up to this card's. -->
<#macro changelog c>
<@heading 2>Changelog</@heading>
<#list c.changelog as v>

<@heading 4>Version ${v.version}</@heading>

<#list v.entries as e>
  * ${fmt.inline(e, "    ")}
</#list>
</#list>
</#macro>
