<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Age</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="251"/>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="254"/>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="255"/>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="88"/>
        <source>Logged out</source>
        <translation>已登出</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="89"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="90"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="91"/>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="92"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="93"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_boards.py" line="65"/>
        <source>Filter…</source>
        <translation>筛选…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_boards.py" line="72"/>
        <source>All states</source>
        <translation>全部状态</translation>
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
        <location filename="../../desktop/widgets/call_controls.py" line="139"/>
        <source>No call</source>
        <translation>无通话</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="141"/>
        <source>On hold</source>
        <translation>保持中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="141"/>
        <source>Talking</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="143"/>
        <source>%1 with %2 · %3</source>
        <translation>%1：%2 · %3</translation>
    </message>
</context>
<context>
    <name>CandidateChooser</name>
    <message numerus="yes">
        <location filename="../../desktop/widgets/chooser.py" line="81"/>
        <source>Customers sharing %1: %n</source>
        <translation>
            <numerusform>共用 %1 的客户：%n 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="87"/>
        <source>Ranked by tier, open issues and last contact. Ask the caller&apos;s name, then pick the right customer; the pick is remembered for this number.</source>
        <translation>按等级、未结工单和最近联系排序。请先询问来电者姓名，再选择正确的客户；系统会记住此号码的选择。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="91"/>
        <source>Show this customer</source>
        <translation>显示此客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="103"/>
        <source>your last pick</source>
        <translation>您上次的选择</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="114"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="115"/>
        <source>email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="116"/>
        <source>chat</source>
        <translation>在线聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="117"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="118"/>
        <source>web</source>
        <translation>网页</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="119"/>
        <source>visit</source>
        <translation>到访</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="30"/>
        <location filename="../../desktop/widgets/search_panel.py" line="35"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="31"/>
        <location filename="../../desktop/widgets/search_panel.py" line="36"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="34"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="39"/>
        <source>Open issues</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="45"/>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="48"/>
        <source>Last purchase</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="49"/>
        <location filename="../../desktop/widgets/search_panel.py" line="38"/>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="50"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="49"/>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="52"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="56"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="59"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="60"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="61"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="64"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="169"/>
        <source>#</source>
        <extracomment>the card&apos;s constant minimum size (the window&apos;s minimum never follows the card&apos;s texts)</extracomment>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="170"/>
        <source>Issue</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="171"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="174"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="177"/>
        <source>Age</source>
        <translation>已开</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="178"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="37"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="398"/>
        <source>Copy name</source>
        <translation>复制姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="399"/>
        <source>Copy customer id</source>
        <translation>复制客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="400"/>
        <source>Customer id</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="400"/>
        <source>Lifecycle</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="400"/>
        <source>Lifetime value</source>
        <translation>客户终身价值</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="401"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="405"/>
        <source>IVR and routing</source>
        <translation>IVR 与路由</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="406"/>
        <source>Talking points</source>
        <translation>沟通要点</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="407"/>
        <source>Open issues</source>
        <translation>未结工单</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="408"/>
        <source>Recent purchases</source>
        <translation>最近购买</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="409"/>
        <source>Recent interactions</source>
        <translation>最近联系记录</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="437"/>
        <source>Unknown caller</source>
        <translation>未知来电者</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="446"/>
        <source>Phones: %1</source>
        <translation>电话：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="470"/>
        <source>Why you: %1</source>
        <translation>分配原因：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="472"/>
        <source>Why you: —</source>
        <translation>分配原因：—</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="478"/>
        <source>Nothing special on file.</source>
        <translation>档案中无特别事项。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="484"/>
        <source>IVR: no IVR data</source>
        <translation>IVR：无 IVR 数据</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="485"/>
        <source>verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="485"/>
        <source>not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="487"/>
        <source>menu %1</source>
        <translation>菜单 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="488"/>
        <source>intent %1</source>
        <translation>意图 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="495"/>
        <source>queue %1</source>
        <translation>队列 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="496"/>
        <source>IVR: %1</source>
        <translation>IVR：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="502"/>
        <source>up to date with central, %1</source>
        <translation>已与中心同步，%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="504"/>
        <source>offline, as of %1</source>
        <translation>离线，数据截至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="506"/>
        <source>local copy, as of %1</source>
        <translation>本地副本，截至 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="520"/>
        <location filename="../../desktop/widgets/customer_card.py" line="522"/>
        <source>Changed in central</source>
        <translation>中心数据已更改</translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop/controller.py" line="213"/>
        <source>Call from %1</source>
        <extracomment>seconds without a link after which &quot;reconnecting&quot; becomes &quot;offline&quot; a card (or chooser / quick-create form) is on screen for this call: (call_id, bus ts) the central refresh of the card finished: (customer_id, changed?) a wrap-up was recorded locally and sent to the switchboard: (call_id) a command failed: (cmd, code, message) when the replica last heard from central (shown as the card&apos;s &quot;as of&quot;)</extracomment>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="237"/>
        <source>Missed call: it rang out and went back to the queue.</source>
        <translation>未接来电：振铃超时，已退回队列。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="241"/>
        <source>Call rejected: it went back to the queue.</source>
        <translation>已拒接：来电已退回队列。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="245"/>
        <source>The caller hung up.</source>
        <translation>来电者已挂断。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="342"/>
        <source>The switchboard did not answer in time.</source>
        <translation>交换机未及时响应。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="345"/>
        <source>Not possible now: the call or your state has changed.</source>
        <translation>当前无法操作：通话或您的状态已变化。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="348"/>
        <source>The switchboard does not know this agent.</source>
        <translation>交换机不认识此坐席。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="351"/>
        <source>That call no longer exists.</source>
        <translation>该通话已不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="354"/>
        <source>You are not allowed to do that.</source>
        <translation>您无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="360"/>
        <source>The switchboard refused: %1</source>
        <translation>交换机拒绝：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="426"/>
        <source>Cannot read the local store: %1</source>
        <translation>无法读取本地数据：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/controller.py" line="449"/>
        <source>Possible customers: %n</source>
        <translation>
            <numerusform>可能的客户：%n 位</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="456"/>
        <source>Unknown caller</source>
        <translation>未知来电者</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="546"/>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="565"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="655"/>
        <source>Not saved (your text is kept): %1</source>
        <translation>未保存（您输入的内容已保留）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="691"/>
        <source>Wrap-up time is over: choose a disposition and save; nothing is lost.</source>
        <translation>话后处理时间已到：请选择处理结果并保存，内容不会丢失。</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="42"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="44"/>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="46"/>
        <source>Reconnecting (next try in %1 s)…</source>
        <translation>正在重新连接（%1 秒后重试）…</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="48"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="54"/>
        <source>Outbox: %1</source>
        <translation>待上传：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="55"/>
        <source>Local changes waiting to reach the central store</source>
        <translation>等待上传到中心库的本地更改</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="60"/>
        <source>No central store: local data only</source>
        <translation>无中心库：仅本地数据</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="62"/>
        <source>Not synced yet</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="64"/>
        <source>Synced %1</source>
        <translation>已同步 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="66"/>
        <source>Central unreachable; last sync %1</source>
        <translation>中心库不可达；上次同步 %1</translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="106"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="107"/>
        <source>Follow-up needed</source>
        <translation>需要跟进</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="108"/>
        <source>Escalated</source>
        <translation>已升级</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="109"/>
        <source>Sale</source>
        <translation>成交</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="110"/>
        <source>No action</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="111"/>
        <source>Wrong number</source>
        <translation>打错电话</translation>
    </message>
