<#-- The AI Hub listing: every card that has an AI Hub product id, numbered, each followed by a rule. -->
<#include "../lib/markdown.ftl">
<#include "../lib/card.ftl">
<#include "entry.ftl">
<#list cards as c>
<@entry c c?counter/>
---------
</#list>
