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
    <name>ProblemsView</name>
    <message numerus="yes">
      <source>%n problem(s) found. They are shown, never fixed: the official figures do decrease on some days.</source>
      <translation>
        <numerusform>%n problem found. It is shown, never fixed: the official figures do decrease on some days.</numerusform>
        <numerusform>%n problems found. They are shown, never fixed: the official figures do decrease on some days.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message numerus="yes">
      <source>%n line(s) could not be read: see Checks.</source>
      <translation>
        <numerusform>%n line could not be read: see Checks.</numerusform>
        <numerusform>%n lines could not be read: see Checks.</numerusform>
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