</context>
<context>
    <name>ForceStateDialog</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="33"/>
        <source>Force agent state</source>
        <translation>强制设置坐席状态</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="36"/>
        <source>Agent:</source>
        <translation>坐席：</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="40"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="41"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="42"/>
        <source>Logged out</source>
        <translation>已签出</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="48"/>
        <source>New state:</source>
        <translation>新状态：</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="54"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="80"/>
        <source>A reason is required for not ready.</source>
        <translation>设为未就绪时必须选择原因。</translation>
    </message>
</context>
<context>
    <name>IntervalChart</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="114"/>
        <source>Calls per interval, today</source>
        <extracomment>bar values replaced per turn of the event loop (~30 us each on a shown chart), and in the turn that changed the calls axis (~10 ms with a day&apos;s bars) the part of the day shown (local hours, end excluded) until calls come outside it</extracomment>
        <translation>今日各时段呼叫量</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="119"/>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="127"/>
        <source>Offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="128"/>
        <source>Answered</source>
        <translation>接通量</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="129"/>
        <source>Abandoned</source>
        <translation>放弃量</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="142"/>
        <source>Service level %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="152"/>
        <source>Calls</source>
        <translation>呼叫数</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="158"/>
        <source>Service level</source>
        <translation>服务水平</translation>
    </message>
