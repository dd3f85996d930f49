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
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
      <source>%Ln Oryx model(s)</source>
      <translation>
        <numerusform>%Ln Oryx model</numerusform>
        <numerusform>%Ln Oryx models</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>%Ln article or brief</numerusform>
        <numerusform>%Ln articles and briefs</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln loss report(s)</source>
      <translation>
        <numerusform>%Ln loss report</numerusform>
        <numerusform>%Ln loss reports</numerusform>
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
