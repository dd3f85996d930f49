"""Pages written for these tests in the style of a news site copied from the browser: one
article with its byline, caption, teaser and author box, then a column of briefs."""

from __future__ import annotations

# The article states the report of 14 Mar 2024 (figures of that day); the briefs run from the
# afternoon of the 15th back past midnight into the evening of the 14th.
PAGE = """\
Support independent journalism
News Feed
General Staff: Russia has lost 432,630 troops in Ukraine
by Newsroom March 14, 2024 10:20 AM 1 min read
Artillerymen fire a howitzer towards positions near Bakhmut, Donetsk Oblast, on Feb. 2, 2024. \
(Iryna Kovalenko/Field Wire via Getty Images)
Russia has lost 432,630 troops in Ukraine since the beginning of its full-scale invasion on \
Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on March 14.
This number includes 1,090 casualties Russian forces suffered just over the past day.
Read also: Volunteers repair a village school hit by a glide bomb
According to the report, Russia has also lost 6,796 tanks, 13,017 armored fighting vehicles, \
14,164 vehicles and fuel tanks, 10,668 artillery systems, 1,006 multiple launch rocket systems, \
718 air defense systems, 347 airplanes, 325 helicopters, 8,365 drones, 1,968 cruise missiles, \
26 ships and boats, and one submarine.
Editor's note: The figures are the General Staff's own and could not be verified.
Avatar
Newsroom
We are the news desk of a test newspaper. Send tips and corrections to the desk.
Read more
Latest news
3:53 PM
Power restored to most of Sumy after overnight strike.
Repair crews reconnected about 40,000 homes by the afternoon, the regional utility said.
9:08 AM
Two injured as drones hit Kharkiv suburb on March 15.
Debris damaged a pharmacy and three cars, the city's mayor wrote in the morning.
1:36 AM
Air defense active over Odesa Oblast.
The Air Force warned of missiles launched from the Black Sea towards the south.
11:47 PM
Government approves extra funds for shelters in schools.
The cabinet allotted money for 120 shelters in frontline communities, the prime minister said.
Show More
Subscribe to our newsletter
Share on Facebook
"""

# A page copied some days later: its briefs name their dates; the last one is before midnight.
DATED_BRIEFS = """\
11:05 AM
Rescuers finish work at the damaged dormitory in Dnipro.
The emergency service said the search ended after 30 hours at the five-storey building.
2:17 AM
Drones attack oil depot in Rostov Oblast on Dec. 24, regional governor says.
The governor reported a fire at the depot and no casualties.
9:40 PM
Zelensky meets frontline commanders.
The president discussed supplies of shells and drones with commanders in the east.
"""

# Not a page: the report alone, as people paste it.
REPORT_ONLY = """\
The total combat losses of the enemy from 24.02.22 to 14.03.24 were approximately: personnel \
‒ about 432630 (+1090) persons were liquidated, tanks ‒ 6796 (+17)
"""

