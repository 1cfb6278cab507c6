<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>Charts</name>
    <message numerus="yes">
        <source>%1 + %n more action(s)</source>
        <translation>
            <numerusform>%1 + %n more action</numerusform>
            <numerusform>%1 + %n more actions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) chosen by hand</source>
        <translation>
            <numerusform>%n action chosen by hand</numerusform>
            <numerusform>%n actions chosen by hand</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupItem</name>
    <message numerus="yes">
        <source>%1 — %n member(s), folded
%2 failed, %3 degraded, %4 ok
Double-click to unfold</source>
        <translation>
            <numerusform>%1 — %n member, folded
%2 failed, %3 degraded, %4 ok
Double-click to unfold</numerusform>
            <numerusform>%1 — %n members, folded
%2 failed, %3 degraded, %4 ok
Double-click to unfold</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message numerus="yes">
        <source>the engine agrees on all %n node(s) checked</source>
        <translation>
            <numerusform>the engine agrees on the %n node checked</numerusform>
            <numerusform>the engine agrees on all %n nodes checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the engine disagrees on %1 of %n node(s) checked</source>
        <translation>
            <numerusform>the engine disagrees on %1 of %n node checked</numerusform>
            <numerusform>the engine disagrees on %1 of %n nodes checked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>chokepoint::ui::CutSetDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%L1&lt;/b&gt; minimal way(s) to take down %2 (%3). %4</source>
        <translation>
            <numerusform>&lt;b&gt;%L1&lt;/b&gt; minimal way to take down %2 (%3). %4</numerusform>
            <numerusform>&lt;b&gt;%L1&lt;/b&gt; minimal ways to take down %2 (%3). %4</numerusform>
        </translation>
    </message>
</context>
</TS>
