<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
  <context>
    <name>ArchiveView</name>
    <message numerus="yes">
      <source>%Ln article(s) and brief(s) chosen</source>
      <translation>
        <numerusform>%Ln article or brief chosen</numerusform>
        <numerusform>%Ln articles and briefs chosen</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln item(s)</source>
      <translation>
        <numerusform>%Ln item</numerusform>
        <numerusform>%Ln items</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Copied %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Copied %Ln article or brief.</numerusform>
        <numerusform>Copied %Ln articles and briefs.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BackupActions</name>
    <message numerus="yes">
      <source>Keep the newest %n daily backup(s)</source>
      <translation>
        <numerusform>Keep the newest %n daily backup</numerusform>
        <numerusform>Keep the newest %n daily backups</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The newest %n daily backup(s) will be kept; older ones go at the next.</source>
      <translation>
        <numerusform>The newest %n daily backup will be kept; older ones go at the next.</numerusform>
        <numerusform>The newest %n daily backups will be kept; older ones go at the next.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message numerus="yes">
      <source>You both changed %n field(s): choose which to keep in the last column.</source>
      <translation>
        <numerusform>You both changed %n field: choose which to keep in the last column.</numerusform>
        <numerusform>You both changed %n fields: choose which to keep in the last column.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>FigureHistoryDialog</name>
    <message numerus="yes">
      <source>%n change(s) of this report's figures, newest first.</source>
      <translation>
        <numerusform>%n change of this report's figures, newest first.</numerusform>
        <numerusform>%n changes of this report's figures, newest first.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportController</name>
    <message numerus="yes">
      <source>%Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>%Ln article or brief</numerusform>
        <numerusform>%Ln articles and briefs</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln report(s)</source>
      <translation>
        <numerusform>%Ln report</numerusform>
        <numerusform>%Ln reports</numerusform>
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
    <name>ItemCommands</name>
    <message numerus="yes">
      <source>delete %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>delete %Ln article or brief</numerusform>
        <numerusform>delete %Ln articles and briefs</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message numerus="yes">
      <source>This text states the loss report of {date} (%n figure(s)).</source>
      <translation>
        <numerusform>This text states the loss report of {date} (%n figure).</numerusform>
        <numerusform>This text states the loss report of {date} (%n figures).</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ItemMarks</name>
    <message numerus="yes">
      <source>Marked %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Marked %Ln article or brief.</numerusform>
        <numerusform>Marked %Ln articles and briefs.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Marking %Ln article(s) and brief(s)…</source>
      <translation>
        <numerusform>Marking %Ln article or brief…</numerusform>
        <numerusform>Marking %Ln articles and briefs…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The read marks of %Ln article(s) and brief(s) were not saved:</source>
      <translation>
        <numerusform>The read mark of %Ln article or brief was not saved:</numerusform>
        <numerusform>The read marks of %Ln articles and briefs were not saved:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The stars of %Ln article(s) and brief(s) were not saved:</source>
      <translation>
        <numerusform>The star of %Ln article or brief was not saved:</numerusform>
        <numerusform>The stars of %Ln articles and briefs were not saved:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>mark %Ln article(s) and brief(s) read</source>
      <translation>
        <numerusform>mark %Ln article or brief read</numerusform>
        <numerusform>mark %Ln articles and briefs read</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>mark %Ln article(s) and brief(s) unread</source>
      <translation>
        <numerusform>mark %Ln article or brief unread</numerusform>
        <numerusform>mark %Ln articles and briefs unread</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>star %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>star %Ln article or brief</numerusform>
        <numerusform>star %Ln articles and briefs</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>unstar %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>unstar %Ln article or brief</numerusform>
        <numerusform>unstar %Ln articles and briefs</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ItemTags</name>
    <message numerus="yes">
      <source>Changed the tags of %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Changed the tags of %Ln article or brief.</numerusform>
        <numerusform>Changed the tags of %Ln articles and briefs.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Changing the tags of %Ln article(s) and brief(s)…</source>
      <translation>
        <numerusform>Changing the tags of %Ln article or brief…</numerusform>
        <numerusform>Changing the tags of %Ln articles and briefs…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Tags to add to the %Ln chosen article(s) and brief(s), separated by commas;
