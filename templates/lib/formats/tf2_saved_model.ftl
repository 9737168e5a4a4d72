<#-- The sections of a card that depend on its format, for TF2 SavedModels (hub.KerasLayer); see
     lib/formats/tf1_hub.ftl for the macros every format file defines. -->

<#macro formatSection c>
<@heading 2>${c.format.name}</@heading>

${fmt.inline(c.text.format_intro)}

</#macro>

<#macro usage c>
<#local t = c.text>
<@heading 2>Usage</@heading>

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
the feature vector has size <@code>num_features</@code> = ${c.featureWidth}. The feature
vectors can then be used further, e.g., for classification as above.
</#if>

<@inputConventions c/>
<@inputSize c/>
</#macro>

<#macro inputSize c>
<#if c.variableInputSize>
<#-- Versions that support variable input size (catalog: variable_input_size) say so. -->
The expected size of the input images is
<@code>height</@code> x <@code>width</@code> = ${c.resolution} x ${c.resolution} pixels
by default, but other input sizes are possible (within limits).
<#else>
For this ${c.text.noun}, the size of the input images is fixed to
<@code>height</@code> x <@code>width</@code> = ${c.resolution} x ${c.resolution} pixels.
</#if>
</#macro>

<#macro fineTuning c>
<#local t = c.text>
<@heading 2>Fine-tuning</@heading>

<#if !c.fineTunable>
${fmt.paragraphs(t.no_fine_tuning)}
<#else>
<#if c.classifier>
In principle, consumers of this ${t.noun} can
<@link t.fine_tuning_url>fine-tune</@link> it
by passing <@code>trainable=True</@code> to ${fmt.code(c.format.api)}.

However, fine-tuning through a large classification might be prone to overfit.
<#else>
Consumers of this ${t.noun} can
<@link t.fine_tuning_url>fine-tune</@link> it
by passing <@code>trainable=True</@code> to ${fmt.code(c.format.api)}.
</#if>
<#if c.batchNormMomentum?? && c.batchNormMomentum.configurable>

The momentum (a.k.a. decay coefficient) of batch norm's exponential moving
averages defaults to ${c.batchNormMomentum.default} for this ${t.noun}, in order to accelerate training
on small datasets (or with huge batch sizes).
Advanced users can set another value (say, 0.997) by loading this ${t.noun} like

<@codeblock "python">
hub.KerasLayer("${fmt.url(c.url)}",
               trainable=True, arguments=dict(batch_norm_momentum=0.997))
</@codeblock>
</#if>
</#if>
</#macro>
