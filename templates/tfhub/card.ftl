<#-- The tfhub.dev markdown card of one handle and version. -->
<#include "../lib/markdown.ftl">
<#include "../lib/card.ftl">
<@page c/>
