<#-- Plain-text syntax for the shared card fragments (lib/card.ftl): the same macros as
     lib/markdown.ftl, printing what a reader sees (link text without target, code without backticks). -->
<#assign zwnj = "">
<#-- A heading is a paragraph of its own. -->
<#macro heading level><#nested>${"\n"}</#macro>
<#macro link url><#nested></#macro>
<#macro code><#nested></#macro>
<#macro em><#nested></#macro>
<#macro strong><#nested></#macro>
<#-- Code is indented four spaces, so it reads as code and survives paragraph joining. -->
<#macro codeblock lang>
<#local code><#nested></#local>
${code?replace("(?m)^(?=.)", "    ", "r")}<#rt>
</#macro>
<#-- Metadata comments and buttons are markup only: a text page has none. -->
<#macro tag key value>
</#macro>
<#macro button label url>
</#macro>
