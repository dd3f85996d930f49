"""Small files in every import format, written for these tests (figures: real official ones)."""

from __future__ import annotations

EN_POST_0810 = """The total combat losses of the enemy from 24.02 to 10.08 were approximately:
personnel ‒ about 42800 (+160) persons were liquidated, tanks ‒ 1832 (+15), armoured combat
vehicles ‒ 4086 (+10), artillery systems – 971 (+7), MLRS – 261 (+0). The data are being updated.
"""

UA_POST_0808 = """Загальні бойові втрати противника з 24.02.22 по 08.08.26 орієнтовно склали:
особового складу ‒ близько 1456610 (+1190) осіб, танків ‒ 12251 (+4) од, бойових броньованих
машин ‒ 25099 (+1) од. Дані уточнюються.
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Test Wire</title>
<item>
  <title>Air defense downs 14 of 20 drones overnight.</title>
  <link>https://example.org/briefs/1</link>
  <pubDate>Sat, 25 Nov 2023 09:41:00 +0200</pubDate>
  <dc:creator>Newsroom</dc:creator>
  <description>Ukraine's air defense shot down 14 of the 20 drones launched overnight.</description>
  <category>Air defense</category><category>Kyiv Oblast</category>
</item>
<item>
  <title>General Staff: Russia has lost 323,760 troops in Ukraine</title>
  <link>https://example.org/articles/2</link>
  <pubDate>Sat, 25 Nov 2023 11:03:00 +0200</pubDate>
  <author>Test Author</author>
  <description>The daily figures.</description>
  <content:encoded><![CDATA[<p>Russia has lost 323,760 troops in Ukraine since the beginning
  of its full-scale invasion on Feb. 24, 2022, the General Staff of Ukraine's Armed Forces
  reported on Nov. 25.</p><p>According to the report, Russia has also lost 5,502 tanks.</p>
  <script>alert(1)</script><img src="http://tracker.example/x.png">]]></content:encoded>
</item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom Wire</title>
  <id>urn:test</id><updated>2024-01-01T10:00:00Z</updated>
  <entry>
    <title>Port of Odesa keeps working</title>
    <id>urn:test:1</id>
    <link href="https://example.org/odesa"/>
    <published>2024-01-01T09:15:00+02:00</published>
    <author><name>Jane Doe</name></author>
    <summary>Ships left the harbour despite the night's attack, the port authority said.</summary>
    <content type="html">&lt;p&gt;Ships left.&lt;/p&gt;&lt;p&gt;Grain went out.&lt;/p&gt;</content>
  </entry>
</feed>
"""

HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Air defense downs 14 drones | Test Wire</title>
<meta property="og:title" content="Air defense downs 14 drones">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-11-25T09:41:00+02:00">
<link rel="canonical" href="https://example.org/articles/air-defense">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/war">War</a></nav>
<article><h1>Air defense downs 14 drones</h1>
<p>Ukraine's air defense shot down 14 of the 20 drones launched overnight, the Air Force said
on its channels in the morning.</p>
<p>Debris damaged a warehouse in Kyiv Oblast, the regional administration said. Nobody was
hurt, according to the first reports from the scene.</p>
<p>Engineers were checking the power lines, and <a href="https://example.org/x"
onclick="steal()">the operator</a> said supplies would be back by evening.</p>
<script>track()</script></article>
<footer>Subscribe to our newsletter. Copyright 2023 Test Wire.</footer>
</body></html>
"""