a minus takes a tag away (drones, -kyiv):</source>
      <translation>
        <numerusform>Tags to add to the %Ln chosen article or brief, separated by commas;
a minus takes a tag away (drones, -kyiv):</numerusform>
        <numerusform>Tags to add to the %Ln chosen articles and briefs, separated by commas;
a minus takes a tag away (drones, -kyiv):</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>tags of %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>tags of %Ln article or brief</numerusform>
        <numerusform>tags of %Ln articles and briefs</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LossChart</name>
    <message numerus="yes">
      <source>{category}: %Ln report(s), {first} to {last}. Point at the chart for a day's figures; drag to pan, wheel to zoom.</source>
      <translation>
        <numerusform>{category}: %Ln report, {first} to {last}. Point at the chart for a day's figures; drag to pan, wheel to zoom.</numerusform>
        <numerusform>{category}: %Ln reports, {first} to {last}. Point at the chart for a day's figures; drag to pan, wheel to zoom.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>Delete %Ln article(s) and brief(s)? Edit ▸ Undo (Ctrl+Z) brings them back.</source>
      <translation>
        <numerusform>Delete %Ln article or brief? Edit ▸ Undo (Ctrl+Z) brings it back.</numerusform>
        <numerusform>Delete %Ln articles and briefs? Edit ▸ Undo (Ctrl+Z) brings them back.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Deleted %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Deleted %Ln article or brief.</numerusform>
        <numerusform>Deleted %Ln articles and briefs.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Deleting %Ln article(s) and brief(s)…</source>
      <translation>
        <numerusform>Deleting %Ln article or brief…</numerusform>
        <numerusform>Deleting %Ln articles and briefs…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MarkAll</name>
    <message numerus="yes">
      <source>Marked %Ln article(s) and brief(s) read.</source>
      <translation>
        <numerusform>Marked %Ln article or brief read.</numerusform>
        <numerusform>Marked %Ln articles and briefs read.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>mark %Ln article(s) and brief(s) read</source>
      <translation>
        <numerusform>mark %Ln article or brief read</numerusform>
        <numerusform>mark %Ln articles and briefs read</numerusform>
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
    <message numerus="yes">
      <source>Save the loss report of %1 (%n figure(s)) and link the article to it</source>
      <translation>
        <numerusform>Save the loss report of %1 (%n figure) and link the article to it</numerusform>
        <numerusform>Save the loss report of %1 (%n figures) and link the article to it</numerusform>
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
      <source>%n error(s) to fix before saving</source>
      <translation>
        <numerusform>%n error to fix before saving</numerusform>
        <numerusform>%n errors to fix before saving</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) could not be read: see Checks.</source>
      <translation>
        <numerusform>%n line could not be read: see Checks.</numerusform>
        <numerusform>%n lines could not be read: see Checks.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s): check them; saving is allowed.</source>
      <translation>
        <numerusform>%n warning: check it; saving is allowed.</numerusform>
        <numerusform>%n warnings: check them; saving is allowed.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>; %n warning(s)</source>
      <translation>
        <numerusform>; %n warning</numerusform>
        <numerusform>; %n warnings</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>A report for {date} is already stored (%n figure(s)).</source>
      <translation>
        <numerusform>A report for {date} is already stored (%n figure).</numerusform>
        <numerusform>A report for {date} is already stored (%n figures).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Filled %n figure(s) from the text.</source>
      <translation>
        <numerusform>Filled %n figure from the text.</numerusform>
        <numerusform>Filled %n figures from the text.</numerusform>
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
      <source>Update of the sources stopped: %n new</source>
      <translation>
        <numerusform>Update of the sources stopped: %n new</numerusform>
        <numerusform>Update of the sources stopped: %n new</numerusform>
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
      <source>%1 · %Ln item(s)</source>
      <translation>
        <numerusform>%1 · %Ln item</numerusform>
        <numerusform>%1 · %Ln items</numerusform>
      </translation>
    </message>
  </context>
</TS>
