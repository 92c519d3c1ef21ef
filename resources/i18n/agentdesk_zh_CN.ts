<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Age</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="212"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="215"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="216"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="110"/>
        <source>Logged out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="111"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="112"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="113"/>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="114"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="115"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="87"/>
        <source>&amp;Resume</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="87"/>
        <source>&amp;Hold</source>
        <translation>保持(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="88"/>
        <source>Resume the held call (%1)</source>
        <translation>恢复保持的通话（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="90"/>
        <source>Put the caller on hold (%1)</source>
        <translation>让来电者保持等待（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="93"/>
        <source>&amp;Transfer…</source>
        <translation>转接(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="95"/>
        <source>Transfer to a queue or an agent (%1)</source>
        <translation>转接到队列或坐席（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="99"/>
        <source>Hang &amp;up</source>
        <translation>挂断(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="101"/>
        <source>End the call and start wrap-up (%1)</source>
        <translation>结束通话并开始话后处理（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="135"/>
        <source>No call</source>
        <translation>无通话</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="137"/>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="137"/>
        <source>Talking</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="139"/>
        <source>%1 with %2 · %3</source>
        <translation>%1：%2 · %3</translation>
    </message>
</context>
<context>
    <name>CandidateChooser</name>
    <message numerus="yes">
        <location filename="../../desktop/widgets/chooser.py" line="86"/>
        <source>Customers sharing %1: %n</source>
        <translation>
            <numerusform>共用 %1 的客户：%n 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="92"/>
        <source>Ranked by tier, open issues and last contact. Ask the caller&apos;s name, then pick the right customer; the pick is remembered for this number.</source>
        <translation>按等级、未结工单和最近联系排序。请先询问来电者姓名，再选择正确的客户；系统会记住此号码的选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="96"/>
        <source>Show this customer</source>
        <translation>显示此客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="108"/>
        <source>your last pick</source>
        <translation>您上次的选择</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="148"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="149"/>
        <source>email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="150"/>
        <source>chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="151"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="152"/>
        <source>web</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="153"/>
        <source>visit</source>
        <translation>到访</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="32"/>
        <location filename="../../desktop/widgets/search_panel.py" line="34"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="33"/>
        <location filename="../../desktop/widgets/search_panel.py" line="35"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="36"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="41"/>
        <source>Open issues</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="47"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="50"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="51"/>
        <location filename="../../desktop/widgets/search_panel.py" line="37"/>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="52"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="47"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="50"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="54"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="57"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="58"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="59"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="62"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="95"/>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="96"/>
        <source>Issue</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="97"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="100"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="103"/>
        <source>Age</source>
        <translation>已开</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="104"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="36"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="205"/>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="205"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="205"/>
        <source>Lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="206"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="208"/>
        <source>IVR and routing</source>
        <translation>IVR 与路由</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="209"/>
        <source>Talking points</source>
        <translation>沟通要点</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="210"/>
        <source>Open issues</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="211"/>
        <source>Recent purchases</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="212"/>
        <source>Recent interactions</source>
        <translation>最近联系记录</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="234"/>
        <source>Unknown caller</source>
        <translation>未知来电者</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="244"/>
        <source>Phones: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="265"/>
        <source>Why you: %1</source>
        <translation>分配原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="265"/>
        <source>Why you: —</source>
        <translation>分配原因：—</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="272"/>
        <source>Nothing special on file.</source>
        <translation>档案中无特别事项。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="277"/>
        <source>IVR: no IVR data</source>
        <translation>IVR：无 IVR 数据</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="278"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="278"/>
        <source>not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="280"/>
        <source>menu %1</source>
        <translation>菜单 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="281"/>
        <source>intent %1</source>
        <translation>意图 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="288"/>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="289"/>
        <source>IVR: %1</source>
        <translation>IVR：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="295"/>
        <source>up to date with central, %1</source>
        <translation>已与中心同步，%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="297"/>
        <source>offline, as of %1</source>
        <translation>离线，数据截至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="299"/>
        <source>local copy, as of %1</source>
        <translation>本地副本，截至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="308"/>
        <location filename="../../desktop/widgets/customer_card.py" line="310"/>
        <source>Changed in central</source>
        <translation>中心数据已更改</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop/controller.py" line="212"/>
        <source>Call from %1</source>
        <extracomment>seconds without a link after which &quot;reconnecting&quot; becomes &quot;offline&quot; a card (or chooser / quick-create form) is on screen for this call: (call_id, bus ts) the central refresh of the card finished: (customer_id, changed?) a wrap-up was recorded locally and sent to the switchboard: (call_id) a command failed: (cmd, code, message) when the replica last heard from central (shown as the card&apos;s &quot;as of&quot;)</extracomment>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="236"/>
        <source>Missed call: it rang out and went back to the queue.</source>
        <translation>未接来电：振铃超时，已退回队列。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="240"/>
        <source>Call rejected: it went back to the queue.</source>
        <translation>已拒接：来电已退回队列。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="244"/>
        <source>The caller hung up.</source>
        <translation>来电者已挂断。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="335"/>
        <source>The switchboard did not answer in time.</source>
        <translation>交换机未及时响应。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="338"/>
        <source>Not possible now: the call or your state has changed.</source>
        <translation>当前无法操作：通话或您的状态已变化。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="341"/>
        <source>The switchboard does not know this agent.</source>
        <translation>交换机不认识此坐席。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="344"/>
        <source>That call no longer exists.</source>
        <translation>该通话已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="347"/>
        <source>You are not allowed to do that.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="353"/>
        <source>The switchboard refused: %1</source>
        <translation>交换机拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="410"/>
        <source>Cannot read the local store: %1</source>
        <translation>无法读取本地数据：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/controller.py" line="433"/>
        <source>Possible customers: %n</source>
        <translation>
            <numerusform>可能的客户：%n 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="440"/>
        <source>Unknown caller</source>
        <translation>未知来电者</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="530"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="549"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="639"/>
        <source>Not saved (your text is kept): %1</source>
        <translation>未保存（您输入的内容已保留）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="675"/>
        <source>Wrap-up time is over: choose a disposition and save; nothing is lost.</source>
        <translation>话后处理时间已到：请选择处理结果并保存，内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="40"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="42"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="44"/>
        <source>Reconnecting (next try in %1 s)…</source>
        <translation>正在重新连接（%1 秒后重试）…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="46"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="52"/>
        <source>Outbox: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="53"/>
        <source>Local changes waiting to reach the central store</source>
        <translation>等待上传到中心库的本地更改</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="58"/>
        <source>No central store: local data only</source>
        <translation>无中心库：仅本地数据</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="60"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="62"/>
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="64"/>
        <source>Central unreachable; last sync %1</source>
        <translation>中心库不可达；上次同步 %1</translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="136"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="137"/>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="138"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="139"/>
        <source>Sale</source>
        <translation>成交</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="140"/>
        <source>No action</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="141"/>
        <source>Wrong number</source>
        <translation>打错电话</translation>
    </message>
</context>
<context>
    <name>IssuePriority</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="100"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="101"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="102"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="103"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>IssueStatus</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="90"/>
        <source>open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="91"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="92"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="93"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="81"/>
        <location filename="../../desktop/widgets/common.py" line="82"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="83"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="69"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="70"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="71"/>
        <source>Established</source>
        <translation>稳定客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="72"/>
        <source>Expanding</source>
        <translation>增长客户</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="149"/>
        <source>&amp;Call</source>
        <translation>通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="150"/>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="151"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="152"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="153"/>
        <source>&amp;Answer</source>
        <translation>接听(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="155"/>
        <source>Re&amp;ject</source>
        <translation>拒接(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="157"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="158"/>
        <source>&amp;About Agentdesk</source>
        <translation>关于 Agentdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="159"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="160"/>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="161"/>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="163"/>
        <source>No call. The caller&apos;s card appears here the moment a call rings.</source>
        <translation>暂无来电。来电振铃时，客户资料卡会立即显示在这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="180"/>
        <location filename="../../desktop/widgets/main_window.py" line="234"/>
        <source>Agentdesk</source>
        <translation>Agentdesk 坐席桌面</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="226"/>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="242"/>
        <source>About Agentdesk</source>
        <translation>关于 Agentdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="244"/>
        <source>Agentdesk %1
Contact-center agent desktop with CTI screen-pop.</source>
        <translation>Agentdesk %1
带 CTI 弹屏的呼叫中心坐席桌面。</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="160"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="161"/>
        <source>Billing</source>
        <translation>账务</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="162"/>
        <source>Technical support</source>
        <translation>技术支持</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="163"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="164"/>
        <source>General</source>
        <translation>综合</translation>
    </message>
</context>
<context>
    <name>QuickCreateForm</name>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="61"/>
        <source>Unknown number: create the customer</source>
        <translation>未知号码：新建客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="71"/>
        <source>Create customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="72"/>
        <source>Caller&apos;s full name</source>
        <translation>来电者全名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="97"/>
        <source>A name is needed.</source>
        <translation>请填写姓名。</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="122"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="123"/>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="124"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="125"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="126"/>
        <source>After-call work</source>
        <translation>话后工作</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="127"/>
        <source>Personal</source>
        <translation>个人事务</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="128"/>
        <source>Just logged in</source>
        <translation>刚登录</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="129"/>
        <source>Missed calls</source>
        <translation>未接来电</translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="53"/>
        <source>Answer</source>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="55"/>
        <source>Answer the call (%1)</source>
        <translation>接听来电（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="59"/>
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="61"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="106"/>
        <source>No call waiting</source>
        <translation>暂无来电</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="62"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="107"/>
        <source>Incoming calls ring here.</source>
        <translation>来电会在这里振铃提示。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="64"/>
        <source>Reject: the call goes back to its queue (%1)</source>
        <translation>拒接：来电退回队列（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="74"/>
        <source>Withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="75"/>
        <source>Incoming call %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="76"/>
        <source>Queue: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="98"/>
        <source>Rings for %1</source>
        <translation>剩余振铃 %1</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="75"/>
        <source>Search customers: name, phone or id (Ctrl+F)</source>
        <translation>搜索客户：姓名、电话或编号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="76"/>
        <source>Search customers by name, phone or id (Ctrl+F)</source>
        <translation>按姓名、电话或编号搜索客户（Ctrl+F）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/search_panel.py" line="92"/>
        <source>Customers found: %n</source>
        <translation>
            <numerusform>找到客户：%n 位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateControl</name>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="74"/>
        <source>&amp;Ready</source>
        <translation>就绪(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="75"/>
        <source>Take calls (%1)</source>
        <translation>开始接听来电（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="76"/>
        <source>&amp;Not ready</source>
        <translation>未就绪(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="78"/>
        <source>Stop taking calls (%1)</source>
        <translation>暂停接听来电（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="80"/>
        <source>Log &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="81"/>
        <source>Log &amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="82"/>
        <source>Log out (%1)</source>
        <translation>登出（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="83"/>
        <source>Not ready: reason</source>
        <translation>未就绪：原因</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="95"/>
        <source>Your state: click to change</source>
        <translation>您的状态：点击更改</translation>
    </message>
</context>
<context>
    <name>TalkingPoints</name>
    <message>
        <location filename="../../desktop/talking_points.py" line="48"/>
        <source>Transferred by %1 (queue %2): confirm what was already done.</source>
        <translation>由 %1 转来（队列 %2）：先确认已经处理过的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="63"/>
        <source>%1 customer: priority treatment, warm hand-offs only.</source>
        <translation>%1客户：优先服务，只做有交接的转接。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="69"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="73"/>
        <source>Open issue #%1 “%2” is %3, owned by %4: give the latest status.</source>
        <translation>未结工单 #%1「%2」状态为%3，负责人 %4：请告知最新进展。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="89"/>
        <source>Bought %1 on %2: be ready to support that product.</source>
        <translation>于 %2 购买了 %1：准备好为该产品提供支持。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="101"/>
        <source>New customer: offer onboarding help and check the first steps.</source>
        <translation>新客户：提供入门帮助并确认首次使用情况。</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="57"/>
        <source>Platinum</source>
        <extracomment>Badge colours per tier: white text on these backgrounds is readable in light and dark themes (contrast ratio &gt;= 4.5 against #ffffff for each).</extracomment>
        <translation>白金</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="58"/>
        <source>Gold</source>
        <translation>黄金</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="59"/>
        <source>Silver</source>
        <translation>白银</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="60"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="63"/>
        <source>No tier</source>
        <translation>无等级</translation>
    </message>
</context>
<context>
    <name>TransferPicker</name>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="50"/>
        <source>Transfer the call</source>
        <translation>转接通话</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="51"/>
        <source>Type a queue or an agent&apos;s name or id</source>
        <translation>输入队列、坐席姓名或编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="52"/>
        <source>Transfer</source>
        <translation>转接</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="60"/>
        <source>Queue: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/transfer_picker.py" line="62"/>
        <source>(waiting: %n)</source>
        <translation>
            <numerusform>（等待：%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="70"/>
        <source>Agent: %1 (%2) · %3</source>
        <translation>坐席：%1（%2）· %3</translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="103"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Disposition</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Then</source>
        <translation>之后</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="107"/>
        <source>Open an issue:</source>
        <translation>新建工单：</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="108"/>
        <source>What needs to be followed up</source>
        <translation>需要跟进的事项</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="109"/>
        <source>What was asked, what was done, what was promised</source>
        <translation>客户的问题、已做的处理、做出的承诺</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="110"/>
        <source>Save and finish</source>
        <translation>保存并完成</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="112"/>
        <source>Save the wrap-up (%1)</source>
        <translation>保存话后处理（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="126"/>
        <source>Ready for the next call</source>
        <translation>准备接听下一通</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="127"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="132"/>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="143"/>
        <source>Wrap-up: %1</source>
        <translation>话后处理：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="209"/>
        <source>Choose a disposition.</source>
        <translation>请选择处理结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="213"/>
        <source>Give the follow-up issue a title.</source>
        <translation>请填写跟进工单的标题。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="229"/>
        <source>%1 left</source>
        <translation>剩余 %1</translation>
    </message>
</context>
</TS>
