<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Age</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="251"/>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="254"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="255"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="88"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="89"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="90"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="91"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="92"/>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="93"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BoardView</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_boards.py" line="65"/>
        <source>Filter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_boards.py" line="72"/>
        <source>All states</source>
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
        <location filename="../../desktop/widgets/call_controls.py" line="139"/>
        <source>No call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="141"/>
        <source>On hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="141"/>
        <source>Talking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/call_controls.py" line="143"/>
        <source>%1 with %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CandidateChooser</name>
    <message numerus="yes">
        <location filename="../../desktop/widgets/chooser.py" line="81"/>
        <source>Customers sharing %1: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="87"/>
        <source>Ranked by tier, open issues and last contact. Ask the caller&apos;s name, then pick the right customer; the pick is remembered for this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="91"/>
        <source>Show this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="103"/>
        <source>your last pick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="114"/>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="115"/>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="116"/>
        <source>chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="117"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="118"/>
        <source>web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="119"/>
        <source>visit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="30"/>
        <location filename="../../desktop/widgets/search_panel.py" line="35"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="31"/>
        <location filename="../../desktop/widgets/search_panel.py" line="36"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="34"/>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="39"/>
        <source>Open issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="45"/>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="48"/>
        <source>Last purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="49"/>
        <location filename="../../desktop/widgets/search_panel.py" line="38"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="50"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="49"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="52"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="56"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="59"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="60"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="61"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="64"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="169"/>
        <source>#</source>
        <extracomment>the card&apos;s constant minimum size (the window&apos;s minimum never follows the card&apos;s texts)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="170"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="171"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="174"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="177"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="178"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="37"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerCard</name>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="398"/>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="399"/>
        <source>Copy customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="400"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="400"/>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="400"/>
        <source>Lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="401"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="405"/>
        <source>IVR and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="406"/>
        <source>Talking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="407"/>
        <source>Open issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="408"/>
        <source>Recent purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="409"/>
        <source>Recent interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="437"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="446"/>
        <source>Phones: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="470"/>
        <source>Why you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="472"/>
        <source>Why you: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="478"/>
        <source>Nothing special on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="484"/>
        <source>IVR: no IVR data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="485"/>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="485"/>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="487"/>
        <source>menu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="488"/>
        <source>intent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="495"/>
        <source>queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="496"/>
        <source>IVR: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="502"/>
        <source>up to date with central, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="504"/>
        <source>offline, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="506"/>
        <source>local copy, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="520"/>
        <location filename="../../desktop/widgets/customer_card.py" line="522"/>
        <source>Changed in central</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop/controller.py" line="213"/>
        <source>Call from %1</source>
        <extracomment>seconds without a link after which &quot;reconnecting&quot; becomes &quot;offline&quot; a card (or chooser / quick-create form) is on screen for this call: (call_id, bus ts) the central refresh of the card finished: (customer_id, changed?) a wrap-up was recorded locally and sent to the switchboard: (call_id) a command failed: (cmd, code, message) when the replica last heard from central (shown as the card&apos;s &quot;as of&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="237"/>
        <source>Missed call: it rang out and went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="241"/>
        <source>Call rejected: it went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="245"/>
        <source>The caller hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="342"/>
        <source>The switchboard did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="345"/>
        <source>Not possible now: the call or your state has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="348"/>
        <source>The switchboard does not know this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="351"/>
        <source>That call no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="354"/>
        <source>You are not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="360"/>
        <source>The switchboard refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="426"/>
        <source>Cannot read the local store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/controller.py" line="449"/>
        <source>Possible customers: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="456"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="546"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="565"/>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="655"/>
        <source>Not saved (your text is kept): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="691"/>
        <source>Wrap-up time is over: choose a disposition and save; nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="42"/>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="44"/>
        <source>Reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="46"/>
        <source>Reconnecting (next try in %1 s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="48"/>
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
        <location filename="../../desktop/widgets/common.py" line="106"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="107"/>
        <source>Follow-up needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="108"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="109"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="110"/>
        <source>No action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="111"/>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ForceStateDialog</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="33"/>
        <source>Force agent state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="36"/>
        <source>Agent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="40"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="41"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="42"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="48"/>
        <source>New state:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="54"/>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_actions.py" line="80"/>
        <source>A reason is required for not ready.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntervalChart</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="114"/>
        <source>Calls per interval, today</source>
        <extracomment>bar values replaced per turn of the event loop (~30 us each on a shown chart), and in the turn that changed the calls axis (~10 ms with a day&apos;s bars) the part of the day shown (local hours, end excluded) until calls come outside it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="119"/>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="127"/>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="128"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="129"/>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="142"/>
        <source>Service level %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="152"/>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="158"/>
        <source>Service level</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuePriority</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="82"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="83"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="84"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="85"/>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueStatus</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="76"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="77"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="78"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="79"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="71"/>
        <location filename="../../desktop/widgets/common.py" line="72"/>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="73"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="65"/>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="66"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="67"/>
        <source>Established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="68"/>
        <source>Expanding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="54"/>
        <source>Agentdesk: log in</source>
        <extracomment>what an agent id may look like (the store&apos;s and the bus&apos;s ids: letters, digits, ``_.-``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="55"/>
        <source>No agent id is configured for this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="56"/>
        <source>Agent id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="57"/>
        <source>for example A001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="58"/>
        <source>Remember on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="66"/>
        <source>Enter your agent id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/login_dialog.py" line="68"/>
        <source>An agent id has only letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="152"/>
        <source>&amp;Call</source>
        <extracomment>a ringing call got the agent&apos;s attention: what was done (see ``pop``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="153"/>
        <source>&amp;State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="154"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="155"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="156"/>
        <source>&amp;Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="158"/>
        <source>Re&amp;ject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="160"/>
        <source>&amp;Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="161"/>
        <source>&amp;About Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="162"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="163"/>
        <source>&amp;Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="164"/>
        <source>&amp;Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="166"/>
        <source>No call. The caller&apos;s card appears here the moment a call rings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="183"/>
        <location filename="../../desktop/widgets/main_window.py" line="266"/>
        <source>Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="244"/>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="279"/>
        <source>About Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="281"/>
        <source>Agentdesk %1
Contact-center agent desktop with CTI screen-pop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="122"/>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="123"/>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="124"/>
        <source>Technical support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="125"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="126"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickCreateForm</name>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="61"/>
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
        <location filename="../../desktop/widgets/quick_create.py" line="71"/>
        <source>Create customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="72"/>
        <source>Caller&apos;s full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/quick_create.py" line="101"/>
        <source>A name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="96"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="97"/>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="98"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="99"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="100"/>
        <source>After-call work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="101"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="102"/>
        <source>Just logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="103"/>
        <source>Missed calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="60"/>
        <source>Answer</source>
        <extracomment>The countdown&apos;s text when there is none: blank but not empty, so the label (and with it the banner) keeps the height it has while ringing. An empty label is measured differently, and a banner changing height on every pop and hang-up moved everything below it: a relayout and repaint of the whole window (most of the pop&apos;s paint time). the ringing look per theme (background, border), painted by the banner itself: a stylesheet rule on a ``ringing`` property meant a style re-polish on every pop and every hang-up and its quiet look</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="62"/>
        <source>Answer the call (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="66"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="68"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="171"/>
        <source>No call waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="69"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="172"/>
        <source>Incoming calls ring here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="71"/>
        <source>Reject: the call goes back to its queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="82"/>
        <source>Withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="83"/>
        <source>Incoming call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="84"/>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="116"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="163"/>
        <source>Rings for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RouteText</name>
    <message>
        <location filename="../../desktop/route_text.py" line="30"/>
        <source>new plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="31"/>
        <source>upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="32"/>
        <source>pricing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="33"/>
        <location filename="../../desktop/route_text.py" line="34"/>
        <source>bill question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="35"/>
        <source>payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="36"/>
        <source>refund</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="37"/>
        <source>charged twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="38"/>
        <source>no signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="39"/>
        <source>slow internet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="40"/>
        <source>device repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="41"/>
        <source>router setup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="42"/>
        <source>asked for an operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="49"/>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="50"/>
        <source>timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="51"/>
        <source>invalid input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="52"/>
        <source>asked for an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="73"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="75"/>
        <source>Known caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="77"/>
        <source>%1 caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="86"/>
        <source> with skill &gt;= %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="90"/>
        <source> after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="100"/>
        <source>transferred by %1: %2 agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="104"/>
        <source>transferred to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="109"/>
        <source>%1; you handled their open issue %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="114"/>
        <source>%1; you handled their last call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="118"/>
        <source>%1, step %2: callback offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="122"/>
        <source>%1, step %2: %3 agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/route_text.py" line="130"/>
        <source>no rule matched</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="89"/>
        <source>Search customers: name, phone or id (Ctrl+F)</source>
        <extracomment>the panel&apos;s width below which the customer id column is left out (it is in the card)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="90"/>
        <source>Search customers by name, phone or id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/search_panel.py" line="106"/>
        <source>Customers found: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateControl</name>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="135"/>
        <source>&amp;Ready</source>
        <extracomment>per theme: the button&apos;s border, then each state&apos;s (background, text) colour; other states (logged out) get the theme&apos;s plain button look from the style sheet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="136"/>
        <source>Take calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="137"/>
        <source>&amp;Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="139"/>
        <source>Stop taking calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="141"/>
        <source>Log &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="142"/>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="143"/>
        <source>Log out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="144"/>
        <source>Not ready: reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="156"/>
        <source>Your state: click to change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupervisorConsole</name>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="61"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="62"/>
        <location filename="../../desktop/supervisor/models.py" line="761"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="63"/>
        <location filename="../../desktop/supervisor/models.py" line="784"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="64"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="65"/>
        <location filename="../../desktop/supervisor/models.py" line="774"/>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="66"/>
        <location filename="../../desktop/supervisor/models.py" line="779"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="76"/>
        <source>Ringing too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="79"/>
        <source>Caller hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="86"/>
        <source>All queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="196"/>
        <source>Drift only</source>
        <extracomment>the longest time each refresh slice took on the GUI thread (ms; for the benchmark) the same in the GUI thread&apos;s CPU time (ms) seconds between chart redraws (QtCharts layouts are the console&apos;s costliest paint) agent rows received and not yet shown (see ``_queue_agent_rows``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="252"/>
        <source>Agentdesk — supervisor console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="253"/>
        <source>Force state…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="256"/>
        <source>Force the selected agent to ready, not ready or logged out (recorded with your id)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="259"/>
        <source>Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="261"/>
        <source>Today&apos;s queue and agent interval reports as CSV or XLSX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="263"/>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="264"/>
        <source>Agents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="265"/>
        <source>Erlang C staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="266"/>
        <source>Tier split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="269"/>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="270"/>
        <source>Staffing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="271"/>
        <source>Tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="275"/>
        <source>Agents needed per queue for {pct}% of calls answered within {thr} s, from the arrival rate and handle time of the last {n} intervals (Erlang C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="282"/>
        <source>Loading today&apos;s history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="445"/>
        <source>{events} events · figures in {ms} ms</source>
        <extracomment>cells written to a board per turn of the event loop while it fills or many rows change (~10-25 us a cell with its sort key and repaint; 200 keeps a turn within ~6 ms)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="465"/>
        <source>History: {n} events loaded in {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="470"/>
        <source>History unavailable: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="476"/>
        <source>● Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="476"/>
        <source>○ Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="479"/>
        <source>connected to the switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="479"/>
        <source>not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="500"/>
        <source>Select an agent first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="516"/>
        <source>Not connected to the switchboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="527"/>
        <source>Asking the switchboard to set {a} to {s}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="537"/>
        <source>{a} is now {s}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="539"/>
        <source>Refused for {a}: {c} — {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="547"/>
        <source>Export today&apos;s report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="549"/>
        <source>Excel workbook (*.xlsx);;CSV, queues (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="558"/>
        <source>No store: the event log is unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="575"/>
        <source>{n} queue rows, {m} agent rows written to {p}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="587"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/console.py" line="590"/>
        <source>Export failed: {m}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="680"/>
        <location filename="../../desktop/supervisor/models.py" line="885"/>
        <source>Queue</source>
        <extracomment>for a ticking column: its value from the row and the model&apos;s clock, computed when the cell is painted (so the rows need not change every second; see ``RowsModel.set_now``) for a clock-computed column: a value from the row alone that sorts as the column does (so a row&apos;s sort key does not change with the clock) rows added at once beyond this many (a filter cleared) are written this many a turn of the event loop, the first screenful at once columns whose value is computed from the clock (``Column.tick``), written for the rows in view when the clock moves (see ``set_now``) the level (row colour) written for each shown key the cell texts written for each shown key the sort keys (``SORT_ROLE``) written for each shown key. A new row&apos;s are written with it; when a row changes, the sort column&apos;s at once, the others a few turns of the event loop later (``_flush_stale``) or when their column is sorted by: ``_stale[c]`` holds the keys whose key in column ``c`` may be behind the row the sort column&apos;s key per row for ``_visible``: (column, {key: (row, sort text)}); a row dict is not changed once taken (a change comes as a new dict), so a key whose row is the same object keeps its text (a refresh re-sorts 2,000 rows per slice) keys of rows added but not written yet (see ``SYNC_ROWS``) updates applied and cells reported changed (for tests and the benchmark) stale sort keys brought up to date a turn of the event loop</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="681"/>
        <source>queue id; the first row totals every queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="687"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="688"/>
        <source>calls queued or ringing now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="692"/>
        <source>Longest wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="693"/>
        <source>seconds since the oldest waiting call was first queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="701"/>
        <location filename="../../desktop/supervisor/models.py" line="964"/>
        <source>Offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="702"/>
        <source>answered + abandoned + short abandoned + callbacks + still waiting, calls first queued today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="709"/>
        <location filename="../../desktop/supervisor/models.py" line="969"/>
        <source>Answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="710"/>
        <location filename="../../desktop/supervisor/models.py" line="970"/>
        <source>calls answered by an agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="714"/>
        <source>Abandoned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="715"/>
        <source>caller hung up after the short-abandon time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="719"/>
        <source>SL (interval)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="720"/>
        <source>answered within the threshold / (answered + abandoned after the threshold); short abandons excluded; calls first queued this interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="728"/>
        <source>SL (today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="729"/>
        <source>answered within the threshold / (answered + abandoned after the threshold); short abandons excluded; calls first queued today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="737"/>
        <location filename="../../desktop/supervisor/models.py" line="983"/>
        <source>ASA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="738"/>
        <source>average speed of answer: mean wait of answered calls, from first queued to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="746"/>
        <location filename="../../desktop/supervisor/models.py" line="858"/>
        <location filename="../../desktop/supervisor/models.py" line="899"/>
        <source>AHT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="747"/>
        <source>average handle time: mean talk + hold + wrap-up of the answered calls that ended today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="755"/>
        <location filename="../../desktop/supervisor/models.py" line="989"/>
        <source>Abandon rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="756"/>
        <location filename="../../desktop/supervisor/models.py" line="990"/>
        <source>abandoned / (answered + abandoned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="762"/>
        <location filename="../../desktop/supervisor/models.py" line="916"/>
        <source>agents of the queue that are ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="766"/>
        <location filename="../../desktop/supervisor/models.py" line="908"/>
        <source>Needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="767"/>
        <source>Erlang C: fewest agents for the service-level target at the arrival rate and AHT of the last intervals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="775"/>
        <source>agents of the queue on a call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="780"/>
        <source>agents of the queue in after-call work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="785"/>
        <source>agents of the queue logged in but not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="791"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="792"/>
        <source>agent id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="798"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="799"/>
        <source>agent name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="805"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="806"/>
        <source>state on the switchboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="812"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="813"/>
        <source>not-ready reason code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="819"/>
        <source>Time in state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="820"/>
        <source>seconds since the last state change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="828"/>
        <source>Caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="829"/>
        <source>number of the call ringing, connected or in wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="837"/>
        <source>Call queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="838"/>
        <source>queue of the current call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="844"/>
        <source>Talk time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="845"/>
        <source>seconds since the current call was answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="853"/>
        <source>Handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="854"/>
        <source>calls this agent finished today (after wrap-up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="859"/>
        <source>(talk + hold + wrap-up) / handled, today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="864"/>
        <source>Occupancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="865"/>
        <source>(on call + wrap-up) / (on call + wrap-up + ready + reserved) time today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="873"/>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="874"/>
        <source>no event for longer than plausible: reserved over twice the ring timeout, or on a call whose caller hung up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="886"/>
        <source>queue id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="892"/>
        <source>Calls/hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="893"/>
        <source>calls first queued in the last intervals, per hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="900"/>
        <source>mean handle time of the calls ended in the last intervals (today&apos;s if none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="909"/>
        <source>Erlang C: fewest agents with expected service level &gt;= target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="915"/>
        <source>Ready now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="920"/>
        <source>Expected SL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="921"/>
        <source>1 - P(wait) * exp(-(N - A) * threshold / AHT), A = calls per second * AHT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="929"/>
        <source>Expected ASA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="930"/>
        <source>P(wait) * AHT / (N - A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="935"/>
        <source>Expected occupancy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="936"/>
        <source>A / N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="941"/>
        <source>P(wait)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="942"/>
        <source>Erlang C probability that a call waits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="947"/>
        <source>SL with ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="948"/>
        <source>expected service level with the agents ready now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="955"/>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="956"/>
        <source>customer tier of the caller (none = not identified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="965"/>
        <source>calls first queued today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="974"/>
        <source>SL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="975"/>
        <source>answered within the threshold / (answered + abandoned after the threshold); short abandons excluded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/supervisor/models.py" line="984"/>
        <source>mean wait of answered calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TalkingPoints</name>
    <message>
        <location filename="../../desktop/talking_points.py" line="63"/>
        <source>Transferred by %1 (queue %2): confirm what was already done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="70"/>
        <source>Transferred by %1: confirm what was already done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="82"/>
        <source>%1 customer: priority treatment, warm hand-offs only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="88"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="92"/>
        <source>Open issue #%1 “%2” is %3, owned by %4: give the latest status.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="108"/>
        <source>Bought %1 on %2: be ready to support that product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/talking_points.py" line="120"/>
        <source>New customer: offer onboarding help and check the first steps.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tier</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="59"/>
        <source>Platinum</source>
        <extracomment>Badge colours per tier: white text on these backgrounds is readable in light and dark themes (contrast ratio &gt;= 4.5 against #ffffff for each). the label tables: (key, source text) per kind, translated once per language (``_table``)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="60"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="61"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="62"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="149"/>
        <source>No tier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TierChart</name>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="345"/>
        <source>How each caller tier is served today</source>
        <extracomment>the day&apos;s interval starts (the x axis) and each one&apos;s bar index</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="351"/>
        <source>Service level %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/supervisor_charts.py" line="353"/>
        <source>Abandon rate %</source>
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
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="103"/>
        <source>Wrap-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Disposition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="104"/>
        <source>Then</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="107"/>
        <source>Open an issue:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="108"/>
        <source>What needs to be followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="109"/>
        <source>What was asked, what was done, what was promised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="110"/>
        <source>Save and finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="112"/>
        <source>Save the wrap-up (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="126"/>
        <source>Ready for the next call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="127"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="132"/>
        <source>— choose —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="143"/>
        <source>Wrap-up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="209"/>
        <source>Choose a disposition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="213"/>
        <source>Give the follow-up issue a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/wrapup_dialog.py" line="229"/>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
