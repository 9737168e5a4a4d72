<#-- The markdown index: every variant with its latest version and published metrics, linking the
     latest card by its path inside site/. -->
<#include "../lib/markdown.ftl">
<@heading 1>Model cards: ${catalog.publisher}/${catalog.collection}</@heading>

${variants?size} variants, ${cardCount} cards (every published version of every variant).
Written by <@code>modelcards generate</@code> from the catalog; do not edit by hand.

| handle | latest | family | multiplier | input | output | MACs (M) | params (M) | top-1 (%) | top-5 (%) | card |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
<#list variants as v>
| <@link v.latestUrl>${fmt.code(v.handle)}</@link> | ${v.latest} | ${v.familyName} | ${v.multiplier} | ${v.resolution}x${v.resolution}x${v.channels} | ${v.outputDims} | ${v.metrics.macsMillions} | ${v.metrics.paramsMillions} | ${v.metrics.top1} | ${v.metrics.top5} | [${v.latest}.md](${fmt.path(v.cardPath)}) |
</#list>
