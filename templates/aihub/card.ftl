<#-- One card as an AI Hub entry of its own (unnumbered). -->
<#include "../lib/markdown.ftl">
<#include "../lib/card.ftl">
<#include "entry.ftl">
<@entry c 0/>
