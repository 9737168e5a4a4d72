<#-- One AI Hub entry: "# N. [collection-name-head@vN](product URL)" and the card body. AI Hub
     escapes every underscore of the title. Without a product id the title is not a link. -->
<#macro entry c number>
<#local title = c.collection + "-" + c.name + "-" + c.head + "@v" + c.version>
<#if c.externalIds.aihub??>
# <#if number gt 0>${number}. </#if><@link c.text.aihub_product_url + c.externalIds.aihub>${fmt.escapeAll(title)}</@link>
<#else>
# <#if number gt 0>${number}. </#if>${fmt.escapeAll(title)}
</#if>
<@body c/>
</#macro>
