<#-- The plain-text page of one handle and version: the tfhub.dev card as a reader sees it. -->
<#include "../lib/plain.ftl">
<#include "../lib/card.ftl">
<@page c/>
