<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a knowledge base file</source>
        <translation>打开知识库文件</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>重新载入(&amp;L)</translation>
    </message>
    <message>
        <source>Read the open file again from disk</source>
        <translation>从磁盘重新读取当前文件</translation>
    </message>
    <message>
        <source>&amp;Export Card as PDF…</source>
        <translation>将卡片导出为 PDF(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the selected card as a PDF file</source>
        <translation>将所选卡片保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Export Listed C&amp;ards as PDF…</source>
        <translation>将列表中的卡片导出为 PDF(&amp;A)…</translation>
    </message>
    <message>
        <source>Save every card the list shows (all, when nothing is filtered) as one PDF</source>
        <translation>将列表显示的所有卡片（未筛选时为全部）保存为一个 PDF</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the selected card</source>
        <translation>打印所选卡片</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>Preview the printed card</source>
        <translation>预览打印效果</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit evcards</source>
        <translation>退出 evcards</translation>
    </message>
    <message>
        <source>&amp;Copy Card</source>
        <translation>复制卡片(&amp;C)</translation>
    </message>
    <message>
        <source>Copy the card as text, with its citations</source>
        <translation>以文本形式复制卡片及其引用</translation>
    </message>
    <message>
        <source>&amp;Find Entity</source>
        <translation>查找实体(&amp;F)</translation>
    </message>
    <message>
        <source>Type to filter the entity list</source>
        <translation>输入文字以筛选实体列表</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>后退(&amp;B)</translation>
    </message>
    <message>
        <source>Go back to the previous entity</source>
        <translation>返回上一个实体</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>前进(&amp;F)</translation>
    </message>
    <message>
        <source>Go forward to the next entity</source>
        <translation>前往下一个实体</translation>
    </message>
    <message>
        <source>Show in &amp;Source</source>
        <translation>在来源中显示(&amp;S)</translation>
    </message>
    <message>
        <source>Show the current claim&apos;s quote in its source text</source>
        <translation>在来源文本中显示当前声明的引文</translation>
    </message>
    <message>
        <source>Source &amp;Pane</source>
        <translation>来源窗格(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the source text beside the card</source>
        <translation>显示或隐藏卡片旁的来源文本</translation>
    </message>
    <message>
        <source>&amp;Next Quote in Source</source>
        <translation>来源中的下一条引文(&amp;N)</translation>
    </message>
    <message>
        <source>Highlight the card&apos;s next quote in the source pane</source>
        <translation>在来源窗格中突出显示卡片的下一条引文</translation>
    </message>
    <message>
        <source>P&amp;revious Quote in Source</source>
        <translation>来源中的上一条引文(&amp;R)</translation>
    </message>
    <message>
        <source>Highlight the card&apos;s previous quote in the source pane</source>
        <translation>在来源窗格中突出显示卡片的上一条引文</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>时间线(&amp;T)</translation>
    </message>
    <message>
        <source>Show or hide the dated claims on a time axis</source>
        <translation>在时间轴上显示或隐藏带日期的声明</translation>
    </message>
    <message>
        <source>Relation &amp;Graph</source>
        <translation>关系图(&amp;G)</translation>
    </message>
    <message>
        <source>Show or hide the graph of the card&apos;s entity and its neighbours</source>
        <translation>显示或隐藏卡片实体及其相邻实体的关系图</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Make the card text larger</source>
        <translation>放大卡片文字</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Make the card text smaller</source>
        <translation>缩小卡片文字</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>Reset the card text to its normal size</source>
        <translation>将卡片文字恢复为正常大小</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every keyboard shortcut</source>
        <translation>列出所有键盘快捷键</translation>
    </message>
    <message>
        <source>&amp;About evcards</source>
        <translation>关于 evcards(&amp;A)</translation>
    </message>
    <message>
        <source>What evcards is, and its version</source>
        <translation>evcards 简介及版本</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark setting</source>
        <translation>跟随桌面的浅色或深色设置</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>Dark text on a light background</source>
        <translation>浅色背景上的深色文字</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>Light text on a dark background</source>
        <translation>深色背景上的浅色文字</translation>
    </message>
    <message>
        <source>Card PDF &amp;with Relation Graph</source>
        <translation>卡片 PDF 附带关系图(&amp;W)</translation>
    </message>
    <message>
        <source>Exported card PDFs end with a page of the entity&apos;s relation graph</source>
        <translation>导出的卡片 PDF 末尾附一页该实体的关系图</translation>
    </message>
    <message>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <source>Organization</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Founded by</source>
        <translation>创始人</translation>
    </message>
    <message>
        <source>Founder of</source>
        <translation>创立</translation>
    </message>
    <message>
        <source>Maker of</source>
        <translation>制造</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>制造商</translation>
    </message>
    <message>
        <source>Variant of</source>
        <translation>衍生自</translation>
    </message>
    <message>
        <source>Has variant</source>
        <translation>衍生型号</translation>
    </message>
    <message>
        <source>Inspired by</source>
        <translation>灵感来自</translation>
    </message>
    <message>
        <source>Inspiration for</source>
        <translation>启发了</translation>
    </message>
    <message>
        <source>Competitor of</source>
        <translation>竞争对手</translation>
    </message>
    <message>
        <source>Based in</source>
        <translation>总部位于</translation>
    </message>
    <message>
        <source>Associated with</source>
        <translation>相关</translation>
    </message>
    <message>
        <source>Supported</source>
        <translation>有据支持</translation>
    </message>
    <message>
        <source>Partly supported</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>被驳斥</translation>
    </message>
    <message>
        <source>Unconfirmed: no quote found in a source supports or refutes it</source>
        <translation>未证实：来源中找到的引文既不支持也不反驳</translation>
    </message>
    <message>
        <source>No source quote</source>
        <translation>无来源引文</translation>
    </message>
    <message>
        <source>Supports</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Refutes</source>
        <translation>反驳</translation>
    </message>
    <message>
        <source>Partly supports</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>背景</translation>
    </message>
    <message>
        <source>quote found in source</source>
        <translation>引文见于来源</translation>
    </message>
    <message>
        <source>quote not found in source</source>
        <translation>来源中未找到引文</translation>
    </message>
    <message>
        <source>not counted in the verdict</source>
        <translation>不计入结论</translation>
    </message>
    <message>
        <source>quote matches the source only approximately</source>
        <translation>引文与来源仅近似一致</translation>
    </message>
    <message>
        <source>Show in source</source>
        <translation>在来源中显示</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Also known as %1</source>
        <translation>又名 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Claims (%1)</source>
        <translation>声明（%1）</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>声明</translation>
    </message>
    <message>
        <source>No claims yet.</source>
        <translation>尚无声明。</translation>
    </message>
    <message>
        <source>the source says: </source>
        <translation>来源原文：</translation>
    </message>
    <message>
        <source>closest passage in the source (%1 % similar): </source>
        <translation>来源中最接近的段落（相似度 %1%）：</translation>
    </message>
    <message>
        <source>Accessed %1</source>
        <translation>访问于 %1</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <source>Entity card</source>
        <translation>实体卡片</translation>
    </message>
    <message>
        <source>Select an entity on the left to see its card.</source>
        <translation>在左侧选择一个实体以查看其卡片。</translation>
    </message>
    <message>
        <source>Copied the card of %1 with its citations.</source>
        <translation>已复制 %1 的卡片及其引用。</translation>
    </message>
    <message>
        <source>Copied claim %1 of %2 with its citation.</source>
        <translation>已复制 %2 的第 %1 条声明及其引用。</translation>
    </message>
    <message>
        <source>Copy Claim with Citation</source>
        <translation>复制声明及引用</translation>
    </message>
    <message>
        <source>Copy Card</source>
        <translation>复制卡片</translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n 条声明</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n 条引文</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n 张卡片</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(-ies)</source>
        <translation>
            <numerusform>%n 个实体</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 项发现</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entities</source>
        <translation>
            <numerusform>%1/%n 个实体</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Cannot open knowledge base</source>
        <translation>无法打开知识库</translation>
    </message>
    <message>
        <source>%1 is not a valid knowledge base (%2).</source>
        <translation>%1 不是有效的知识库（%2）。</translation>
    </message>
    <message>
        <source>Still showing %1.</source>
        <translation>仍显示 %1。</translation>
    </message>
    <message>
        <source>Knowledge cards whose every quote is checked against its source text.</source>
        <translation>知识卡片：每条引文都经过来源文本核对。</translation>
    </message>
    <message>
        <source>Chinese text is shown with Noto Sans CJK (SIL Open Font License 1.1).</source>
        <translation>中文使用 Noto Sans CJK 字体显示（SIL 开放字体许可证 1.1）。</translation>
    </message>
</context>
<context>
    <name>EntityList</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
</context>
<context>
    <name>EntityListPane</name>
    <message>
        <source>Filter entities</source>
        <translation>筛选实体</translation>
    </message>
    <message>
        <source>Filter by name, kind or claim…</source>
        <translation>按名称、类型或声明筛选…</translation>
    </message>
    <message>
        <source>Filter by name, alias, kind or claim… (Shift+F1: kind:, has:, OR…)</source>
        <translation>按名称、别名、类型或声明筛选…（Shift+F1：kind:、has:、OR…）</translation>
    </message>
    <message>
        <source>Search syntax (Shift+F1 in the filter)</source>
        <translation>搜索语法（在筛选框中按 Shift+F1）</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>搜索语法</translation>
    </message>
    <message>
        <source>Query error</source>
        <translation>查询错误</translation>
    </message>
    <message>
        <source>Entities</source>
        <translation>实体</translation>
    </message>
    <message>
        <source>No matching entity</source>
        <translation>无匹配实体</translation>
    </message>
    <message>
        <source>No entity matches “%1”.</source>
        <translation>没有与“%1”匹配的实体。</translation>
    </message>
    <message>
        <source>This knowledge base has no entities.</source>
        <translation>此知识库中没有实体。</translation>
    </message>
</context>
<context>
    <name>ExportNotice</name>
    <message>
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <source>Open the exported PDF</source>
        <translation>打开导出的 PDF</translation>
    </message>
</context>
<context>
    <name>FilterNote</name>
    <message>
        <source>Filter note</source>
        <translation>筛选提示</translation>
    </message>
    <message>
        <source>Show all entities</source>
        <translation>显示全部实体</translation>
    </message>
    <message>
        <source>%1 is not in the list: the filter “%2” does not match it.</source>
        <translation>%1 不在列表中：筛选条件“%2”与其不匹配。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in source</source>
        <translation>在来源中查找</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translation>上一个匹配</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close find</source>
        <translation>关闭查找</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
</context>
<context>
    <name>GraphPane</name>
    <message>
        <source>Neighbours</source>
        <translation>相邻层数</translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation>
            <numerusform>%n 层</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>总览(&amp;O)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>&amp;Listed only</source>
        <translation>仅列表中的(&amp;L)</translation>
    </message>
    <message>
        <source>Only the entities the list shows under the current search</source>
        <translation>仅显示当前搜索下列表中的实体</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>As %1…</source>
        <translation>导出为 %1…</translation>
    </message>
    <message>
        <source>Laying out… %p%</source>
        <translation>正在布局… %p%</translation>
    </message>
    <message>
        <source>Laying out the overview</source>
        <translation>正在布局总览</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop laying out the overview and go back to the card&apos;s neighbours</source>
        <translation>停止布局总览，回到卡片的相邻实体</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message numerus="yes">
        <source>%n more entity(-ies) not shown.</source>
        <translation>
            <numerusform>另有 %n 个实体未显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more entity(-ies) not shown (at most 2,000).</source>
        <translation>
            <numerusform>另有 %n 个实体未显示（最多显示 2,000 个）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Relation graph: %1</source>
        <translation>关系图：%1</translation>
    </message>
    <message>
        <source>Relation graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Export Graph</source>
        <translation>导出关系图</translation>
    </message>
    <message>
        <source>Could not export the graph: %1</source>
        <translation>无法导出关系图：%1</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Relation graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>{name} ({kind}), entity {index} of {count}; arrow keys move, Enter opens</source>
        <translation>{name}（{kind}），第 {index} 个实体，共 {count} 个；方向键移动，回车打开</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n relation(s)</source>
        <translation>
            <numerusform>%1，%n 个关系</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>The language of the window, the PDFs and the messages</source>
        <translation>窗口、PDF 和消息所用的语言</translation>
    </message>
    <message>
        <source>Set by --lang %1</source>
        <translation>由 --lang %1 指定</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Knowledge bases (*.json);;All files (*)</source>
        <translation>知识库 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Reading the file again; this follows once it is read.</source>
        <translation>正在重新读取文件；读取完成后将继续执行。</translation>
    </message>
    <message>
        <source>Open Knowledge Base</source>
        <translation>打开知识库</translation>
    </message>
    <message>
        <source>Select an entity on the left to see its card.</source>
        <translation>在左侧选择一个实体以查看其卡片。</translation>
    </message>
    <message>
        <source>Loading cancelled; nothing changed.</source>
        <translation>已取消载入，未做任何更改。</translation>
    </message>
    <message>
        <source>%1 changed on disk but is not valid; still showing the previous version.</source>
        <translation>%1 在磁盘上已更改但无效，仍显示之前的版本。</translation>
    </message>
    <message>
        <source>%1 in %2 could not be verified verbatim; the cards concerned say so.</source>
        <translation>%2 中有 %1 无法逐字核实，相关卡片已注明。</translation>
    </message>
    <message>
        <source>This knowledge base has no entities.</source>
        <translation>此知识库中没有实体。</translation>
    </message>
    <message>
        <source>The entity shown before is not in this file. Select an entity on the left.</source>
        <translation>之前显示的实体不在此文件中。请在左侧选择一个实体。</translation>
    </message>
    <message>
        <source>Cannot open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>No entity with the id %1 in this knowledge base.</source>
        <translation>此知识库中没有 ID 为 %1 的实体。</translation>
    </message>
    <message>
        <source>Copied the card of %1 with its citations.</source>
        <translation>已复制 %1 的卡片及其引用。</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>This card has no quote that could be found in its source.</source>
        <translation>此卡片没有能在来源中找到的引文。</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>Relation Graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Relation graph</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>&amp;Color Scheme</source>
        <translation>配色方案(&amp;C)</translation>
    </message>
    <message>
        <source>Set by %1</source>
        <translation>由 %1 指定</translation>
    </message>
    <message>
        <source>About evcards</source>
        <translation>关于 evcards</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OutsideSourcesOption</name>
    <message>
        <source>Allow Sources Outside the &amp;Folder</source>
        <translation>允许文件夹以外的来源(&amp;F)</translation>
    </message>
    <message>
        <source>Let a knowledge base read source texts outside its own folder (only for files you trust)</source>
        <translation>允许知识库读取其文件夹以外的来源文本（仅限您信任的文件）</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <source>exported %1</source>
        <translation>导出于 %1</translation>
    </message>
    <message>
        <source>Relation graph: %1</source>
        <translation>关系图：%1</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
</context>
<context>
    <name>PdfActions</name>
    <message>
        <source>Export Card as PDF</source>
        <translation>将卡片导出为 PDF</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>已将 %1 导出到 %2</translation>
    </message>
    <message>
        <source>The list shows no card to export: clear the filter to list them all.</source>
        <translation>列表中没有可导出的卡片：清除筛选以列出全部。</translation>
    </message>
    <message>
        <source>Export %1 as PDF</source>
        <translation>将 %1导出为 PDF</translation>
    </message>
    <message>
        <source>Preparing card %1 of %2: %3</source>
        <translation>正在准备第 %1 张卡片，共 %2 张：%3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Exporting cards</source>
        <translation>正在导出卡片</translation>
    </message>
    <message>
        <source>Writing card %1 of %2: %3</source>
        <translation>正在写入第 %1 张卡片，共 %2 张：%3</translation>
    </message>
    <message>
        <source>Finishing the PDF…</source>
        <translation>正在完成 PDF…</translation>
    </message>
    <message>
        <source>Export cancelled; %1 was not written.</source>
        <translation>已取消导出，未写入 %1。</translation>
    </message>
    <message>
        <source>Exported %1 (%2) to %3</source>
        <translation>已将 %1（%2）导出到 %3</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
</context>
<context>
    <name>QueryHelp</name>
    <message>
        <source>words alone: names, aliases, pinyin, kind and claims, as always</source>
        <translation>单独的词：照常搜索名称、别名、拼音、类型和声明</translation>
    </message>
    <message>
        <source>an exact phrase (case and accents still folded)</source>
        <translation>精确短语（仍忽略大小写和重音）</translation>
    </message>
    <message>
        <source>every term must match; -term excludes</source>
        <translation>每个词都须匹配；-词 表示排除</translation>
    </message>
    <message>
        <source>either (OR in capitals); ( ) group</source>
        <translation>任一匹配（OR 须大写）；( ) 用于分组</translation>
    </message>
    <message>
        <source>the kind starts with this (kind:org finds organization)</source>
        <translation>类型以此开头（kind:org 可找到 organization）</translation>
    </message>
    <message>
        <source>in the names (with pinyin) / in the aliases only</source>
        <translation>仅在名称（含拼音）中 / 仅在别名中</translation>
    </message>
    <message>
        <source>in a claim&apos;s statement / in a quote</source>
        <translation>在声明内容中 / 在引文中</translation>
    </message>
    <message>
        <source>a claim quotes this source (its id)</source>
        <translation>有声明引用此来源（来源 ID）</translation>
    </message>
    <message>
        <source>has a relation of this type</source>
        <translation>具有此类型的关系</translation>
    </message>
    <message>
        <source>a claim dated then (else its source&apos;s date)</source>
        <translation>声明日期在此范围内（无日期时用其来源的日期）</translation>
    </message>
    <message>
        <source>a quote found only approximately / not at all</source>
        <translation>引文仅近似找到 / 完全未找到</translation>
    </message>
    <message>
        <source>a claim with no quote / a refuting quote / relations</source>
        <translation>无引文的声明 / 反驳性引文 / 有关系</translation>
    </message>
    <message>
        <source>Search language</source>
        <translation>搜索语法</translation>
    </message>
    <message>
        <source>&lt;p&gt;Example: &lt;code&gt;kind:product has:approximate&lt;/code&gt; or &lt;code&gt;-kind:person &amp;quot;electric vehicle&amp;quot;&lt;/code&gt;.&lt;br&gt;Up in an empty field recalls earlier queries; Esc closes this.&lt;/p&gt;</source>
        <translation>&lt;p&gt;示例：&lt;code&gt;kind:product has:approximate&lt;/code&gt; 或 &lt;code&gt;-kind:person &amp;quot;electric vehicle&amp;quot;&lt;/code&gt;。&lt;br&gt;在空白输入框中按上方向键可调出之前的查询；按 Esc 关闭此说明。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search syntax</source>
        <translation>搜索语法</translation>
    </message>
</context>
<context>
    <name>QuoteCheck</name>
    <message>
        <source>letter case</source>
        <translation>大小写</translation>
    </message>
    <message>
        <source>spacing</source>
        <translation>空格</translation>
    </message>
    <message>
        <source>corner brackets vs quotation marks</source>
        <translation>直角引号与引号</translation>
    </message>
    <message>
        <source>single vs double quotation marks</source>
        <translation>单引号与双引号</translation>
    </message>
    <message>
        <source>invisible joiners, direction marks or variation selectors</source>
        <translation>不可见的连接符、方向标记或变体选择符</translation>
    </message>
    <message>
        <source>different text</source>
        <translation>文字不同</translation>
    </message>
    <message>
        <source>curly vs straight apostrophe</source>
        <translation>弯撇号与直撇号</translation>
    </message>
    <message>
        <source>curly vs straight quotation marks</source>
        <translation>弯引号与直引号</translation>
    </message>
    <message>
        <source>dash vs hyphen</source>
        <translation>破折号与连字符</translation>
    </message>
    <message>
        <source>wave dash vs tilde</source>
        <translation>波浪号与波浪线</translation>
    </message>
    <message>
        <source>full-width vs ASCII</source>
        <translation>全角与 ASCII</translation>
    </message>
    <message>
        <source>full-width vs half-width forms</source>
        <translation>全角与半角</translation>
    </message>
    <message>
        <source>Arabic presentation forms</source>
        <translation>阿拉伯文表现形式</translation>
    </message>
    <message>
        <source>compatibility characters (ligatures, superscripts...)</source>
        <translation>兼容字符（连字、上标等）</translation>
    </message>
    <message>
        <source>letter case and punctuation</source>
        <translation>大小写和标点</translation>
    </message>
</context>
<context>
    <name>RecentFilesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近的文件</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>SourceHeading</name>
    <message>
        <source>published %1</source>
        <translation>发布于 %1</translation>
    </message>
    <message>
        <source>accessed %1</source>
        <translation>访问于 %1</translation>
    </message>
    <message>
        <source>Source citation</source>
        <translation>来源引用</translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Previous quote</source>
        <translation>上一条引文</translation>
    </message>
    <message>
        <source>Previous quote of this card (Shift+F3)</source>
        <translation>此卡片的上一条引文（Shift+F3）</translation>
    </message>
    <message>
        <source>Next quote</source>
        <translation>下一条引文</translation>
    </message>
    <message>
        <source>Next quote of this card (F3)</source>
        <translation>此卡片的下一条引文（F3）</translation>
    </message>
    <message>
        <source>Select an entity to see the sources its card quotes.</source>
        <translation>选择一个实体以查看其卡片引用的来源。</translation>
    </message>
    <message>
        <source>The card of %1 quotes no source.</source>
        <translation>%1 的卡片未引用任何来源。</translation>
    </message>
    <message>
        <source>This quote was not found in the source; the card&apos;s other quotes from it are highlighted.</source>
        <translation>在来源中未找到此引文；已突出显示卡片中来自该来源的其他引文。</translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s) of this card from this source</source>
        <translation>
            <numerusform>此卡片有 %n 条引文来自此来源</numerusform>
        </translation>
    </message>
    <message>
        <source>Quote %1 of %2 · %3</source>
        <translation>第 %1 条引文，共 %2 条 · %3</translation>
    </message>
</context>
<context>
    <name>SourceText</name>
    <message>
        <source>Source text with the card&apos;s quotes highlighted</source>
        <translation>突出显示卡片引文的来源文本</translation>
    </message>
</context>
<context>
    <name>StatusWidgets</name>
    <message>
        <source>Loading progress</source>
        <translation>载入进度</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel loading</source>
        <translation>取消载入</translation>
    </message>
    <message>
        <source>Entity count</source>
        <translation>实体数量</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>打开的文件</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>undated</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>%1 (its source&apos;s publication date)</source>
        <translation>%1（其来源的发布日期）</translation>
    </message>
    <message>
        <source>%1, claim %2 · %3 · %4</source>
        <translation>%1，第 %2 条声明 · %3 · %4</translation>
    </message>
</context>
<context>
    <name>TimelineAxis</name>
    <message>
        <source>Jan</source>
        <translation>1月</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>2月</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>3月</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>4月</translation>
    </message>
    <message>
        <source>May</source>
        <translation>5月</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>6月</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>7月</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>8月</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>9月</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>10月</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>11月</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>12月</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <comment>day, month, year</comment>
        <translation>%3年%2%1日</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>month, year</comment>
        <translation>%2年%1</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>No dated claims</source>
        <translation>没有带日期的声明</translation>
    </message>
    <message>
        <source>%1 here with no room on the lanes: zoom in</source>
        <translation>此处有 %1 因空间不足未显示：请放大</translation>
    </message>
</context>
<context>
    <name>TimelineExport</name>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>the PNG could not be drawn</source>
        <translation>无法绘制 PNG</translation>
    </message>
    <message>
        <source>save as .png, .pdf or .svg</source>
        <translation>请保存为 .png、.pdf 或 .svg</translation>
    </message>
    <message>
        <source>the %1 could not be drawn</source>
        <translation>无法绘制 %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>TimelinePane</name>
    <message>
        <source>This &amp;entity</source>
        <translation>此实体(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Whole knowledge base</source>
        <translation>整个知识库(&amp;W)</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合</translation>
    </message>
    <message>
        <source>Show every dated claim (Ctrl+0)</source>
        <translation>显示所有带日期的声明（Ctrl+0）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Save the timeline as PNG, PDF or SVG</source>
        <translation>将时间线保存为 PNG、PDF 或 SVG</translation>
    </message>
    <message>
        <source>Undated claims</source>
        <translation>无日期的声明</translation>
    </message>
    <message>
        <source>&amp;Undated claims (%1)</source>
        <translation>无日期的声明（%1）(&amp;U)</translation>
    </message>
    <message>
        <source>No undated claims</source>
        <translation>没有无日期的声明</translation>
    </message>
    <message>
        <source>Export Timeline</source>
        <translation>导出时间线</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>supported</source>
        <translation>有据支持</translation>
    </message>
    <message>
        <source>partly supported</source>
        <translation>部分支持</translation>
    </message>
    <message>
        <source>contested</source>
        <translation>有争议</translation>
    </message>
    <message>
        <source>refuted</source>
        <translation>被驳斥</translation>
    </message>
    <message>
        <source>unconfirmed</source>
        <translation>未证实</translation>
    </message>
    <message>
        <source>no source quote</source>
        <translation>无来源引文</translation>
    </message>
</context>
<context>
    <name>WelcomePane</name>
    <message>
        <source>No knowledge base open</source>
        <translation>未打开知识库</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Open the &amp;Example</source>
        <translation>打开示例(&amp;E)</translation>
    </message>
    <message>
        <source>The bundled knowledge base about Xiaomi&apos;s move into electric vehicles</source>
        <translation>随附的知识库：小米进军电动汽车</translation>
    </message>
    <message>
        <source>Show &amp;Problems…</source>
        <translation>显示问题(&amp;P)…</translation>
    </message>
    <message>
        <source>Open a knowledge base</source>
        <translation>打开知识库</translation>
    </message>
    <message>
        <source>Open a knowledge base file (.json), pick one you opened before, or read the example.</source>
        <translation>打开知识库文件（.json），从最近打开的文件中选择，或阅读示例。</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>There is no file %1: it may have been moved, renamed or deleted.</source>
        <translation>文件 %1 不存在：可能已被移动、重命名或删除。</translation>
    </message>
    <message>
        <source>%1 is not a valid knowledge base (%2):</source>
        <translation>%1 不是有效的知识库（%2）：</translation>
    </message>
    <message>
        <source>Press F5 to try this file again, or open another.</source>
        <translation>按 F5 重试此文件，或打开其他文件。</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>an entity&apos;s id or name, folded as the window&apos;s filter folds it (&apos;Lei Jun&apos;, &apos;lei-jun&apos;, &apos;雷军&apos;, &apos;leijun&apos;)</source>
        <translation>实体的 ID 或名称，按窗口筛选框的方式匹配（&apos;Lei Jun&apos;、&apos;lei-jun&apos;、&apos;雷军&apos;、&apos;leijun&apos;）</translation>
    </message>
    <message>
        <source>the knowledge base (default: the bundled one)</source>
        <translation>知识库（默认：随附的知识库）</translation>
    </message>
    <message>
        <source>export every entity of the knowledge base, by name as the window lists them</source>
        <translation>导出知识库中的所有实体，按窗口列表的名称顺序</translation>
    </message>
    <message>
        <source>export the entities this search matches, as the window&apos;s filter lists them (e.g. &apos;kind:product&apos;); exit 2 if it does not parse</source>
        <translation>导出与此搜索匹配的实体，与窗口筛选框列出的相同（例如 &apos;kind:product&apos;）；无法解析时退出码为 2</translation>
    </message>
    <message>
        <source>with several entities, one PDF: a contents page, then each card from a new page, in the order given, linked to each other</source>
        <translation>多个实体时生成一个 PDF：先是目录页，然后按给定顺序每张卡片另起一页，彼此链接</translation>
    </message>
    <message>
        <source>the PDF&apos;s author (default: none)</source>
        <translation>PDF 的作者（默认：无）</translation>
    </message>
    <message>
        <source>paper size (default: from the locale; letter in the US, Canada, Mexico, ..., A4 elsewhere)</source>
        <translation>纸张大小（默认：依区域设置；美国、加拿大、墨西哥等用 letter，其他地区用 A4）</translation>
    </message>
    <message>
        <source>add a page with each card&apos;s relation graph (its entity and direct neighbours)</source>
        <translation>为每张卡片添加一页关系图（该实体及其直接相邻实体）</translation>
    </message>
    <message>
        <source>the PDF file, or the folder for several</source>
        <translation>PDF 文件，多个时为文件夹</translation>
    </message>
    <message>
        <source>OUT is empty: give the file (or folder) to write</source>
        <translation>OUT 为空：请给出要写入的文件（或文件夹）</translation>
    </message>
    <message>
        <source>an empty ENTITY names nothing: give an id or a name (&apos;evcards list&apos; shows them), or --all</source>
        <translation>空的 ENTITY 不指向任何实体：请给出 ID 或名称（&apos;evcards list&apos; 可列出），或使用 --all</translation>
    </message>
    <message>
        <source>%1 names several entities (%2); give the id instead</source>
        <translation>%1 对应多个实体（%2）；请改用 ID</translation>
    </message>
    <message>
        <source>; closest: %1</source>
        <translation>；最接近的：%1</translation>
    </message>
    <message>
        <source>; run &apos;evcards list&apos; to see them</source>
        <translation>；运行 &apos;evcards list&apos; 查看全部</translation>
    </message>
    <message>
        <source>no entity is called %1%2</source>
        <translation>没有名为 %1 的实体%2</translation>
    </message>
    <message>
        <source>evcards export: %1</source>
        <translation>evcards export：%1</translation>
    </message>
    <message>
        <source>give ENTITY names, --all or --query, only one of them</source>
        <translation>请只给出 ENTITY 名称、--all 或 --query 中的一种</translation>
    </message>
    <message>
        <source>give at least one ENTITY, or --all, or --query QUERY</source>
        <translation>请至少给出一个 ENTITY，或使用 --all、--query QUERY</translation>
    </message>
    <message>
        <source>%1 is not a valid knowledge base; nothing was exported</source>
        <translation>%1 不是有效的知识库；未导出任何内容</translation>
    </message>
    <message>
        <source>the cards mark them</source>
        <translation>卡片上已标注</translation>
    </message>
    <message>
        <source>no entity of %1 matches the query %2; nothing was exported</source>
        <translation>%1 中没有与查询 %2 匹配的实体；未导出任何内容</translation>
    </message>
    <message>
        <source>%1 has no entities; nothing was exported</source>
        <translation>%1 中没有实体；未导出任何内容</translation>
    </message>
    <message>
        <source>with several entities OUT is a folder, and %1 looks like a PDF file: add --single for one PDF</source>
        <translation>多个实体时 OUT 应为文件夹，而 %1 看起来是 PDF 文件：如需单个 PDF 请添加 --single</translation>
    </message>
    <message>
        <source>wrote %1 (%2, %3)</source>
        <translation>已写入 %1（%2，%3）</translation>
    </message>
    <message>
        <source>wrote %1 PDFs to %2</source>
        <translation>已将 %1 个 PDF 写入 %2</translation>
    </message>
    <message>
        <source>the language of the window and the messages: zh_CN or en (default: the system&apos;s)</source>
        <translation>窗口和消息的语言：zh_CN 或 en（默认：跟随系统）</translation>
    </message>
    <message>
        <source>evcards: --lang takes zh_CN or en, not %1</source>
        <translation>evcards：--lang 只接受 zh_CN 或 en，而不是 %1</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>CLAIMS</source>
        <translation>声明数</translation>
    </message>
    <message>
        <source>the bundled Xiaomi EV knowledge base</source>
        <translation>随附的小米电动汽车知识库</translation>
    </message>
    <message>
        <source>a knowledge base file (default: %1)</source>
        <translation>知识库文件（默认：%1）</translation>
    </message>
    <message>
        <source>same as FILE.json</source>
        <translation>同 FILE.json</translation>
    </message>
    <message>
        <source>give the knowledge base either as FILE.json or with --data, not both</source>
        <translation>请用 FILE.json 或 --data 给出知识库，不要同时使用</translation>
    </message>
    <message>
        <source>show every finding, not only the first ones</source>
        <translation>显示所有发现，而不只是前几项</translation>
    </message>
    <message>
        <source>only the entities this search matches, as in the window&apos;s filter (e.g. &apos;kind:product has:approximate&apos;)</source>
        <translation>仅列出与此搜索匹配的实体，与窗口筛选框相同（例如 &apos;kind:product has:approximate&apos;）</translation>
    </message>
    <message>
        <source>a JSON array of the entities, for scripts</source>
        <translation>以 JSON 数组输出实体，供脚本使用</translation>
    </message>
    <message>
        <source>run &apos;evcards validate&apos;</source>
        <translation>请运行 &apos;evcards validate&apos;</translation>
    </message>
    <message>
        <source>check a knowledge base file: exit 1 with every error when it is refused, 0 when valid (with its findings: quotes not verified)</source>
        <translation>检查知识库文件：无效时列出所有错误并以 1 退出，有效时以 0 退出（并列出发现：未核实的引文）</translation>
    </message>
    <message>
        <source>list the entities: id, kind, name, number of claims</source>
        <translation>列出实体：ID、类型、名称、声明数</translation>
    </message>
    <message>
        <source>print the JSON Schema of the knowledge base format (format 2, which also accepts format 1 files)</source>
        <translation>输出知识库格式的 JSON Schema（格式 2，也接受格式 1 的文件）</translation>
    </message>
    <message>
        <source>write a knowledge base in format 2: evcards migrate IN OUT</source>
        <translation>将知识库写为格式 2：evcards migrate IN OUT</translation>
    </message>
    <message>
        <source>export entity cards as PDF</source>
        <translation>将实体卡片导出为 PDF</translation>
    </message>
    <message>
        <source>Knowledge Card Viewer</source>
        <translation>知识卡片查看器</translation>
    </message>
    <message>
        <source>Browse knowledge cards whose every quote is checked against its source text.</source>
        <translation>浏览知识卡片：每条引文都经过来源文本核对。</translation>
    </message>
    <message>
        <source>knowledge;cards;quotes;citations;sources;evidence;</source>
        <translation>知识;卡片;引文;引用;来源;证据;</translation>
    </message>
    <message>
        <source>commands:
%1

Run &apos;evcards COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>命令：
%1

运行 &apos;evcards COMMAND --help&apos; 查看命令的选项。</translation>
    </message>
    <message>
        <source>the file opened last, else the bundled Xiaomi EV knowledge base</source>
        <translation>上次打开的文件，否则为随附的小米电动汽车知识库</translation>
    </message>
    <message>
        <source>evcards: no display to show the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); without one, use &apos;evcards export&apos; (or validate, list), or start the window under &apos;xvfb-run evcards&apos;</source>
        <translation>evcards：没有可显示窗口的显示器（DISPLAY 和 WAYLAND_DISPLAY 均未设置）；没有显示器时请使用 &apos;evcards export&apos;（或 validate、list），或用 &apos;xvfb-run evcards&apos; 启动窗口</translation>
    </message>
    <message>
        <source>evcards: interrupted</source>
        <translation>evcards：已中断</translation>
    </message>
    <message>
        <source>evcards: %1 is neither a command nor a file; did you mean &apos;%2&apos;?</source>
        <translation>evcards：%1 既不是命令也不是文件；您是指 &apos;%2&apos; 吗？</translation>
    </message>
    <message>
        <source>the knowledge base to migrate (format 1 or 2)</source>
        <translation>要迁移的知识库（格式 1 或 2）</translation>
    </message>
    <message>
        <source>the format-2 file to write</source>
        <translation>要写入的格式 2 文件</translation>
    </message>
    <message>
        <source>overwrite OUT if it exists, even when it is IN</source>
        <translation>如果 OUT 已存在则覆盖，即使它就是 IN</translation>
    </message>
    <message>
        <source>%1 is a folder: give the path of the file to write</source>
        <translation>%1 是文件夹：请给出要写入的文件路径</translation>
    </message>
    <message>
        <source>cannot write %1: %2 is a file, not a folder</source>
        <translation>无法写入 %1：%2 是文件而不是文件夹</translation>
    </message>
    <message>
        <source>cannot write %1: the folder %2 does not exist</source>
        <translation>无法写入 %1：文件夹 %2 不存在</translation>
    </message>
    <message>
        <source>%1 is the file being migrated: give another OUT, or --force to replace it</source>
        <translation>%1 就是正在迁移的文件：请给出其他 OUT，或使用 --force 替换它</translation>
    </message>
    <message>
        <source>%1 exists: give another OUT, or --force to replace it</source>
        <translation>%1 已存在：请给出其他 OUT，或使用 --force 替换它</translation>
    </message>
    <message>
        <source>evcards migrate: %1</source>
        <translation>evcards migrate：%1</translation>
    </message>
    <message>
        <source>evcards migrate: %1 is not a valid knowledge base; nothing written</source>
        <translation>evcards migrate：%1 不是有效的知识库；未写入任何内容</translation>
    </message>
    <message>
        <source>%1: written in format 2 from %2</source>
        <translation>%1：已从 %2 以格式 2 写入</translation>
    </message>
    <message>
        <source>evcards %1: the query does not parse: %2</source>
        <translation>evcards %1：无法解析查询：%2</translation>
    </message>
    <message>
        <source>%1: warning: %2 not verified; %3</source>
        <translation>%1：警告：%2未核实；%3</translation>
    </message>
    <message>
        <source>approximate</source>
        <translation>近似</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: not valid: %2</source>
        <translation>%1：无效：%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>%1: valid: %2, every quote verified</source>
        <translation>%1：有效：%2，所有引文均已核实</translation>
    </message>
    <message>
        <source>%1: valid, with %2 (%3): %4</source>
        <translation>%1：有效，有 %2（%3）：%4</translation>
    </message>
    <message>
        <source>… and %1 more (run with --all to see every finding)</source>
        <translation>… 另有 %1 项（加 --all 运行以查看所有发现）</translation>
    </message>
    <message>
        <source>wrote %1 (%2)</source>
        <translation>已写入 %1（%2）</translation>
    </message>
    <message>
        <source>add evcards and its icon to your desktop&apos;s application menu ($XDG_DATA_HOME, else ~/.local/share)</source>
        <translation>把 evcards 及其图标加入桌面的应用程序菜单（$XDG_DATA_HOME，未设置时为 ~/.local/share）</translation>
    </message>
    <message>
        <source>remove what --install-desktop-entry wrote, and nothing else</source>
        <translation>删除 --install-desktop-entry 写入的文件，其他一概不动</translation>
    </message>
    <message>
        <source>%1 takes no FILE.json</source>
        <translation>%1 不接受 FILE.json</translation>
    </message>
    <message>
        <source>evcards %1: %2</source>
        <translation>evcards %1：%2</translation>
    </message>
    <message>
        <source>cannot draw the icon at %1 pixels</source>
        <translation>无法绘制 %1 像素的图标</translation>
    </message>
    <message>
        <source>%1 is on a read-only file system</source>
        <translation>%1 位于只读文件系统上</translation>
    </message>
    <message>
        <source>permission denied (the folder %1 is not writable for you)</source>
        <translation>权限不足（你无法写入文件夹 %1）</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>the folder %1 takes no new folders (a system folder such as /proc)</source>
        <translation>文件夹 %1 不能新建文件夹（/proc 之类的系统文件夹）</translation>
    </message>
    <message>
        <source>cannot create the folder %1: %2</source>
        <translation>无法创建文件夹 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 exists and was not written by evcards; nothing was written (remove it first to replace it)</source>
        <translation>%1 已存在且不是 evcards 写入的；未写入任何文件（要替换它，请先删除）</translation>
    </message>
    <message>
        <source>the path %1 is not valid UTF-8, which a .desktop file needs; nothing was written</source>
        <translation>路径 %1 不是有效的 UTF-8，而 .desktop 文件需要 UTF-8；未写入任何文件</translation>
    </message>
    <message>
        <source>%1: written</source>
        <translation>%1：已写入</translation>
    </message>
    <message>
        <source>evcards is in the application menu, started as: %1</source>
        <translation>evcards 已加入应用程序菜单，启动命令：%1</translation>
    </message>
    <message>
        <source>%1 was not written by evcards; nothing was removed</source>
        <translation>%1 不是 evcards 写入的；未删除任何文件</translation>
    </message>
    <message>
        <source>no desktop entry of evcards to remove in %1</source>
        <translation>%1 中没有可删除的 evcards 桌面项</translation>
    </message>
    <message>
        <source>cannot remove %1: %2</source>
        <translation>无法删除 %1：%2</translation>
    </message>
    <message>
        <source>%1: removed</source>
        <translation>%1：已删除</translation>
    </message>
    <message>
        <source>evcards is no longer in the application menu</source>
        <translation>evcards 已从应用程序菜单中移除</translation>
    </message>
</context>
</TS>
