<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Age</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="212"/>
        <source>%1 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="215"/>
        <source>%1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="216"/>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgentState</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="110"/>
        <source>Logged out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="111"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="112"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="113"/>
        <source>Ringing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="114"/>
        <source>On call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="115"/>
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
        <location filename="../../desktop/widgets/chooser.py" line="86"/>
        <source>Customers sharing %1: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="92"/>
        <source>Ranked by tier, open issues and last contact. Ask the caller&apos;s name, then pick the right customer; the pick is remembered for this number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="96"/>
        <source>Show this customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/chooser.py" line="108"/>
        <source>your last pick</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="148"/>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="149"/>
        <source>email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="150"/>
        <source>chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="151"/>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="152"/>
        <source>web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="153"/>
        <source>visit</source>
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
        <location filename="../../desktop/widgets/customer_card.py" line="47"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="50"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="54"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="57"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="58"/>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="59"/>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="62"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="95"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="96"/>
        <source>Issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="97"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="100"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="103"/>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="104"/>
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
        <location filename="../../desktop/widgets/customer_card.py" line="205"/>
        <source>Customer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="205"/>
        <source>Lifecycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="205"/>
        <source>Lifetime value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="206"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="208"/>
        <source>IVR and routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="209"/>
        <source>Talking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="210"/>
        <source>Open issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="211"/>
        <source>Recent purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="212"/>
        <source>Recent interactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="234"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="244"/>
        <source>Phones: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="265"/>
        <source>Why you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="265"/>
        <source>Why you: —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="272"/>
        <source>Nothing special on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="277"/>
        <source>IVR: no IVR data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="278"/>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="278"/>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="280"/>
        <source>menu %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="281"/>
        <source>intent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="288"/>
        <source>queue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="289"/>
        <source>IVR: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="295"/>
        <source>up to date with central, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="297"/>
        <source>offline, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="299"/>
        <source>local copy, as of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/customer_card.py" line="308"/>
        <location filename="../../desktop/widgets/customer_card.py" line="310"/>
        <source>Changed in central</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskController</name>
    <message>
        <location filename="../../desktop/controller.py" line="212"/>
        <source>Call from %1</source>
        <extracomment>seconds without a link after which &quot;reconnecting&quot; becomes &quot;offline&quot; a card (or chooser / quick-create form) is on screen for this call: (call_id, bus ts) the central refresh of the card finished: (customer_id, changed?) a wrap-up was recorded locally and sent to the switchboard: (call_id) a command failed: (cmd, code, message) when the replica last heard from central (shown as the card&apos;s &quot;as of&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="236"/>
        <source>Missed call: it rang out and went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="240"/>
        <source>Call rejected: it went back to the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="244"/>
        <source>The caller hung up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="335"/>
        <source>The switchboard did not answer in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="338"/>
        <source>Not possible now: the call or your state has changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="341"/>
        <source>The switchboard does not know this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="344"/>
        <source>That call no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="347"/>
        <source>You are not allowed to do that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="353"/>
        <source>The switchboard refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="410"/>
        <source>Cannot read the local store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/controller.py" line="433"/>
        <source>Possible customers: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="440"/>
        <source>Unknown caller</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="530"/>
        <source>Could not save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="549"/>
        <source>Search failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="639"/>
        <source>Not saved (your text is kept): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/controller.py" line="675"/>
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
        <location filename="../../desktop/widgets/status_bar.py" line="52"/>
        <source>Outbox: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="53"/>
        <source>Local changes waiting to reach the central store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="58"/>
        <source>No central store: local data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="60"/>
        <source>Not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="62"/>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/status_bar.py" line="64"/>
        <source>Central unreachable; last sync %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Disposition</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="136"/>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="137"/>
        <source>Follow-up needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="138"/>
        <source>Escalated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="139"/>
        <source>Sale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="140"/>
        <source>No action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="141"/>
        <source>Wrong number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuePriority</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="100"/>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="101"/>
        <source>normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="102"/>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="103"/>
        <source>urgent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueStatus</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="90"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="91"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="92"/>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="93"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="81"/>
        <location filename="../../desktop/widgets/common.py" line="82"/>
        <source>Chinese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="83"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Lifecycle</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="69"/>
        <source>Prospect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="70"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="71"/>
        <source>Established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="72"/>
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
        <location filename="../../desktop/widgets/main_window.py" line="234"/>
        <source>Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="226"/>
        <source>Incoming call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="242"/>
        <source>About Agentdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/main_window.py" line="244"/>
        <source>Agentdesk %1
Contact-center agent desktop with CTI screen-pop.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="160"/>
        <source>VIP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="161"/>
        <source>Billing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="162"/>
        <source>Technical support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="163"/>
        <source>Sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="164"/>
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
        <location filename="../../desktop/widgets/quick_create.py" line="97"/>
        <source>A name is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../desktop/widgets/common.py" line="122"/>
        <source>Break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="123"/>
        <source>Lunch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="124"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="125"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="126"/>
        <source>After-call work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="127"/>
        <source>Personal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="128"/>
        <source>Just logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="129"/>
        <source>Missed calls</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RingingBanner</name>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="53"/>
        <source>Answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="55"/>
        <source>Answer the call (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="59"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="61"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="106"/>
        <source>No call waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="62"/>
        <location filename="../../desktop/widgets/ringing_banner.py" line="107"/>
        <source>Incoming calls ring here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="64"/>
        <source>Reject: the call goes back to its queue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="74"/>
        <source>Withheld number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="75"/>
        <source>Incoming call %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="76"/>
        <source>Queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/ringing_banner.py" line="98"/>
        <source>Rings for %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="75"/>
        <source>Search customers: name, phone or id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/search_panel.py" line="76"/>
        <source>Search customers by name, phone or id (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/widgets/search_panel.py" line="92"/>
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
        <location filename="../../desktop/widgets/state_control.py" line="74"/>
        <source>&amp;Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="75"/>
        <source>Take calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="76"/>
        <source>&amp;Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="78"/>
        <source>Stop taking calls (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="80"/>
        <source>Log &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="81"/>
        <source>Log &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="82"/>
        <source>Log out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="83"/>
        <source>Not ready: reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/state_control.py" line="95"/>
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
        <location filename="../../desktop/widgets/common.py" line="57"/>
        <source>Platinum</source>
        <extracomment>Badge colours per tier: white text on these backgrounds is readable in light and dark themes (contrast ratio &gt;= 4.5 against #ffffff for each).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="58"/>
        <source>Gold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="59"/>
        <source>Silver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="60"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desktop/widgets/common.py" line="63"/>
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
