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
<#macro tag key value>
<!-- ${fmt.comment(key)}: ${fmt.comment(value)} -->
</#macro>
<#-- The publisher's image buttons, before they became colab/demo tags. -->
<#macro button label url>
[![${label}]](${fmt.url(url)})
</#macro>
