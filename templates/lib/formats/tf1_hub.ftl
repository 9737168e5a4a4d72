<#-- The sections of a card that depend on its format, for TF1 Hub modules (hub.Module). lib/card.ftl
     includes lib/formats/<format id>.ftl for each card; every format file defines the same macros:
     formatSection (before the overview), usage, inputSize, fineTuning. -->

<#-- From the revised card on (text style: revised), the publisher says up front that this is TF1 only. -->
<#macro formatSection c>
<#local t = c.text>
<#if (t.style!"") == "revised" && t.tf1_section?? && c.edit.fine_tuning_hparams>
<@heading 2>hub.Module for TF1</@heading>

${fmt.paragraphs(t.tf1_section)}

<#if (t.tf1_section_gap!"") == "yes">

</#if>
</#if>
</#macro>

<#macro usage c>
<#local t = c.text>
<#local revised = (t.style!"") == "revised">
<#local current = revised && c.edit.fine_tuning_hparams>
<@heading 2>Usage</@heading>

<#if c.classifier>
<#-- The publisher's first cards keep a space at the end of the next line. -->
This ${t.noun} implements the common signature for<#if !current> </#if>
<@link t.classification_signature_url>image classification</@link>.
<#else>
This ${t.noun} implements the common signature for computing
<@link t.feature_vector_signature_url>image feature vectors</@link>.
</#if>
It can be used <#if current>with the <@code>${c.format.api}</@code> API </#if>like

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

<#if current>
...or using the signature name <@code>${c.classifier?then("image_classification", "image_feature_vector")}</@code>.
${fmt.inline(t.migration)}

<#if c.classifier>The indices into logits<#else>The output for each image</#if>
<#else>
...or using the signature name <@code>${c.classifier?then("image_classification", "image_feature_vector")}</@code>. <#if c.classifier>The indices into logits<#else>The output for each image</#if>
</#if>
<#if c.classifier>
are the <@code>num_classes</@code> = ${c.numClasses} classes of the classification from
the original training (see above).<#if t.labels_sentence == "yes"> The mapping from indices to class labels
<@labels c/>.</#if>

This ${t.noun} can also be used to compute <@link t.feature_vector_signature_url>image feature
vectors</@link>,
using the signature name <@code>image_feature_vector</@code>.
<#else>
in the batch is a feature vector of size <@code>num_features</@code> = ${c.featureWidth}.
</#if>

<#if revised>
<@inputConventions c/>
<@inputSize c/>
<#else>
<@inputSize c/>
<@inputConventions c/>
</#if>
</#macro>

<#macro inputSize c>
<#if c.variableInputSize>
<#-- Versions that support variable input size (catalog: variable_input_size) say so. -->
The expected size of the input images is
<@code>height</@code> x <@code>width</@code> = ${c.resolution} x ${c.resolution} pixels
by default, but other input sizes are possible (within limits).
<#else>
<#-- The first cards said "image", the revised ones "images". -->
For this ${c.text.noun}, the size of the input ${((c.text.style!"") == "revised")?then("images", "image")} is fixed to
<@code>height</@code> x <@code>width</@code> = ${c.resolution} x ${c.resolution} pixels.
</#if>
</#macro>

<#macro fineTuning c>
<#local t = c.text>
<#local revised = (t.style!"") == "revised">
<#local url = c.edit.fine_tuning_hparams?then(t.fine_tuning_url, t.fine_tuning_url_old!t.fine_tuning_url)>
<@heading 2>Fine-tuning</@heading>

<#if !c.fineTunable>
${fmt.paragraphs(t.no_fine_tuning)}
<#else>
<#if c.classifier>
In principle, consumers of this ${t.noun} can
<@link url>fine-tune</@link> it.
However, fine-tuning through a large classification might be prone to overfit.

Fine-tuning requires importing the graph version with tag set <@code>{"train"}</@code>
<#else>
Consumers of this ${t.noun} can <@link url>fine-tune</@link> it.
This requires importing the graph version with tag set <@code>{"train"}</@code>
</#if>
in order to operate batch normalization in training mode<#if revised>, and setting
<@code>trainable=True</@code></#if>.
<#if c.batchNormMomentum?? && c.batchNormMomentum.configurable>

The momentum (a.k.a. decay coefficient) of batch norm's exponential moving
averages defaults to ${c.batchNormMomentum.default} for this ${t.noun}, in order to accelerate training
on small datasets (or with huge batch sizes).
Advanced users can set another value (say, 0.997) by calling this ${t.noun} like

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
</#if>
</#macro>
