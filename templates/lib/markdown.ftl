<#-- Markdown syntax for the shared card fragments (lib/card.ftl). lib/plain.ftl defines the same
     macros for plain text, so a fragment is written once and read by every rendering.
     Catalog values printed with ${...} here are escaped by the markdown output format. -->
<#assign zwnj = "&zwnj;"?no_esc>
<#macro heading level><#list 1..level as i>#</#list> <#nested></#macro>
<#macro link url>[<#nested>](${fmt.url(url)})</#macro>
<#macro code>`<#nested>`</#macro>
<#macro em>*<#nested>*</#macro>
<#macro strong>**<#nested>**</#macro>
<#macro codeblock lang>
```${lang}
<#nested>
```
</#macro>
<#-- tfhub.dev reads its metadata from HTML comments. -->
<#macro metadata c>
<#list c.metadata as m>
<!-- ${fmt.comment(m.key)}: ${fmt.comment(m.value)} -->
</#list>
</#macro>