</context>
<context>
    <name>IssuePriority</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="82"/>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="83"/>
        <source>normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="84"/>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="85"/>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
</context>
<context>
    <name>IssueStatus</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="76"/>
        <source>open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="77"/>
        <source>pending</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="78"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="79"/>
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="71"/>
        <location filename="../../desktop/widgets/common.py" line="72"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="73"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="65"/>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="66"/>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="67"/>
        <source>Established</source>
        <translation>稳定客户</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="68"/>
        <source>Expanding</source>
        <translation>增长客户</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="54"/>
        <source>Agentdesk: log in</source>
        <extracomment>what an agent id may look like (the store&apos;s and the bus&apos;s ids: letters, digits, ``_.-``)</extracomment>
        <translation>Agentdesk：登录</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="55"/>
        <source>No agent id is configured for this workstation.</source>
        <translation>这台工作站尚未配置坐席编号。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="56"/>
        <source>Agent id</source>
        <translation>坐席编号</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="57"/>
        <source>for example A001</source>
        <translation>例如 A001</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="58"/>
        <source>Remember on this computer</source>
        <translation>在这台电脑上记住</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="66"/>
        <source>Enter your agent id.</source>
        <translation>请输入您的坐席编号。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="68"/>
        <source>An agent id has only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>坐席编号只能包含字母、数字、“_”、“.”和“-”。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="152"/>
        <source>&amp;Call</source>
        <extracomment>a ringing call got the agent&apos;s attention: what was done (see ``pop``)</extracomment>
        <translation>通话(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="153"/>
        <source>&amp;State</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="154"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="155"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="156"/>
        <source>&amp;Answer</source>
        <translation>接听(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="158"/>
        <source>Re&amp;ject</source>
        <translation>拒接(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="160"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="161"/>
        <source>&amp;About Agentdesk</source>
        <translation>关于 Agentdesk(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="162"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="163"/>
        <source>&amp;Light theme</source>
        <translation>浅色主题(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="164"/>
        <source>&amp;Dark theme</source>
        <translation>深色主题(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="166"/>
        <source>No call. The caller&apos;s card appears here the moment a call rings.</source>
        <translation>暂无来电。来电振铃时，客户资料卡会立即显示在这里。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="183"/>
        <location filename="../../desktop/widgets/main_window.py" line="266"/>
        <source>Agentdesk</source>
        <translation>Agentdesk 坐席桌面</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="244"/>
        <source>Incoming call</source>
        <translation>来电</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="279"/>
        <source>About Agentdesk</source>
        <translation>关于 Agentdesk</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="281"/>
        <source>Agentdesk %1
Contact-center agent desktop with CTI screen-pop.</source>
        <translation>Agentdesk %1
带 CTI 弹屏的呼叫中心坐席桌面。</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="122"/>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="123"/>
        <source>Billing</source>
        <translation>账务</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="124"/>
        <source>Technical support</source>
        <translation>技术支持</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="125"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="126"/>
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
        <location filename="../../desktop/widgets/quick_create.py" line="101"/>
        <source>A name is needed.</source>
        <translation>请填写姓名。</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="96"/>
        <source>Break</source>
        <translation>休息</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="97"/>
        <source>Lunch</source>
        <translation>午餐</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="98"/>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="99"/>
        <source>Training</source>
        <translation>培训</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="100"/>
        <source>After-call work</source>
        <translation>话后工作</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="101"/>
        <source>Personal</source>
        <translation>个人事务</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="102"/>
        <source>Just logged in</source>
        <translation>刚登录</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="103"/>
        <source>Missed calls</source>
        <translation>未接来电</translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="60"/>
        <source>Answer</source>
        <extracomment>The countdown&apos;s text when there is none: blank but not empty, so the label (and with it the banner) keeps the height it has while ringing. An empty label is measured differently, and a banner changing height on every pop and hang-up moved everything below it: a relayout and repaint of the whole window (most of the pop&apos;s paint time). the ringing look per theme (background, border), painted by the banner itself: a stylesheet rule on a ``ringing`` property meant a style re-polish on every pop and every hang-up and its quiet look</extracomment>
        <translation>接听</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="62"/>
        <source>Answer the call (%1)</source>
        <translation>接听来电（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="66"/>
        <source>Reject</source>
        <translation>拒接</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="68"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="171"/>
        <source>No call waiting</source>
        <translation>暂无来电</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="69"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="172"/>
        <source>Incoming calls ring here.</source>
        <translation>来电会在这里振铃提示。</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="71"/>
        <source>Reject: the call goes back to its queue (%1)</source>
        <translation>拒接：来电退回队列（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="82"/>
        <source>Withheld number</source>
        <translation>隐藏号码</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="83"/>
        <source>Incoming call %1</source>
        <translation>来电 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="84"/>
        <source>Queue: %1</source>
        <translation>队列：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="116"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="163"/>
        <source>Rings for %1</source>
        <translation>剩余振铃 %1</translation>
    </message>
</context>
<context>
    <name>RouteText</name>
    <message>
        <location filename="../../desktop/route_text.py" line="30"/>
        <source>new plan</source>
        <translation>新套餐</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="31"/>
        <source>upgrade</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="32"/>
        <source>pricing</source>
        <translation>资费咨询</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="33"/>
        <location filename="../../desktop/route_text.py" line="34"/>
        <source>bill question</source>
        <translation>账单疑问</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="35"/>
        <source>payment</source>
        <translation>缴费</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="36"/>
        <source>refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="37"/>
        <source>charged twice</source>
        <translation>重复扣费</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="38"/>
        <source>no signal</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="39"/>
        <source>slow internet</source>
        <translation>网速慢</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="40"/>
        <source>device repair</source>
        <translation>设备维修</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="41"/>
        <source>router setup</source>
        <translation>路由器设置</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="42"/>
        <source>asked for an operator</source>
        <translation>要求转人工</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="49"/>
        <source>completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="50"/>
        <source>timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="51"/>
        <source>invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="52"/>
        <source>asked for an agent</source>
        <translation>要求人工服务</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="73"/>
        <source>Caller</source>
        <translation>来电客户</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="75"/>
        <source>Known caller</source>
        <translation>已知客户</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="77"/>
        <source>%1 caller</source>
        <translation>%1客户</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="86"/>
        <source> with skill &gt;= %1</source>
        <translation>（技能 ≥ %1）</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="90"/>
        <source> after %1 s</source>
        <translation>（等待 %1 秒后）</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="100"/>
        <source>transferred by %1: %2 agents</source>
        <translation>由 %1 转接：%2坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="104"/>
        <source>transferred to %1</source>
        <translation>转接给 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="109"/>
        <source>%1; you handled their open issue %2</source>
        <translation>%1；您处理过其未结工单 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="114"/>
        <source>%1; you handled their last call</source>
        <translation>%1；您处理过其上一通来电</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="118"/>
        <source>%1, step %2: callback offered</source>
        <translation>%1，第 %2 步：提供回呼</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="122"/>
        <source>%1, step %2: %3 agents</source>
        <translation>%1，第 %2 步：%3坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="130"/>
        <source>no rule matched</source>
        <translation>未匹配任何规则</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="89"/>
        <source>Search customers: name, phone or id (Ctrl+F)</source>
        <extracomment>the panel&apos;s width below which the customer id column is left out (it is in the card)</extracomment>
        <translation>搜索客户：姓名、电话或编号（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="90"/>
        <source>Search customers by name, phone or id (Ctrl+F)</source>
        <translation>按姓名、电话或编号搜索客户（Ctrl+F）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/search_panel.py" line="106"/>
        <source>Customers found: %n</source>
        <translation>
            <numerusform>找到客户：%n 位</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateControl</name>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="135"/>
        <source>&amp;Ready</source>
        <extracomment>per theme: the button&apos;s border, then each state&apos;s (background, text) colour; other states (logged out) get the theme&apos;s plain button look from the style sheet</extracomment>
        <translation>就绪(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="136"/>
        <source>Take calls (%1)</source>
        <translation>开始接听来电（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="137"/>
        <source>&amp;Not ready</source>
        <translation>未就绪(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="139"/>
        <source>Stop taking calls (%1)</source>
        <translation>暂停接听来电（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="141"/>
        <source>Log &amp;in</source>
        <translation>登录(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="142"/>
        <source>Log &amp;out</source>
        <translation>登出(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="143"/>
        <source>Log out (%1)</source>
        <translation>登出（%1）</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="144"/>
        <source>Not ready: reason</source>
        <translation>未就绪：原因</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="156"/>
        <source>Your state: click to change</source>
        <translation>您的状态：点击更改</translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="61"/>
        <source>Logged out</source>
        <translation>已签出</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="62"/>
        <location filename="../../desktop/supervisor/models.py" line="761"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="63"/>
        <location filename="../../desktop/supervisor/models.py" line="784"/>
        <source>Not ready</source>
        <translation>未就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="64"/>
        <source>Ringing</source>
        <translation>振铃中</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="65"/>
        <location filename="../../desktop/supervisor/models.py" line="774"/>
        <source>On call</source>
        <translation>通话中</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="66"/>
        <location filename="../../desktop/supervisor/models.py" line="779"/>
        <source>Wrap-up</source>
        <translation>话后处理</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="76"/>
        <source>Ringing too long</source>
        <translation>振铃超时</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="79"/>
        <source>Caller hung up</source>
        <translation>主叫已挂机</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="86"/>
        <source>All queues</source>
        <translation>全部队列</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="196"/>
        <source>Drift only</source>
        <extracomment>the longest time each refresh slice took on the GUI thread (ms; for the benchmark) the same in the GUI thread&apos;s CPU time (ms) seconds between chart redraws (QtCharts layouts are the console&apos;s costliest paint) agent rows received and not yet shown (see ``_queue_agent_rows``)</extracomment>
        <translation>仅显示状态异常</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="252"/>
        <source>Agentdesk — supervisor console</source>
        <translation>Agentdesk — 班长监控台</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="253"/>
        <source>Force state…</source>
        <translation>强制状态…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="256"/>
        <source>Force the selected agent to ready, not ready or logged out (recorded with your id)</source>
        <translation>将所选坐席强制设为就绪、未就绪或签出（记录您的工号）</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="259"/>
        <source>Export report…</source>
        <translation>导出报表…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="261"/>
        <source>Today&apos;s queue and agent interval reports as CSV or XLSX</source>
        <translation>将今日队列与坐席时段报表导出为 CSV 或 XLSX</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="263"/>
        <source>Queues</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="264"/>
        <source>Agents</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="265"/>
        <source>Erlang C staffing</source>
        <translation>Erlang C 排班测算</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="266"/>
        <source>Tier split</source>
        <translation>客户等级分布</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="269"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="270"/>
        <source>Staffing</source>
        <translation>人力测算</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="271"/>
        <source>Tiers</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="275"/>
        <source>Agents needed per queue for {pct}% of calls answered within {thr} s, from the arrival rate and handle time of the last {n} intervals (Erlang C).</source>
        <translation>按最近 {n} 个时段的来话率和处理时长（Erlang C），各队列要在 {thr} 秒内接通 {pct}% 呼叫所需的坐席数。</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="282"/>
        <source>Loading today&apos;s history…</source>
        <translation>正在加载今日历史…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="445"/>
        <source>{events} events · figures in {ms} ms</source>
        <extracomment>cells written to a board per turn of the event loop while it fills or many rows change (~10-25 us a cell with its sort key and repaint; 200 keeps a turn within ~6 ms)</extracomment>
        <translation>{events} 条事件 · 指标计算耗时 {ms} 毫秒</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="465"/>
        <source>History: {n} events loaded in {s} s</source>
        <translation>历史：{s} 秒内加载了 {n} 条事件</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="470"/>
        <source>History unavailable: {m}</source>
        <translation>历史不可用：{m}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="476"/>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="476"/>
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="479"/>
        <source>connected to the switchboard</source>
        <translation>已连接交换机</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="479"/>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="500"/>
        <source>Select an agent first.</source>
        <translation>请先选择一名坐席。</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="516"/>
        <source>Not connected to the switchboard.</source>
        <translation>未连接到交换机。</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="527"/>
        <source>Asking the switchboard to set {a} to {s}…</source>
        <translation>正在请求交换机将 {a} 设为{s}…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="537"/>
        <source>{a} is now {s}.</source>
        <translation>{a} 现在为{s}。</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="539"/>
        <source>Refused for {a}: {c} — {m}</source>
        <translation>{a} 的请求被拒绝：{c} — {m}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="547"/>
        <source>Export today&apos;s report</source>
        <translation>导出今日报表</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="549"/>
        <source>Excel workbook (*.xlsx);;CSV, queues (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV，队列 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="558"/>
        <source>No store: the event log is unavailable.</source>
        <translation>没有数据库：事件日志不可用。</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="575"/>
        <source>{n} queue rows, {m} agent rows written to {p}</source>
        <translation>已将 {n} 行队列数据、{m} 行坐席数据写入 {p}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="587"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="590"/>
        <source>Export failed: {m}</source>
        <translation>导出失败：{m}</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="680"/>
        <location filename="../../desktop/supervisor/models.py" line="885"/>
        <source>Queue</source>
        <extracomment>for a ticking column: its value from the row and the model&apos;s clock, computed when the cell is painted (so the rows need not change every second; see ``RowsModel.set_now``) for a clock-computed column: a value from the row alone that sorts as the column does (so a row&apos;s sort key does not change with the clock) rows added at once beyond this many (a filter cleared) are written this many a turn of the event loop, the first screenful at once columns whose value is computed from the clock (``Column.tick``), written for the rows in view when the clock moves (see ``set_now``) the level (row colour) written for each shown key the cell texts written for each shown key the sort keys (``SORT_ROLE``) written for each shown key. A new row&apos;s are written with it; when a row changes, the sort column&apos;s at once, the others a few turns of the event loop later (``_flush_stale``) or when their column is sorted by: ``_stale[c]`` holds the keys whose key in column ``c`` may be behind the row the sort column&apos;s key per row for ``_visible``: (column, {key: (row, sort text)}); a row dict is not changed once taken (a change comes as a new dict), so a key whose row is the same object keeps its text (a refresh re-sorts 2,000 rows per slice) keys of rows added but not written yet (see ``SYNC_ROWS``) updates applied and cells reported changed (for tests and the benchmark) stale sort keys brought up to date a turn of the event loop</extracomment>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="681"/>
        <source>queue id; the first row totals every queue</source>
        <translation>队列编号；第一行为全部队列合计</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="687"/>
        <source>Waiting</source>
        <translation>排队数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="688"/>
        <source>calls queued or ringing now</source>
        <translation>当前排队或振铃中的呼叫</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="692"/>
        <source>Longest wait</source>
        <translation>最长等待</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="693"/>
        <source>seconds since the oldest waiting call was first queued</source>
        <translation>等待最久的呼叫自首次进入队列以来的秒数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="701"/>
        <location filename="../../desktop/supervisor/models.py" line="964"/>
        <source>Offered</source>
        <translation>呼入量</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="702"/>
        <source>answered + abandoned + short abandoned + callbacks + still waiting, calls first queued today</source>
        <translation>接通 + 放弃 + 短时放弃 + 回呼 + 仍在等待，按今日首次进入队列的呼叫统计</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="709"/>
        <location filename="../../desktop/supervisor/models.py" line="969"/>
        <source>Answered</source>
        <translation>接通量</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="710"/>
        <location filename="../../desktop/supervisor/models.py" line="970"/>
        <source>calls answered by an agent</source>
        <translation>由坐席接通的呼叫</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="714"/>
        <source>Abandoned</source>
        <translation>放弃量</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="715"/>
        <source>caller hung up after the short-abandon time</source>
        <translation>主叫在短时放弃时限之后挂机</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="719"/>
        <source>SL (interval)</source>
        <translation>服务水平（本时段）</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="720"/>
        <source>answered within the threshold / (answered + abandoned after the threshold); short abandons excluded; calls first queued this interval</source>
        <translation>阈值内接通 / (接通 + 超过阈值后放弃)；不含短时放弃；按本时段首次进入队列的呼叫统计</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="728"/>
        <source>SL (today)</source>
        <translation>服务水平（今日）</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="729"/>
        <source>answered within the threshold / (answered + abandoned after the threshold); short abandons excluded; calls first queued today</source>
        <translation>阈值内接通 / (接通 + 超过阈值后放弃)；不含短时放弃；按今日首次进入队列的呼叫统计</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="737"/>
        <location filename="../../desktop/supervisor/models.py" line="983"/>
        <source>ASA</source>
        <translation>平均应答速度</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="738"/>
        <source>average speed of answer: mean wait of answered calls, from first queued to answer</source>
        <translation>平均应答速度：已接通呼叫从首次进入队列到接通的平均等待时间</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="746"/>
        <location filename="../../desktop/supervisor/models.py" line="858"/>
        <location filename="../../desktop/supervisor/models.py" line="899"/>
        <source>AHT</source>
        <translation>平均处理时长</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="747"/>
        <source>average handle time: mean talk + hold + wrap-up of the answered calls that ended today</source>
        <translation>平均处理时长：今日结束的已接通呼叫的通话 + 保持 + 话后处理平均时长</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="755"/>
        <location filename="../../desktop/supervisor/models.py" line="989"/>
        <source>Abandon rate</source>
        <translation>放弃率</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="756"/>
        <location filename="../../desktop/supervisor/models.py" line="990"/>
        <source>abandoned / (answered + abandoned)</source>
        <translation>放弃 / (接通 + 放弃)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="762"/>
        <location filename="../../desktop/supervisor/models.py" line="916"/>
        <source>agents of the queue that are ready</source>
        <translation>该队列中处于就绪状态的坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="766"/>
        <location filename="../../desktop/supervisor/models.py" line="908"/>
        <source>Needed</source>
        <translation>需求人数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="767"/>
        <source>Erlang C: fewest agents for the service-level target at the arrival rate and AHT of the last intervals</source>
        <translation>Erlang C：按最近各时段的来话率和平均处理时长，达到服务水平目标所需的最少坐席数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="775"/>
        <source>agents of the queue on a call</source>
        <translation>该队列中正在通话的坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="780"/>
        <source>agents of the queue in after-call work</source>
        <translation>该队列中处于话后处理的坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="785"/>
        <source>agents of the queue logged in but not ready</source>
        <translation>该队列中已签入但未就绪的坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="791"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="792"/>
        <source>agent id</source>
        <translation>坐席工号</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="798"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="799"/>
        <source>agent name</source>
        <translation>坐席姓名</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="805"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="806"/>
        <source>state on the switchboard</source>
        <translation>交换机上的状态</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="812"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="813"/>
        <source>not-ready reason code</source>
        <translation>未就绪原因代码</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="819"/>
        <source>Time in state</source>
        <translation>状态时长</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="820"/>
        <source>seconds since the last state change</source>
        <translation>自上次状态变化以来的秒数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="828"/>
        <source>Caller</source>
        <translation>主叫</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="829"/>
        <source>number of the call ringing, connected or in wrap-up</source>
        <translation>振铃中、通话中或话后处理中的呼叫号码</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="837"/>
        <source>Call queue</source>
        <translation>呼叫队列</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="838"/>
        <source>queue of the current call</source>
        <translation>当前呼叫所在队列</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="844"/>
        <source>Talk time</source>
        <translation>通话时长</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="845"/>
        <source>seconds since the current call was answered</source>
        <translation>当前呼叫接通以来的秒数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="853"/>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="854"/>
        <source>calls this agent finished today (after wrap-up)</source>
        <translation>该坐席今日完成的呼叫数（话后处理结束后）</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="859"/>
        <source>(talk + hold + wrap-up) / handled, today</source>
        <translation>(通话 + 保持 + 话后处理) / 已处理数，今日</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="864"/>
        <source>Occupancy</source>
        <translation>占用率</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="865"/>
        <source>(on call + wrap-up) / (on call + wrap-up + ready + reserved) time today</source>
        <translation>今日 (通话 + 话后处理) / (通话 + 话后处理 + 就绪 + 预占) 时长</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="873"/>
        <source>Drift</source>
        <translation>状态异常</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="874"/>
        <source>no event for longer than plausible: reserved over twice the ring timeout, or on a call whose caller hung up</source>
        <translation>长时间无事件，状态可疑：预占超过两倍振铃超时，或主叫已挂机但仍处于通话中</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="886"/>
        <source>queue id</source>
        <translation>队列编号</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="892"/>
        <source>Calls/hour</source>
        <translation>每小时呼叫量</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="893"/>
        <source>calls first queued in the last intervals, per hour</source>
        <translation>最近各时段首次进入队列的呼叫，按小时折算</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="900"/>
        <source>mean handle time of the calls ended in the last intervals (today&apos;s if none)</source>
        <translation>最近各时段结束呼叫的平均处理时长（若无则取今日）</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="909"/>
        <source>Erlang C: fewest agents with expected service level &gt;= target</source>
        <translation>Erlang C：预期服务水平不低于目标所需的最少坐席数</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="915"/>
        <source>Ready now</source>
        <translation>当前就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="920"/>
        <source>Expected SL</source>
        <translation>预期服务水平</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="921"/>
        <source>1 - P(wait) * exp(-(N - A) * threshold / AHT), A = calls per second * AHT</source>
        <translation>1 - P(等待) * exp(-(N - A) * 阈值 / 平均处理时长)，A = 每秒呼叫数 * 平均处理时长</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="929"/>
        <source>Expected ASA</source>
        <translation>预期平均应答速度</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="930"/>
        <source>P(wait) * AHT / (N - A)</source>
        <translation>P(等待) * 平均处理时长 / (N - A)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="935"/>
        <source>Expected occupancy</source>
        <translation>预期占用率</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="936"/>
        <source>A / N</source>
        <translation>A / N</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="941"/>
        <source>P(wait)</source>
        <translation>P(等待)</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="942"/>
        <source>Erlang C probability that a call waits</source>
        <translation>Erlang C 计算的呼叫需要等待的概率</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="947"/>
        <source>SL with ready</source>
        <translation>按当前就绪人数的服务水平</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="948"/>
        <source>expected service level with the agents ready now</source>
        <translation>以当前就绪坐席数计算的预期服务水平</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="955"/>
        <source>Tier</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="956"/>
        <source>customer tier of the caller (none = not identified)</source>
        <translation>主叫的客户等级（无 = 未识别）</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="965"/>
        <source>calls first queued today</source>
        <translation>今日首次进入队列的呼叫</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="974"/>
        <source>SL</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="975"/>
        <source>answered within the threshold / (answered + abandoned after the threshold); short abandons excluded</source>
        <translation>阈值内接通 / (接通 + 超过阈值后放弃)；不含短时放弃</translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="984"/>
        <source>mean wait of answered calls</source>
        <translation>已接通呼叫的平均等待时间</translation>
    </message>
</context>
<context>
    <name>TalkingPoints</name>
    <message>
        <location filename="../../desktop/talking_points.py" line="63"/>
        <source>Transferred by %1 (queue %2): confirm what was already done.</source>
        <translation>由 %1 转来（队列 %2）：先确认已经处理过的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="70"/>
        <source>Transferred by %1: confirm what was already done.</source>
        <translation>由 %1 转来：先确认已经处理过的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="82"/>
        <source>%1 customer: priority treatment, warm hand-offs only.</source>
        <translation>%1客户：优先服务，只做有交接的转接。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="88"/>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="92"/>
        <source>Open issue #%1 “%2” is %3, owned by %4: give the latest status.</source>
        <translation>未结工单 #%1「%2」状态为%3，负责人 %4：请告知最新进展。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="108"/>
        <source>Bought %1 on %2: be ready to support that product.</source>
        <translation>于 %2 购买了 %1：准备好为该产品提供支持。</translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="120"/>
        <source>New customer: offer onboarding help and check the first steps.</source>
        <translation>新客户：提供入门帮助并确认首次使用情况。</translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="59"/>
        <source>Platinum</source>
        <extracomment>Badge colours per tier: white text on these backgrounds is readable in light and dark themes (contrast ratio &gt;= 4.5 against #ffffff for each). the label tables: (key, source text) per kind, translated once per language (``_table``)</extracomment>
        <translation>白金</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="60"/>
        <source>Gold</source>
        <translation>黄金</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="61"/>
        <source>Silver</source>
        <translation>白银</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="62"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="149"/>
        <source>No tier</source>
        <translation>无等级</translation>
    </message>
</context>
<context>
    <name>TierChart</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="345"/>
        <source>How each caller tier is served today</source>
        <extracomment>the day&apos;s interval starts (the x axis) and each one&apos;s bar index</extracomment>
        <translation>今日各客户等级的服务情况</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="351"/>
        <source>Service level %</source>
        <translation>服务水平 %</translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="353"/>
        <source>Abandon rate %</source>
        <translation>放弃率 %</translation>
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
