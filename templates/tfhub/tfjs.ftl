<#-- The tfhub.dev markdown card of a TF.js deployment: a child of one model version. -->
<#include "../lib/markdown.ftl">
<#include "../lib/card.ftl">
<@deployment c/>
