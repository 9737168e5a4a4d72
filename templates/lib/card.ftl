<#-- The model card shared by every rendering: tfhub/*.ftl, aihub/*.ftl and text/card.ftl include it
     after their syntax library (lib/markdown.ftl or lib/plain.ftl).

     What varies comes from the card model (see dev.modelcards.render.CardModel):
       c.text     wording merged from the catalog's text: maps (catalog, format, head, family, quantization,
                  then every version so far: wording a version introduces holds until a later one replaces it)
       c.edit     the publisher's dated edits (catalog.yaml history:), true where the card is rendered as of
                  a date on or after the edit
       c.metadata the card's metadata lines in order, already filtered by edit and head
       c.format   the serialization format: lib/formats/<its id>.ftl writes its sections (usage, fine-tuning)
     A version whose text says style: revised follows the publisher's revised TF1 card (input conventions
     before the size, trainable=True for fine-tuning, the TF1 section). -->

<#-- "Module google/imagenet/mobilenet_v2_075_96/classification/4" and the one-line description. -->
<#macro title c>
<@heading 1>Module <#list c.handleSegments as s>${s}<#sep>/<#if !c.edit.no_zwnj>${zwnj}</#if></#list>/${c.version}</@heading>
<#if c.classifier>
${c.text.dataset_title} classification with ${c.family.name} (depth multiplier ${c.multiplier}).
<#else>
Feature vectors of images with ${c.family.name} (depth multiplier ${c.multiplier}) trained on ${c.catalog.dataset.name}.
</#if>
</#macro>

<#-- A whole tfhub.dev page: title, metadata lines, the TF1 or TF2 section, then the body. -->
<#macro page c>
<#local t = c.text>
<@title c/>

<#list c.metadata as m><@metaLine c m/></#list>
<#include "formats/${c.format.id}.ftl">
<@formatSection c/>
<@body c/>
</#macro>

<#-- One metadata line: the macro meta_<key> below where a key needs more than a plain tag, else the tag.
     A macro per key rather than a switch: FreeMarker compares strings with a locale collator, a dozen
     comparisons per line of every card, while a macro is found by name. -->
<#macro metaLine c m>
<#local line = .namespace["meta_" + m.key?replace("-", "_")]!"">
<#if line?is_macro><@line c m/><#else><@tag m.key m.value/></#if>
</#macro>

<#macro meta_blank c m>

</#macro>

<#macro meta_module_url c m>
<@strong>Module URL:</@strong> <@link c.url>${c.url}</@link>
</#macro>

<#macro meta_colab c m>
<#local t = c.text>
<#local url = (c.edit.colab_moved?then(t.colab_url, t.colab_url_old)) + m.value>
<#if c.edit.colab_tag>
<@tag "colab" url/>
<#else>

<@button c.edit.notebook_typo?then("Open Colab notebook", "Open Colab notebok") url/>
</#if>
</#macro>

<#macro meta_demo c m>
<#if c.edit.demo_tag>
<@tag "demo" m.value/>
<#else>

<@button "Open Demo" m.value/>
</#if>
</#macro>

<#-- Tag values the publisher first wrote as names and later as vocabulary ids. -->
<#macro meta_dataset c m>
<@tag "dataset" c.edit.dataset_ids?then(c.tags.dataset.id, c.tags.dataset.displayName)/>
</#macro>

<#macro meta_network_architecture c m>
<@tag "network-architecture" c.edit.architecture_ids?then(c.tags.architecture.id, c.tags.architecture.displayName)/>
</#macro>

<#-- The publisher's module-type tag became task: one value, under the key the card's era uses. -->
<#macro meta_task c m><@tag m.key c.task/></#macro>
<#assign meta_module_type = meta_task>

<#macro meta_fine_tunable c m>
<@tag "fine-tunable" c.fineTunable?c/>
</#macro>

<#macro meta_format c m>
<@tag "format" c.format.tfhubFormat/>
</#macro>

