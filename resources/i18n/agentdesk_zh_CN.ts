<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Age</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="180"/>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="183"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="184"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="90"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="91"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="92"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="93"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="94"/>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="95"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CallControls</name>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="87"/>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="87"/>
        <source>&amp;Hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="88"/>
        <source>Resume the held call (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="90"/>
        <source>Put the caller on hold (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="93"/>
        <source>&amp;Transfer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="95"/>
        <source>Transfer to a queue or an agent (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="99"/>
        <source>Hang &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="101"/>
        <source>End the call and start wrap-up (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="135"/>
        <source>No call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="137"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="137"/>
        <source>Talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="139"/>
        <source>%1 with %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateChooser</name>
    <message numerus="yes">
        <location filename="../../desktop/widgets/chooser.py" line="84"/>
        <source>Customers sharing %1: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="90"/>
        <source>Ranked by tier, open issues and last contact. Ask the caller&apos;s name, then pick the right customer; the pick is remembered for this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="94"/>
        <source>Show this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="106"/>
        <source>your last pick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="32"/>
        <location filename="../../desktop/widgets/search_panel.py" line="34"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="33"/>
        <location filename="../../desktop/widgets/search_panel.py" line="35"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="36"/>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="41"/>
        <source>Open issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="47"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="50"/>
        <source>Last purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="51"/>
        <location filename="../../desktop/widgets/search_panel.py" line="37"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="52"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="46"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="49"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="53"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="56"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="57"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="58"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="61"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="93"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="94"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="95"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="98"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="101"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="102"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="36"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="191"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="191"/>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="191"/>
        <source>Lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="192"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="194"/>
        <source>IVR and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="195"/>
        <source>Talking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="196"/>
        <source>Open issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="197"/>
        <source>Recent purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="198"/>
        <source>Recent interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="220"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="233"/>
        <source>Phones: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="254"/>
        <source>Why you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="254"/>
        <source>Why you: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="261"/>
        <source>Nothing special on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="266"/>
        <source>IVR: no IVR data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="267"/>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="267"/>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="269"/>
        <source>menu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="270"/>
        <source>intent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="277"/>
        <source>queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="278"/>
        <source>IVR: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="284"/>
        <source>up to date with central, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="286"/>
        <source>offline, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="288"/>
        <source>local copy, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="299"/>
        <location filename="../../desktop/widgets/customer_card.py" line="302"/>
        <source>Changed in central</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop/controller.py" line="199"/>
        <source>Call from %1</source>
        <extracomment>seconds without a link after which &quot;reconnecting&quot; becomes &quot;offline&quot; a card (or chooser / quick-create form) is on screen for this call: (call_id, bus ts) the central refresh of the card finished: (customer_id, changed?) a wrap-up was recorded locally and sent to the switchboard: (call_id) a command failed: (cmd, code, message)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="223"/>
        <source>Missed call: it rang out and went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="227"/>
        <source>Call rejected: it went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="231"/>
        <source>The caller hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="321"/>
        <source>The switchboard did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="324"/>
        <source>Not possible now: the call or your state has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="327"/>
        <source>The switchboard does not know this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="330"/>
        <source>That call no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="333"/>
        <source>You are not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="339"/>
        <source>The switchboard refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="375"/>
        <source>Cannot read the local store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/controller.py" line="398"/>
        <source>Possible customers: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="405"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="498"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="517"/>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="604"/>
        <source>Not saved (your text is kept): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="640"/>
        <source>Wrap-up time is over: choose a disposition and save; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="40"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="42"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="44"/>
        <source>Reconnecting (next try in %1 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="46"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="54"/>
        <source>Outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="55"/>
        <source>Local changes waiting to reach the central store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="60"/>
        <source>No central store: local data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="62"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="64"/>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="66"/>
        <source>Central unreachable; last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="116"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="117"/>
        <source>Follow-up needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="118"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="119"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="120"/>
        <source>No action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="121"/>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuePriority</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="80"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="81"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="82"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="83"/>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueStatus</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="70"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="71"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="72"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="73"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="61"/>
        <location filename="../../desktop/widgets/common.py" line="62"/>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="63"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="49"/>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="50"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="51"/>
        <source>Established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="52"/>
        <source>Expanding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="149"/>
        <source>&amp;Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="150"/>
        <source>&amp;State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="151"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="152"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="153"/>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="155"/>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="157"/>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="158"/>
        <source>&amp;About Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="159"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="160"/>
        <source>&amp;Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="161"/>
        <source>&amp;Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="163"/>
        <source>No call. The caller&apos;s card appears here the moment a call rings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="180"/>
        <location filename="../../desktop/widgets/main_window.py" line="233"/>
        <source>Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="225"/>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="241"/>
        <source>About Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="243"/>
        <source>Agentdesk %1
Contact-center agent desktop with CTI screen-pop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="128"/>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="129"/>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="130"/>
        <source>Technical support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="131"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="132"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCreateForm</name>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="60"/>
        <source>Unknown number: create the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="62"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="73"/>
        <source>Create customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="74"/>
        <source>Caller&apos;s full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="99"/>
        <source>A name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="102"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="103"/>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="104"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="105"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="106"/>
        <source>After-call work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="107"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="108"/>
        <source>Just logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="109"/>
        <source>Missed calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="52"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="54"/>
        <source>Answer the call (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="58"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="60"/>
        <source>Reject: the call goes back to its queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="70"/>
        <source>Withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="71"/>
        <source>Incoming call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="72"/>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="93"/>
        <source>Rings for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="74"/>
        <source>Search customers: name, phone or id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="75"/>
        <source>Search customers by name, phone or id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/search_panel.py" line="91"/>
        <source>Customers found: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateControl</name>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="68"/>
        <source>&amp;Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="69"/>
        <source>Take calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="70"/>
        <source>&amp;Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="72"/>
        <source>Stop taking calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="74"/>
        <source>Log &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="75"/>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="76"/>
        <source>Log out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="77"/>
        <source>Not ready: reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="89"/>
        <source>Your state: click to change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TalkingPoints</name>
    <message>
        <location filename="../../desktop/talking_points.py" line="48"/>
        <source>Transferred by %1 (queue %2): confirm what was already done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="63"/>
        <source>%1 customer: priority treatment, warm hand-offs only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="69"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="73"/>
        <source>Open issue #%1 “%2” is %3, owned by %4: give the latest status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="89"/>
        <source>Bought %1 on %2: be ready to support that product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="101"/>
        <source>New customer: offer onboarding help and check the first steps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="37"/>
        <source>Platinum</source>
        <extracomment>Badge colours per tier: white text on these backgrounds is readable in light and dark themes (contrast ratio &gt;= 4.5 against #ffffff for each).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="38"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="39"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="40"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="43"/>
        <source>No tier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TransferPicker</name>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="50"/>
        <source>Transfer the call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="51"/>
        <source>Type a queue or an agent&apos;s name or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="52"/>
        <source>Transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="60"/>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/transfer_picker.py" line="62"/>
        <source>(waiting: %n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/transfer_picker.py" line="70"/>
        <source>Agent: %1 (%2) · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WrapUpDialog</name>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="102"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="103"/>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="103"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="103"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="103"/>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="108"/>
        <source>Open an issue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="109"/>
        <source>What needs to be followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="110"/>
        <source>What was asked, what was done, what was promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="111"/>
        <source>Save and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="113"/>
        <source>Save the wrap-up (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="127"/>
        <source>Ready for the next call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="128"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="133"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="144"/>
        <source>Wrap-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="210"/>
        <source>Choose a disposition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="214"/>
        <source>Give the follow-up issue a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="230"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
