<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ArchiveView</name>
    <message numerus="yes">
      <source>%n item(s)</source>
      <translation>
        <numerusform>%n item</numerusform>
        <numerusform>%n items</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PageDialog</name>
    <message numerus="yes">
      <source>%n brief(s)</source>
      <translation>
        <numerusform>%n brief</numerusform>
        <numerusform>%n briefs</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Sources</name>
    <message numerus="yes">
      <source>%n days ago</source>
      <translation>
        <numerusform>%n day ago</numerusform>
        <numerusform>%n days ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n h ago</source>
      <translation>
        <numerusform>%n h ago</numerusform>
        <numerusform>%n h ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n min ago</source>
      <translation>
        <numerusform>%n min ago</numerusform>
        <numerusform>%n min ago</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sources failed (see the Sources panel)</source>
      <translation>
        <numerusform>%n source failed (see the Sources panel)</numerusform>
        <numerusform>%n sources failed (see the Sources panel)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sources failing; select one to see why.</source>
      <translation>
        <numerusform>%n source failing; select it to see why.</numerusform>
        <numerusform>%n sources failing; select one to see why.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sources updated: %n new</source>
      <translation>
        <numerusform>Sources updated: %n new</numerusform>
        <numerusform>Sources updated: %n new</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Updating %n sources…</source>
      <translation>
        <numerusform>Updating %n source…</numerusform>
        <numerusform>Updating %n sources…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message numerus="yes">
      <source>%1 · %n item(s)</source>
      <translation>
        <numerusform>%1 · %n item</numerusform>
        <numerusform>%1 · %n items</numerusform>
      </translation>
    </message>
  </context>
</TS>
