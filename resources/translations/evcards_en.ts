<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>%n claim</numerusform>
            <numerusform>%n claims</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quote(s)</source>
        <translation>
            <numerusform>%n quote</numerusform>
            <numerusform>%n quotes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n card(s)</source>
        <translation>
            <numerusform>%n card</numerusform>
            <numerusform>%n cards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(-ies)</source>
        <translation>
            <numerusform>%n entity</numerusform>
            <numerusform>%n entities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n entities</source>
        <translation>
            <numerusform>%1 of %n entity</numerusform>
            <numerusform>%1 of %n entities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphPane</name>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation>
            <numerusform>%n hop</numerusform>
            <numerusform>%n hops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more entity(-ies) not shown.</source>
        <translation>
            <numerusform>%n more entity not shown.</numerusform>
            <numerusform>%n more entities not shown.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more entity(-ies) not shown (at most 2,000).</source>
        <translation>
            <numerusform>%n more entity not shown (at most 2,000).</numerusform>
            <numerusform>%n more entities not shown (at most 2,000).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message numerus="yes">
        <source>%1, %n relation(s)</source>
        <translation>
            <numerusform>%1, %n relation</numerusform>
            <numerusform>%1, %n relations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcePane</name>
    <message numerus="yes">
        <source>%n quote(s) of this card from this source</source>
        <translation>
            <numerusform>%n quote of this card from this source</numerusform>
            <numerusform>%n quotes of this card from this source</numerusform>
        </translation>
    </message>
</context>
</TS>
