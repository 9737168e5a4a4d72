<#-- The plain-text page of a TF.js deployment card. -->
<#include "../lib/plain.ftl">
<#include "../lib/card.ftl">
<@deployment c/>