<#macro meta_parent_model c m>
<@tag "parent-model" c.parentHandle/>
</#macro>

<#-- Everything from the overview to the changelog (an AI Hub entry is its own title plus this). -->
<#macro body c>
<#-- The format's own sections (usage, input size, fine-tuning): lib/formats/<format id>.ftl. -->
<#include "formats/${c.format.id}.ftl">
<@overview c/>


<#if c.text.quantization_section??>
<@quantization c/>

</#if>
<@training c/>

<@usage c/>


<@fineTuning c/>
<#if c.changelog?size gt 1>


<@changelog c/>
</#if>
<#if (c.text.ends_with_blank_line!"") == "yes">

</#if>
</#macro>

<#macro overview c>
<#local t = c.text>
<@heading 2>Overview</@heading>

${fmt.inline(t.family_intro)}

<#if t.citation??>
  * ${fmt.inline(t.citation, "    ")}
<#else>
<@citation c.family.paper/>
</#if>

Mobilenets come in various sizes controlled by a multiplier for the
depth (number of features) in the convolutional layers. They can also be
trained for various sizes of input images to control inference speed.
<#if t.implementation_gap??>

</#if>
This ${t.hub_noun} uses the ${c.family.implementation} implementation of
${fmt.code(c.slimFunction)}<#if t.instrumented??>${fmt.inline(t.instrumented)}</#if>
with a depth multiplier of ${c.slimMultiplier} and an input size of
${c.resolution}x${c.resolution} pixels.
<#-- Width notes apply only where the multiplier changes widths; the line stays (empty) otherwise. -->
<#if t.rounding??>
<#if !c.unitMultiplier>${fmt.inline(t.rounding)}<#if t.last_layer??>
${fmt.inline(t.last_layer)}</#if></#if>
</#if>

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

<#macro quantization c>
<#local t = c.text>
<@heading 2>Quantization</@heading>

${fmt.paragraphs(t.quantization_section?replace("{tflite_url}", c.edit.tflite_links?then(t.tflite_url, t.tflite_url_old)))}
</#macro>

<#macro training c>
<@heading 2>Training</@heading>

The checkpoint exported into this ${c.text.noun} was ${fmt.code(c.checkpointPath)} downloaded
from
<@link c.family.checkpoint.url>${c.family.checkpoint.source}</@link>.
${fmt.inline(c.text.weights_origin)}${c.text.weights_suffix!}.
</#macro>


<#macro labels c>can be found in the file at <@link c.catalog.dataset.labelsUrl>${c.text.labels_link_text}</@link></#macro>

<#macro inputConventions c>
The input <@code>images</@code> are expected to have color values in the range [${c.catalog.input.min},${c.catalog.input.max}],
following the
<@link c.text.image_input_url>common image input</@link>
conventions.
</#macro>




<#-- The changelog of every published version up to this card's (the publisher prints none on a first version). -->
<#macro changelog c>
<@heading 2>Changelog</@heading>
<#list c.changelog as v>

<@heading 4>Version ${v.version}</@heading>

<#list v.entries as e>
  * ${fmt.inline(e, "    ")}
</#list>
</#list>
</#macro>

<#-- A TF.js child card: the deployment of its parent model version. -->
<#macro deployment c>
<#local t = c.text>
<@heading 1>Tfjs ${c.publisherHandle}</@heading>
TF.js deployment of ${c.parentHandle}.

<#list c.metadata as m><@metaLine c m/></#list>
<@heading 2>Origin</@heading>

This model is based on <@link c.parentUrl>${c.parentHandle}</@link>.

This model has been automatically converted using the <@link t.converter_url>TF.js converter</@link>.

<@heading 2>Example use</@heading>
This model can be loaded using TF.js as:

<@codeblock "javascript">
tf.loadGraphModel("${fmt.url(c.url)}", { fromTFHub: true })
</@codeblock>
</#macro>