# A saved page: the article's date only in JSON-LD and in the article's <time>; a news column
# whose newest <time> is later; a script, a style and a hidden block that are not text.
SAVED_PAGE = """\
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>General Staff: Russia has lost 432,630 troops in Ukraine | Test Daily</title>
<meta property="og:title" content="General Staff: Russia has lost 432,630 troops in Ukraine">
<meta property="og:site_name" content="Test Daily">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "WebPage", "name": "Test Daily"},
 {"@type": "NewsArticle", "headline": "General Staff: Russia has lost 432,630 troops in Ukraine",
  "datePublished": "2024-03-14T10:20:00+02:00", "author": {"@type": "Person", "name": "Newsroom"}}
]}</script>
<style>.brief { font-weight: bold }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/war">War</a> <button>Share</button></nav>
<main>
<article>
<h1>General Staff: Russia has lost 432,630 troops in Ukraine</h1>
<div class="byline">by <a href="/authors/newsroom">Newsroom</a>
<time datetime="2024-03-14T10:20:00+02:00">March 14, 2024 10:20 AM</time>
<span>1 min read</span></div>
<figure><img src="howitzer.jpg" alt=""><figcaption>Artillerymen fire a howitzer on Feb. 2, 2024.
(Iryna Kovalenko/Field Wire)</figcaption></figure>
<p>Russia has lost 432,630 troops in Ukraine since the beginning of its full-scale invasion on
Feb. 24, 2022, the General Staff of Ukraine's Armed Forces reported on March 14.</p>
<p>This number includes 1,090 casualties Russian forces suffered just over the past day.</p>
<p>According to the report, Russia has also lost 6,796 tanks, 13,017 armored fighting vehicles,
14,164 vehicles and fuel tanks, 10,668 artillery systems, 1,006 multiple launch rocket systems,
718 air defense systems, 347 airplanes, 325 helicopters, 8,365 drones, 1,968 cruise missiles,
26 ships and boats, and one submarine.</p>
<script>window.analytics.track("article-read", {"time": "9:99 PM"})</script>
</article>
<aside class="news-column"><h2>Latest news</h2>
<div class="brief"><time datetime="2024-03-15T15:53:00+02:00">3:53 PM</time>
<h3>Power restored to most of Sumy after overnight strike.</h3>
<p>Repair crews reconnected about 40,000 homes by the afternoon, the regional utility
said.</p></div>
<div class="brief" hidden><time>3:00 PM</time><h3>A hidden draft brief.</h3><p>Not shown.</p></div>
<div class="brief"><time datetime="2024-03-15T09:08:00+02:00">9:08 AM</time>
<h3>Two injured as drones hit Kharkiv suburb on March 15.</h3>
<p>Debris damaged a pharmacy and three cars, the city's mayor wrote in the morning.</p></div>
</aside>
</main>
<footer><p>Subscribe to our newsletter</p><p>© 2024 Test Daily</p></footer>
</body></html>
"""

# A statistics page that is years older than the figures it shows today (the site's metadata
# keeps the day the page was first made): the list's own date line is the report's day.
OLD_METADATA_PAGE = """\
<!DOCTYPE html>
<html lang="uk"><head><meta charset="utf-8">
<title>Втрати ворога: зведення</title>
<script type="application/ld+json">{"@context": "https://schema.org",
 "@type": "WebPage", "datePublished": "2019-12-01 12:00:00"}</script>
</head><body>
<main><article>
<h1>Втрати ворога: зведення</h1>
<p>Сторінка оновлюється щодня, щойно Генштаб оприлюднює нові дані про втрати.</p>
<p>03.04.2022</p>
<ul>
<li>Танки — 644</li>
<li>ББМ — 1830</li>
<li>Літаки — 143</li>
<li>Гелікоптери — 134</li>
<li>Гармати — 325</li>
<li>РСЗВ — 105</li>
<li>Засоби ППО — 54</li>
<li>БПЛА — 89</li>
<li>Особовий склад — близько 18300 осіб</li>
</ul>
<p>Дані уточнюються щодня; таблиця нижче показує зміни за тиждень.</p>
</article></main>
</body></html>
"""

# A ministry-style page without metadata: the time is printed under the headline, and the
# "Latest news" column beside it lists later days (which must not date the article).
DATELINE_PAGE = """\
<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Repair crews restore power in three districts | Test Ministry</title>
</head><body>
<div id="container"><div id="colbase1"><div id="article">
<div id="article_heading">
<h1>Repair crews restore power in three districts</h1>
<span class="aticle-date">2024-03-14 09:05:00 |<span><b> ID: 40211 </b></span></span>
</div>
<div id="aticle-content">
<p>Repair crews worked through the night and restored power to three districts of the city
by the morning, the ministry said.</p>
<p>About 12,000 homes were reconnected; the remaining lines are expected back by Friday.</p>
<p>Residents are asked to keep using the shelters during air raid alerts.</p>
</div></div></div>
<div id="colbase2news"><h3>LATEST NEWS</h3>
<div class="news-post"><a href="news/2024/06/05/a/">Engineers inspect a damaged bridge</a>
<p class="meta">05 june 2024, 16:00</p></div>
<div class="news-post"><a href="news/2024/06/05/b/">Volunteers deliver water to villages</a>
<p class="meta">05 june 2024, 06:00</p></div>
<div class="news-post"><a href="news/2024/06/04/c/">Schools prepare for the new term</a>
<p class="meta">04 june 2024, 21:00</p></div>
</div></div>
</body></html>
"""
