<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
  <context>
    <name>AnalysisView</name>
    <message>
      <source>&amp;Milestones</source>
      <translation>Ру&amp;бежі</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>&amp;Що показати:</translation>
    </message>
    <message>
      <source>(partial: reported days %1 of %2)</source>
      <translation>(неповний: днів зі зведеннями — %1 з %2)</translation>
    </message>
    <message>
      <source>1 y</source>
      <translation>1 р.</translation>
    </message>
    <message>
      <source>30 d</source>
      <translation>30 дн.</translation>
    </message>
    <message>
      <source>30-day average</source>
      <translation>середня за 30 днів</translation>
    </message>
    <message>
      <source>30-day average of the daily change</source>
      <translation>Середня добова зміна за 30 днів</translation>
    </message>
    <message>
      <source>7-day average</source>
      <translation>середня за 7 днів</translation>
    </message>
    <message>
      <source>7-day average of the daily change</source>
      <translation>Середня добова зміна за 7 днів</translation>
    </message>
    <message>
      <source>90 d</source>
      <translation>90 дн.</translation>
    </message>
    <message>
      <source>AFV</source>
      <translation>ББМ</translation>
    </message>
    <message>
      <source>Air defense</source>
      <translation>ППО</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Усе</translation>
    </message>
    <message>
      <source>All dates, fitted, every series shown</source>
      <translation>Усі дати, масштаб за даними, усі ряди видимі</translation>
    </message>
    <message>
      <source>Artillery</source>
      <translation>Артилерія</translation>
    </message>
    <message>
      <source>Categories</source>
      <translation>Категорії</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Категорія</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>Зміна</translation>
    </message>
    <message>
      <source>Chart</source>
      <translation>Графік</translation>
    </message>
    <message>
      <source>Chart copied to the clipboard.</source>
      <translation>Графік скопійовано в буфер обміну.</translation>
    </message>
    <message>
      <source>Compared with Oryx (visually confirmed)</source>
      <translation>Порівняння з Oryx (візуально підтверджені)</translation>
    </message>
    <message>
      <source>Copy chart to clipboard</source>
      <translation>Копіювати графік у буфер обміну</translation>
    </message>
    <message>
      <source>Cruise m.</source>
      <translation>Крил. ракети</translation>
    </message>
    <message>
      <source>Cumulative totals</source>
      <translation>Наростаючий підсумок</translation>
    </message>
    <message>
      <source>Daily change</source>
      <translation>Зміна за добу</translation>
    </message>
    <message>
      <source>Data shown as CSV…</source>
      <translation>Показані дані як CSV…</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Double-click a row to open that day's report</source>
      <translation>Двічі клацніть рядок, щоб відкрити зведення за цей день</translation>
    </message>
    <message>
      <source>Drag the shaded range below, or drag and wheel on the chart, to zoom.</source>
      <translation>Щоб змінити масштаб, перетягніть затінений проміжок унизу або тягніть і прокручуйте коліщатко на графіку.</translation>
    </message>
    <message>
      <source>Drones</source>
      <translation>БпЛА</translation>
    </message>
    <message>
      <source>E&amp;xport</source>
      <translation>&amp;Експорт</translation>
    </message>
    <message>
      <source>Enter opens that day</source>
      <translation>Enter відкриває цей день</translation>
    </message>
    <message>
      <source>Export PNG</source>
      <translation>Експорт PNG</translation>
    </message>
    <message>
      <source>Export chart</source>
      <translation>Експорт графіка</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Експортовано до %1</translation>
    </message>
    <message>
      <source>Figures of the day pointed at</source>
      <translation>Цифри дня під вказівником</translation>
    </message>
    <message>
      <source>General Staff (claimed)</source>
      <translation>Генштаб (заявлено)</translation>
    </message>
    <message>
      <source>How several categories are drawn</source>
      <translation>Як показано кілька категорій</translation>
    </message>
    <message>
      <source>Index (100 at range start)</source>
      <translation>Індекс (100 на початку проміжку)</translation>
    </message>
    <message>
      <source>Largest days</source>
      <translation>Найбільші дні</translation>
    </message>
    <message>
      <source>Latest General Staff totals beside Oryx's visually confirmed losses</source>
      <translation>Останні підсумки Генштабу поруч із візуально підтвердженими втратами за Oryx</translation>
    </message>
    <message>
      <source>Layout</source>
      <translation>Розташування</translation>
    </message>
    <message>
      <source>Mark the dates each category crossed round numbers</source>
      <translation>Позначити дати, коли кожна категорія переходила круглі числа</translation>
    </message>
    <message>
      <source>Milestones</source>
      <translation>Рубежі</translation>
    </message>
    <message>
      <source>Monthly sums</source>
      <translation>Суми за місяць</translation>
    </message>
    <message>
      <source>No Oryx figures yet: import russia_losses_equipment_oryx.json to compare.</source>
      <translation>Даних Oryx ще немає: імпортуйте russia_losses_equipment_oryx.json, щоб порівняти.</translation>
    </message>
    <message>
      <source>No article in the archive published it</source>
      <translation>Жодна стаття в архіві його не публікувала</translation>
    </message>
    <message>
      <source>No loss reports yet.
Import a dataset or a report you copied (File ▸ Import…, Ctrl+Shift+V to paste one),
or type one in the Losses tab (New report…).</source>
      <translation>Зведень про втрати ще немає.
Імпортуйте набір даних чи скопійоване зведення (Файл ▸ Імпорт…, Ctrl+Shift+V — вставити)
або введіть зведення у вкладці «Втрати» (Нове зведення…).</translation>
    </message>
    <message>
      <source>Nothing is deleted from the Charts tab: reports are deleted in the Losses tab.</source>
      <translation>На вкладці «Графіки» нічого не видаляється: зведення видаляють на вкладці «Втрати».</translation>
    </message>
    <message>
      <source>Nothing was exported: %1 could not be written (%2).</source>
      <translation>Нічого не експортовано: не вдалося записати %1 (%2).</translation>
    </message>
    <message>
      <source>On one axis</source>
      <translation>На одній осі</translation>
    </message>
    <message>
      <source>Open the article “%1”</source>
      <translation>Відкрити статтю «%1»</translation>
    </message>
    <message>
      <source>Open the report of %1</source>
      <translation>Відкрити зведення за %1</translation>
    </message>
    <message>
      <source>Oryx (visually confirmed)</source>
      <translation>Oryx (візуально підтверджено)</translation>
    </message>
    <message>
      <source>PNG at a chosen width…</source>
      <translation>PNG заданої ширини…</translation>
    </message>
    <message>
      <source>PNG at the size shown…</source>
      <translation>PNG показаного розміру…</translation>
    </message>
    <message>
      <source>PNG, SVG, CSV or clipboard</source>
      <translation>PNG, SVG, CSV або буфер обміну</translation>
    </message>
    <message>
      <source>Pale bars: periods the reports cover only in part.</source>
      <translation>Бліді стовпчики: періоди, які зведення охоплюють лише частково.</translation>
    </message>
    <message>
      <source>Point at the chart, or click it and use the arrow keys, for a day's figures; click or press Enter to open that day's report, right-click for its articles.</source>
      <translation>Наведіть на графік або клацніть і керуйте стрілками — цифри дня; клацання чи Enter — зведення дня, права кнопка — його статті.</translation>
    </message>
    <message>
      <source>Reached</source>
      <translation>Досягнуто</translation>
    </message>
    <message>
      <source>Rese&amp;t</source>
      <translation>С&amp;кинути</translation>
    </message>
    <message>
      <source>Robots</source>
      <translation>Роботи</translation>
    </message>
    <message>
      <source>SRBM</source>
      <translation>ОТРК</translation>
    </message>
    <message>
      <source>SVG…</source>
      <translation>SVG…</translation>
    </message>
    <message>
      <source>Ships</source>
      <translation>Кораблі</translation>
    </message>
    <message>
      <source>Show every report</source>
      <translation>Показати всі зведення</translation>
    </message>
    <message>
      <source>Show the last %1</source>
      <translation>Показати останні %1</translation>
    </message>
    <message>
      <source>Small multiples</source>
      <translation>Окремі графіки</translation>
    </message>
    <message>
      <source>Source: daily loss reports of the General Staff of the Armed Forces of Ukraine · Frontline Archive</source>
      <translation>Джерело: щоденні зведення Генерального штабу ЗСУ про втрати · Frontline Archive</translation>
    </message>
    <message>
      <source>Sources: General Staff of Ukraine's Armed Forces; Oryx · Frontline Archive</source>
      <translation>Джерела: Генеральний штаб ЗСУ; Oryx · Frontline Archive</translation>
    </message>
    <message>
      <source>Special eq.</source>
      <translation>Спецтехніка</translation>
    </message>
    <message>
      <source>The figures are also in the tables beside</source>
      <translation>Ті самі цифри є в таблицях поруч</translation>
    </message>
    <message>
      <source>Tick one or more categories to chart them.</source>
      <translation>Позначте одну чи кілька категорій, щоб побудувати графік.</translation>
    </message>
    <message>
      <source>Tick the categories to chart</source>
      <translation>Позначте категорії для графіка</translation>
    </message>
    <message>
      <source>Vehicles</source>
      <translation>Автотехніка</translation>
    </message>
    <message>
      <source>View</source>
      <translation>Вигляд</translation>
    </message>
    <message>
      <source>Weekly sums</source>
      <translation>Суми за тиждень</translation>
    </message>
    <message>
      <source>What the chart shows of each category</source>
      <translation>Що графік показує для кожної категорії</translation>
    </message>
    <message>
      <source>Width (pixels):</source>
      <translation>Ширина (пікселів):</translation>
    </message>
    <message>
      <source>Yearly sums</source>
      <translation>Суми за рік</translation>
    </message>
    <message>
      <source>change unknown</source>
      <translation>зміна невідома</translation>
    </message>
    <message>
      <source>change {derived}</source>
      <translation>зміна {derived}</translation>
    </message>
    <message>
      <source>change {derived} (stated {stated})</source>
      <translation>зміна {derived} (заявлено {stated})</translation>
    </message>
    <message>
      <source>index {value}</source>
      <translation>індекс {value}</translation>
    </message>
    <message>
      <source>index, 100 at %1</source>
      <translation>індекс, 100 на %1</translation>
    </message>
    <message>
      <source>period from {start}: {sum}</source>
      <translation>період від {start}: {sum}</translation>
    </message>
    <message>
      <source>published in %1</source>
      <translation>опубліковано в %1</translation>
    </message>
    <message>
      <source>stated change {stated}</source>
      <translation>заявлена зміна {stated}</translation>
    </message>
    <message>
      <source>{category}: General Staff {staff} (on {date}) · Oryx {oryx} ({share} of it)</source>
      <translation>{category}: Генштаб — {staff} (на {date}) · Oryx — {oryx} ({share} від цього числа)</translation>
    </message>
    <message>
      <source>{category}: no report</source>
      <translation>{category}: немає зведення</translation>
    </message>
    <message>
      <source>{category}: total {total} · {change}</source>
      <translation>{category}: усього {total} · {change}</translation>
    </message>
    <message>
      <source>{date} (day {day})</source>
      <translation>{date} ({day}-й день)</translation>
    </message>
  </context>
  <context>
    <name>ArchiveActions</name>
    <message>
      <source>&amp;Copy titles and links</source>
      <translation>&amp;Копіювати заголовки й посилання</translation>
    </message>
    <message>
      <source>&amp;Larger text</source>
      <translation>&amp;Більший текст</translation>
    </message>
    <message>
      <source>&amp;Normal text size</source>
      <translation>&amp;Звичайний розмір тексту</translation>
    </message>
    <message>
      <source>&amp;Print article…</source>
      <translation>&amp;Друкувати запис…</translation>
    </message>
    <message>
      <source>&amp;Star / unstar</source>
      <translation>&amp;Позначити зіркою / зняти</translation>
    </message>
    <message>
      <source>&amp;Timeline by day</source>
      <translation>&amp;Хронологія за днями</translation>
    </message>
    <message>
      <source>A&amp;rticle</source>
      <translation>&amp;Запис</translation>
    </message>
    <message>
      <source>Could not write %1</source>
      <translation>Не вдалося записати %1</translation>
    </message>
    <message>
      <source>Edit ta&amp;gs…</source>
      <translation>Редагувати &amp;мітки…</translation>
    </message>
    <message>
      <source>Every article and brief the list shows, marked read; Edit ▸ Undo takes it back</source>
      <translation>Усі статті й короткі новини зі списку позначаються прочитаними; Редагування ▸ Скасувати повертає як було</translation>
    </message>
    <message>
      <source>Export article to P&amp;DF…</source>
      <translation>&amp;Експортувати запис у PDF…</translation>
    </message>
    <message>
      <source>Export to PDF</source>
      <translation>Експорт у PDF</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Експортовано до %1</translation>
    </message>
    <message>
      <source>Mark all shown as &amp;read</source>
      <translation>Позначити &amp;всі показані прочитаними</translation>
    </message>
    <message>
      <source>Mark read / &amp;unread</source>
      <translation>Позначити прочитаним / &amp;непрочитаним</translation>
    </message>
    <message>
      <source>PDF files (*.pdf)</source>
      <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
      <source>S&amp;maller text</source>
      <translation>Мен&amp;ший текст</translation>
    </message>
    <message>
      <source>Se&amp;rif text in the reader</source>
      <translation>&amp;Шрифт із засічками для тексту статті</translation>
    </message>
    <message>
      <source>Select an article first.</source>
      <translation>Спершу виберіть статтю або коротку новину.</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Мітки</translation>
    </message>
    <message>
      <source>Tags, separated by commas:</source>
      <translation>Мітки через кому:</translation>
    </message>
    <message>
      <source>The archive is open read-only.</source>
      <translation>Архів відкрито лише для читання.</translation>
    </message>
  </context>
  <context>
    <name>ArchiveTableModel</name>
    <message>
      <source>Article</source>
      <translation>Стаття</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Brief</source>
      <translation>Коротка новина</translation>
    </message>
    <message>
      <source>Estimated: the source gave no time</source>
      <translation>Приблизно: джерело не вказало часу</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Match</source>
      <translation>Збіг</translation>
    </message>
    <message>
      <source>Preview</source>
      <translation>Уривок</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубліковано</translation>
    </message>
    <message>
      <source>Stored by another program in a form this one does not write</source>
      <translation>Записано іншою програмою у формі, якої ця програма не пише</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Заголовок</translation>
    </message>
  </context>
  <context>
    <name>ArchiveView</name>
    <message>
      <source>%1, sorting…</source>
      <translation>%1, упорядкування…</translation>
    </message>
    <message numerus="yes">
      <source>%Ln article(s) and brief(s) chosen</source>
      <translation>
        <numerusform>Вибрано %Ln статтю чи коротку новину</numerusform>
        <numerusform>Вибрано %Ln статті й короткі новини</numerusform>
        <numerusform>Вибрано %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln item(s)</source>
      <translation>
        <numerusform>%Ln запис</numerusform>
        <numerusform>%Ln записи</numerusform>
        <numerusform>%Ln записів</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Search:</source>
      <translation>По&amp;шук:</translation>
    </message>
    <message>
      <source>&lt;b&gt;Search&lt;/b&gt;&lt;br&gt;&lt;code&gt;drones kharkiv&lt;/code&gt; all words (the last also as a prefix)&lt;br&gt;&lt;code&gt;"air defense"&lt;/code&gt; exact phrase · &lt;code&gt;energ*&lt;/code&gt; prefix&lt;br&gt;&lt;code&gt;sumy OR kharkiv&lt;/code&gt; either · &lt;code&gt;-shelling&lt;/code&gt; without&lt;br&gt;&lt;code&gt;kind:brief&lt;/code&gt; &lt;code&gt;author:name&lt;/code&gt; &lt;code&gt;tag:energy&lt;/code&gt; &lt;code&gt;source:name&lt;/code&gt;&lt;br&gt;&lt;code&gt;from:2023-11-01&lt;/code&gt; &lt;code&gt;to:2023-11&lt;/code&gt; (day, month or year)&lt;br&gt;&lt;code&gt;is:starred&lt;/code&gt; &lt;code&gt;is:unread&lt;/code&gt; &lt;code&gt;is:read&lt;/code&gt;</source>
      <translation>&lt;b&gt;Пошук&lt;/b&gt;&lt;br&gt;&lt;code&gt;дрони харків&lt;/code&gt; усі слова (останнє також як початок слова)&lt;br&gt;&lt;code&gt;"протиповітряна оборона"&lt;/code&gt; точна фраза · &lt;code&gt;енерг*&lt;/code&gt; початок слова&lt;br&gt;&lt;code&gt;суми OR харків&lt;/code&gt; будь-яке · &lt;code&gt;-обстріл&lt;/code&gt; без&lt;br&gt;&lt;code&gt;kind:brief&lt;/code&gt; &lt;code&gt;author:імʼя&lt;/code&gt; &lt;code&gt;tag:енергетика&lt;/code&gt; &lt;code&gt;source:назва&lt;/code&gt;&lt;br&gt;&lt;code&gt;from:2023-11-01&lt;/code&gt; &lt;code&gt;to:2023-11&lt;/code&gt; (день, місяць або рік)&lt;br&gt;&lt;code&gt;is:starred&lt;/code&gt; &lt;code&gt;is:unread&lt;/code&gt; &lt;code&gt;is:read&lt;/code&gt;</translation>
    </message>
    <message>
      <source>About %1 items, counting…</source>
      <translation>Близько %1 записів, підрахунок…</translation>
    </message>
    <message>
      <source>About %1 items, sorting…</source>
      <translation>Близько %1 записів, упорядкування…</translation>
    </message>
    <message>
      <source>All</source>
      <translation>Усе</translation>
    </message>
    <message>
      <source>All (%1)</source>
      <translation>Усе (%1)</translation>
    </message>
    <message>
      <source>Article text</source>
      <translation>Текст статті</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>Статті</translation>
    </message>
    <message>
      <source>Articles (%1)</source>
      <translation>Статті (%1)</translation>
    </message>
    <message>
      <source>Articles and briefs</source>
      <translation>Статті та короткі новини</translation>
    </message>
    <message>
      <source>Articles and briefs by day</source>
      <translation>Статті та короткі новини за днями</translation>
    </message>
    <message>
      <source>Articles, briefs or both</source>
      <translation>Статті, короткі новини або все</translation>
    </message>
    <message>
      <source>Briefs</source>
      <translation>Короткі новини</translation>
    </message>
    <message>
      <source>Briefs (%1)</source>
      <translation>Короткі новини (%1)</translation>
    </message>
    <message>
      <source>Clear search</source>
      <translation>Очистити пошук</translation>
    </message>
    <message numerus="yes">
      <source>Copied %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Скопійовано %Ln статтю чи коротку новину.</numerusform>
        <numerusform>Скопійовано %Ln статті й короткі новини.</numerusform>
        <numerusform>Скопійовано %Ln статей і коротких новин.</numerusform>
      </translation>
    </message>
    <message>
      <source>Dates are written 2023-11-25, 2023-11 or 2023.</source>
      <translation>Дати пишуться так: 2023-11-25, 2023-11 або 2023.</translation>
    </message>
    <message>
      <source>Enter opens the item; j and k move; Shift or Ctrl with the arrows chooses several; Space marks read; s stars</source>
      <translation>Enter відкриває запис; j і k — наступний і попередній; Shift або Ctrl зі стрілками вибирають кілька; пробіл позначає прочитаним; s — зірка</translation>
    </message>
    <message>
      <source>Ignored (not a filter value this search understands): %1</source>
      <translation>Пропущено (пошук не знає такого значення фільтра): %1</translation>
    </message>
    <message>
      <source>More than %1 articles and briefs are chosen: choose at most %1 at a time.</source>
      <translation>Вибрано понад %1 статей і коротких новин: вибирайте не більше %1 за раз.</translation>
    </message>
    <message>
      <source>No items match the chosen filters.</source>
      <translation>Жоден запис не відповідає вибраним фільтрам.</translation>
    </message>
    <message>
      <source>No matches for “%1”.</source>
      <translation>Нічого не знайдено за запитом «%1».</translation>
    </message>
    <message>
      <source>Search articles and briefs</source>
      <translation>Пошук у статтях і коротких новинах</translation>
    </message>
    <message>
      <source>Search articles and briefs (Ctrl+F)</source>
      <translation>Пошук у статтях і коротких новинах (Ctrl+F)</translation>
    </message>
    <message>
      <source>Searching…</source>
      <translation>Пошук…</translation>
    </message>
    <message>
      <source>Show</source>
      <translation>Показувати</translation>
    </message>
    <message>
      <source>The archive is empty.</source>
      <translation>Архів порожній.</translation>
    </message>
    <message>
      <source>The search both asks for “%1” and leaves it out (after “-”).</source>
      <translation>Пошук водночас шукає «%1» і виключає його (після «-»).</translation>
    </message>
    <message>
      <source>The search failed: %1</source>
      <translation>Пошук не вдався: %1</translation>
    </message>
    <message>
      <source>The selected article or brief</source>
      <translation>Вибрана стаття або коротка новина</translation>
    </message>
    <message>
      <source>Try fewer words, or clear the filters beside the list.</source>
      <translation>Спробуйте менше слів або скиньте фільтри поруч зі списком.</translation>
    </message>
    <message>
      <source>Whatever the words find also has a word the search leaves out (after “-”).</source>
      <translation>Усе, що знаходять ці слова, містить і слово, яке пошук виключає (після «-»).</translation>
    </message>
    <message>
      <source>Words, "phrases", -without, kind:, tag:, from:, to:, is:unread</source>
      <translation>Слова, "фрази", -без, kind:, tag:, from:, to:, is:unread</translation>
    </message>
  </context>
  <context>
    <name>Attribution</name>
    <message>
      <source>last changed at %1</source>
      <translation>остання зміна: %1</translation>
    </message>
    <message>
      <source>last changed by %1 at %2</source>
      <translation>остання зміна: %1, %2</translation>
    </message>
  </context>
  <context>
    <name>BackupActions</name>
    <message>
      <source>&amp;Back up archive…</source>
      <translation>&amp;Резервна копія архіву…</translation>
    </message>
    <message>
      <source>&amp;Check archive file</source>
      <translation>&amp;Перевірити файл архіву</translation>
    </message>
    <message>
      <source>&amp;Restore from backup…</source>
      <translation>Від&amp;новити з резервної копії…</translation>
    </message>
    <message>
      <source>&amp;Trash…</source>
      <translation>Ко&amp;шик…</translation>
    </message>
    <message>
      <source>A copy in the backups folder beside the archive, at the first start of a day</source>
      <translation>Копія в теці backups поруч з архівом, під час першого запуску за день</translation>
    </message>
    <message>
      <source>Archive backed up to %1</source>
      <translation>Резервну копію архіву записано до %1</translation>
    </message>
    <message>
      <source>Back up archive</source>
      <translation>Резервна копія архіву</translation>
    </message>
    <message>
      <source>Backing up the archive…</source>
      <translation>Створення резервної копії архіву…</translation>
    </message>
    <message>
      <source>Checking the archive file…</source>
      <translation>Перевірка файлу архіву…</translation>
    </message>
    <message>
      <source>Dai&amp;ly backups</source>
      <translation>&amp;Щоденні копії</translation>
    </message>
    <message>
      <source>Deleted articles, briefs and reports, kept until the Trash is emptied</source>
      <translation>Видалені статті, короткі новини та зведення; зберігаються, доки кошик не спорожнено</translation>
    </message>
    <message>
      <source>Frontline Archive (*.sqlite);;All files (*)</source>
      <translation>Frontline Archive (*.sqlite);;Усі файли (*)</translation>
    </message>
    <message>
      <source>Go back to a backup; the archive as it is now is kept as a safety copy</source>
      <translation>Повернутися до резервної копії; поточний архів спершу зберігається як страхувальна копія</translation>
    </message>
    <message numerus="yes">
      <source>Keep the newest %n daily backup(s)</source>
      <translation>
        <numerusform>Зберігати останню %n щоденну копію</numerusform>
        <numerusform>Зберігати останні %n щоденні копії</numerusform>
        <numerusform>Зберігати останні %n щоденних копій</numerusform>
      </translation>
    </message>
    <message>
      <source>No daily backups</source>
      <translation>Без щоденних копій</translation>
    </message>
    <message>
      <source>No more daily copies will be made; the ones made are kept.</source>
      <translation>Щоденні копії більше не створюватимуться; наявні залишаються.</translation>
    </message>
    <message>
      <source>Quit the program, then run: frontline-archive maintain --rebuild-index (a backup is taken first).</source>
      <translation>Закрийте програму й виконайте: frontline-archive maintain --rebuild-index (спершу буде створено резервну копію).</translation>
    </message>
    <message>
      <source>SQLite's integrity check and the search index's, without changing anything</source>
      <translation>Перевірка цілісності SQLite та пошукового індексу, нічого не змінюючи</translation>
    </message>
    <message>
      <source>The archive file has problems:</source>
      <translation>У файлі архіву є проблеми:</translation>
    </message>
    <message>
      <source>The archive file is in order.</source>
      <translation>Файл архіву в порядку.</translation>
    </message>
    <message>
      <source>The backup was not written.</source>
      <translation>Резервну копію не записано.</translation>
    </message>
    <message>
      <source>The check was stopped; nothing was changed.</source>
      <translation>Перевірку зупинено; нічого не змінено.</translation>
    </message>
    <message numerus="yes">
      <source>The newest %n daily backup(s) will be kept; older ones go at the next.</source>
      <translation>
        <numerusform>Зберігатиметься остання %n щоденна копія; старіші буде видалено під час наступного копіювання.</numerusform>
        <numerusform>Зберігатимуться останні %n щоденні копії; старіші буде видалено під час наступного копіювання.</numerusform>
        <numerusform>Зберігатимуться останні %n щоденних копій; старіші буде видалено під час наступного копіювання.</numerusform>
      </translation>
    </message>
    <message>
      <source>Today's automatic backup failed: %1</source>
      <translation>Не вдалося створити сьогоднішню автоматичну копію: %1</translation>
    </message>
    <message>
      <source>Write a copy of the whole archive to a file you choose</source>
      <translation>Записати копію всього архіву до вибраного файлу</translation>
    </message>
  </context>
  <context>
    <name>ChartsTab</name>
    <message>
      <source>&amp;Charts</source>
      <translation>&amp;Графіки</translation>
    </message>
    <message>
      <source>No report is stored for %1.</source>
      <translation>Зведення за %1 немає.</translation>
    </message>
    <message>
      <source>Report of %1 (no article linked to it).</source>
      <translation>Зведення за %1 (не повʼязане з жодною статтею).</translation>
    </message>
    <message>
      <source>Report of %1, published in: %2</source>
      <translation>Зведення за %1 опубліковано в: %2</translation>
    </message>
  </context>
  <context>
    <name>CheckController</name>
    <message>
      <source>Cancel</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Check archive file</source>
      <translation>Перевірити файл архіву</translation>
    </message>
    <message>
      <source>Checking the archive file…</source>
      <translation>Перевірка файлу архіву…</translation>
    </message>
    <message>
      <source>Checking the links between records…</source>
      <translation>Перевірка звʼязків між записами…</translation>
    </message>
    <message>
      <source>Checking the search index…</source>
      <translation>Перевірка пошукового індексу…</translation>
    </message>
    <message>
      <source>Checking the stored values…</source>
      <translation>Перевірка збережених значень…</translation>
    </message>
  </context>
  <context>
    <name>ConflictDialog</name>
    <message>
      <source>&amp;Keep editing</source>
      <translation>&amp;Редагувати далі</translation>
    </message>
    <message>
      <source>&amp;Merge</source>
      <translation>&amp;Обʼєднати</translation>
    </message>
    <message>
      <source>&amp;Overwrite theirs</source>
      <translation>&amp;Записати поверх їхньої</translation>
    </message>
    <message>
      <source>&amp;Take theirs</source>
      <translation>&amp;Узяти їхню</translation>
    </message>
    <message>
      <source>(empty)</source>
      <translation>(порожньо)</translation>
    </message>
    <message>
      <source>Changed by someone else</source>
      <translation>Змінено кимось іншим</translation>
    </message>
    <message>
      <source>Field</source>
      <translation>Поле</translation>
    </message>
    <message>
      <source>Keep for %1</source>
      <translation>Що залишити для «%1»</translation>
    </message>
    <message>
      <source>Merge keeps</source>
      <translation>Після обʼєднання</translation>
    </message>
    <message>
      <source>Put their version in the form; what you typed is dropped.</source>
      <translation>Показати їхню версію у формі; те, що ви ввели, буде відкинуто.</translation>
    </message>
    <message>
      <source>Save your version as it is; their changes are replaced.</source>
      <translation>Зберегти вашу версію як є; їхні зміни буде замінено.</translation>
    </message>
    <message>
      <source>Their version and yours are the same.</source>
      <translation>Їхня версія і ваша однакові.</translation>
    </message>
    <message>
      <source>Their version beside yours. Merge takes theirs where you did not change a field and yours where you did.</source>
      <translation>Їхня версія поруч із вашою. Обʼєднання бере їхнє значення там, де ви поле не змінювали, і ваше — там, де змінювали.</translation>
    </message>
    <message>
      <source>Theirs (%1)</source>
      <translation>Їхня (%1)</translation>
    </message>
    <message numerus="yes">
      <source>You both changed %n field(s): choose which to keep in the last column.</source>
      <translation>
        <numerusform>Ви обоє змінили %n поле: виберіть, що залишити, в останньому стовпці.</numerusform>
        <numerusform>Ви обоє змінили %n поля: виберіть, що залишити, в останньому стовпці.</numerusform>
        <numerusform>Ви обоє змінили %n полів: виберіть, що залишити, в останньому стовпці.</numerusform>
      </translation>
    </message>
    <message>
      <source>Yours</source>
      <translation>Ваша</translation>
    </message>
    <message>
      <source>theirs</source>
      <translation>їхнє</translation>
    </message>
    <message>
      <source>theirs (only they changed it)</source>
      <translation>їхнє (змінили лише вони)</translation>
    </message>
    <message>
      <source>yours</source>
      <translation>ваше</translation>
    </message>
    <message>
      <source>yours (only you changed it)</source>
      <translation>ваше (змінили лише ви)</translation>
    </message>
  </context>
  <context>
    <name>DataFolder</name>
    <message>
      <source>&amp;Copy path</source>
      <translation>&amp;Копіювати шлях</translation>
    </message>
    <message>
      <source>Archive: %1</source>
      <translation>Архів: %1</translation>
    </message>
    <message>
      <source>Data folder</source>
      <translation>Тека даних</translation>
    </message>
    <message>
      <source>No file manager could open the data folder. It is here:</source>
      <translation>Жоден файловий менеджер не зміг відкрити теку даних. Вона тут:</translation>
    </message>
    <message>
      <source>Settings and log: %1</source>
      <translation>Налаштування та журнал: %1</translation>
    </message>
  </context>
  <context>
    <name>ErrorDialog</name>
    <message>
      <source>&amp;Copy details</source>
      <translation>&amp;Копіювати подробиці</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Подробиці</translation>
    </message>
    <message>
      <source>Errors since this message appeared: %1</source>
      <translation>Помилок відтоді, як зʼявилося це повідомлення: %1</translation>
    </message>
    <message>
      <source>Open &amp;log folder</source>
      <translation>Відкрити теку &amp;журналу</translation>
    </message>
    <message>
      <source>Something went wrong inside the program (a bug, not something you did). What was saved before is kept; the action that failed may not have been completed.</source>
      <translation>У програмі сталася помилка (це вада програми, а не ваша дія). Усе збережене раніше лишається; дія, що не вдалася, могла не завершитися.</translation>
    </message>
    <message>
      <source>The details are also written to the log: %1</source>
      <translation>Подробиці записано також у журнал: %1</translation>
    </message>
    <message>
      <source>The log could not be written; copy the details to report the error.</source>
      <translation>Журнал не вдалося записати; скопіюйте подробиці, щоб повідомити про помилку.</translation>
    </message>
    <message>
      <source>Unexpected error</source>
      <translation>Неочікувана помилка</translation>
    </message>
  </context>
  <context>
    <name>ExportController</name>
    <message>
      <source>Cancel</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Експорт</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Експорт…</translation>
    </message>
    <message>
      <source>Reading the archive…</source>
      <translation>Читання архіву…</translation>
    </message>
    <message>
      <source>Saving the file…</source>
      <translation>Збереження файлу…</translation>
    </message>
    <message>
      <source>Writing item %1 of %2…</source>
      <translation>Записано %1 з %2…</translation>
    </message>
  </context>
  <context>
    <name>FigureGrid</name>
    <message>
      <source>(none)</source>
      <translation>(немає)</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Категорія</translation>
    </message>
    <message>
      <source>Derived
change</source>
      <translation>Обчислена
зміна</translation>
    </message>
    <message>
      <source>Previous
0000-00-00</source>
      <translation>Попереднє
0000-00-00</translation>
    </message>
    <message>
      <source>Previous
{date}</source>
      <translation>Попереднє
{date}</translation>
    </message>
    <message>
      <source>Read from: “{words}”</source>
      <translation>Прочитано з: «{words}»</translation>
    </message>
    <message>
      <source>Stated
change</source>
      <translation>Заявлена
зміна</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>Усього</translation>
    </message>
    <message>
      <source>Total minus the previous report's total</source>
      <translation>Усього мінус «усього» попереднього зведення</translation>
    </message>
    <message>
      <source>not reported</source>
      <translation>немає</translation>
    </message>
    <message>
      <source>not stated</source>
      <translation>не вказано</translation>
    </message>
    <message>
      <source>{category}: a change without a total</source>
      <translation>{category}: зміна без значення «усього»</translation>
    </message>
    <message>
      <source>{category}: stated change</source>
      <translation>{category}: заявлена зміна</translation>
    </message>
    <message>
      <source>{category}: total</source>
      <translation>{category}: усього</translation>
    </message>
    <message>
      <source>{category}: {total} is more than {limit}</source>
      <translation>{category}: {total} більше за {limit}</translation>
    </message>
    <message>
      <source>{category}: “{text}” is not a number</source>
      <translation>{category}: «{text}» — не число</translation>
    </message>
  </context>
  <context>
    <name>FigureHistoryDialog</name>
    <message numerus="yes">
      <source>%n change(s) of this report's figures, newest first.</source>
      <translation>
        <numerusform>%n зміна цифр цього зведення, найновіші першими.</numerusform>
        <numerusform>%n зміни цифр цього зведення, найновіші першими.</numerusform>
        <numerusform>%n змін цифр цього зведення, найновіші першими.</numerusform>
      </translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(немає)</translation>
    </message>
    <message>
      <source>(not recorded on a file)</source>
      <translation>(у файлі не записується)</translation>
    </message>
    <message>
      <source>After</source>
      <translation>Після</translation>
    </message>
    <message>
      <source>Before</source>
      <translation>До</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Категорія</translation>
    </message>
    <message>
      <source>Figure history of the report of %1</source>
      <translation>Історія цифр зведення за %1</translation>
    </message>
    <message>
      <source>No change of this report's figures is recorded.</source>
      <translation>Змін цифр цього зведення не записано.</translation>
    </message>
    <message>
      <source>Reading…</source>
      <translation>Читання…</translation>
    </message>
    <message>
      <source>When</source>
      <translation>Коли</translation>
    </message>
    <message>
      <source>Who</source>
      <translation>Хто</translation>
    </message>
  </context>
  <context>
    <name>FileDialog</name>
    <message>
      <source>Files of type:</source>
      <translation>Тип файлів:</translation>
    </message>
    <message>
      <source>Look in:</source>
      <translation>Шукати в:</translation>
    </message>
  </context>
  <context>
    <name>FileDialogs</name>
    <message>
      <source>%1 file</source>
      <translation>Файл %1</translation>
    </message>
    <message>
      <source>%1 is a file of the archive this window has open; it was not opened. Choose another file (File ▸ Back up archive… makes a copy of the archive).</source>
      <translation>%1 — файл архіву, відкритого в цьому вікні; його не відкрито. Виберіть інший файл (Файл ▸ Резервна копія архіву… робить копію архіву).</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Folder</source>
      <translation>Тека</translation>
    </message>
  </context>
  <context>
    <name>FilterPanel</name>
    <message>
      <source>All sources</source>
      <translation>Усі джерела</translation>
    </message>
    <message>
      <source>Author A–Z</source>
      <translation>Автор А–Я</translation>
    </message>
    <message>
      <source>From</source>
      <translation>Від</translation>
    </message>
    <message>
      <source>Items must carry every ticked tag.</source>
      <translation>Показано лише записи з усіма позначеними мітками.</translation>
    </message>
    <message>
      <source>Newest first</source>
      <translation>Спершу нові</translation>
    </message>
    <message>
      <source>Oldest first</source>
      <translation>Спершу старі</translation>
    </message>
    <message>
      <source>Order</source>
      <translation>Порядок</translation>
    </message>
    <message>
      <source>Other (column header)</source>
      <translation>Інший (заголовок стовпця)</translation>
    </message>
    <message>
      <source>Published from</source>
      <translation>Опубліковано від</translation>
    </message>
    <message>
      <source>Published to</source>
      <translation>Опубліковано до</translation>
    </message>
    <message>
      <source>Relevance</source>
      <translation>Релевантність</translation>
    </message>
    <message>
      <source>Relevance ranks by how well the words match (words in the headline count most).</source>
      <translation>За релевантністю: що краще збігаються слова, то вище запис (слова в заголовку важать найбільше).</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Джерело</translation>
    </message>
    <message>
      <source>Starred only</source>
      <translation>Лише із зіркою</translation>
    </message>
    <message>
      <source>Ta&amp;gs</source>
      <translation>&amp;Мітки</translation>
    </message>
    <message>
      <source>Table</source>
      <translation>Таблиця</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Мітки</translation>
    </message>
    <message>
      <source>Timeline by day</source>
      <translation>Хронологія за днями</translation>
    </message>
    <message>
      <source>Title A–Z</source>
      <translation>Заголовок А–Я</translation>
    </message>
    <message>
      <source>To</source>
      <translation>До</translation>
    </message>
    <message>
      <source>Unread only</source>
      <translation>Лише непрочитані</translation>
    </message>
    <message>
      <source>View</source>
      <translation>Вигляд</translation>
    </message>
    <message>
      <source>any</source>
      <translation>будь-яка</translation>
    </message>
    <message>
      <source>“any”: no earliest date</source>
      <translation>«будь-яка»: без найранішої дати</translation>
    </message>
    <message>
      <source>“any”: no latest date</source>
      <translation>«будь-яка»: без найпізнішої дати</translation>
    </message>
  </context>
  <context>
    <name>ImportController</name>
    <message numerus="yes">
      <source>%Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>%Ln стаття чи коротка новина</numerusform>
        <numerusform>%Ln статті й короткі новини</numerusform>
        <numerusform>%Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln report(s)</source>
      <translation>
        <numerusform>%Ln зведення</numerusform>
        <numerusform>%Ln зведення</numerusform>
        <numerusform>%Ln зведень</numerusform>
      </translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Імпорт</translation>
    </message>
    <message>
      <source>Importing…</source>
      <translation>Імпорт…</translation>
    </message>
    <message>
      <source>Oryx figures</source>
      <translation>цифри Oryx</translation>
    </message>
    <message>
      <source>Reading %1…</source>
      <translation>Читання %1…</translation>
    </message>
    <message>
      <source>Saving record %1 of %2…</source>
      <translation>Збереження запису %1 з %2…</translation>
    </message>
  </context>
  <context>
    <name>ImportSummaryDialog</name>
    <message numerus="yes">
      <source>%Ln Oryx model(s)</source>
      <translation>
        <numerusform>%Ln модель Oryx</numerusform>
        <numerusform>%Ln моделі Oryx</numerusform>
        <numerusform>%Ln моделей Oryx</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>%Ln стаття чи коротка новина</numerusform>
        <numerusform>%Ln статті чи короткі новини</numerusform>
        <numerusform>%Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln loss report(s)</source>
      <translation>
        <numerusform>%Ln зведення</numerusform>
        <numerusform>%Ln зведення</numerusform>
        <numerusform>%Ln зведень</numerusform>
      </translation>
    </message>
    <message>
      <source>Added</source>
      <translation>Додано</translation>
    </message>
    <message>
      <source>Already in the archive but different in the file (the archive's kept)</source>
      <translation>Уже є в архіві, але у файлі інакші (залишено архівні)</translation>
    </message>
    <message>
      <source>Articles and briefs added</source>
      <translation>Додано статей і коротких новин</translation>
    </message>
    <message>
      <source>Conflicting with reports entered by hand</source>
      <translation>Суперечать зведенням, введеним уручну</translation>
    </message>
    <message>
      <source>Dates estimated</source>
      <translation>Оцінені дати</translation>
    </message>
    <message>
      <source>Dates estimated (the file gave no time; the reader marks them)</source>
      <translation>Дати оцінено (файл не вказав часу; читач це позначає)</translation>
    </message>
    <message>
      <source>Dates found while reading (the text did not write them out in full)</source>
      <translation>Дати, визначені під час читання (текст не подає їх повністю)</translation>
    </message>
    <message>
      <source>Each file, what it held and what it did</source>
      <translation>Кожен файл: що в ньому було і що з ним зроблено</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Файл</translation>
    </message>
    <message>
      <source>Files imported</source>
      <translation>Імпортовані файли</translation>
    </message>
    <message>
      <source>Held</source>
      <translation>Містив</translation>
    </message>
    <message>
      <source>Import finished</source>
      <translation>Імпорт завершено</translation>
    </message>
    <message>
      <source>Repaired or guessed while reading</source>
      <translation>Виправлено або вгадано під час читання</translation>
    </message>
    <message>
      <source>Replace mine with the file's</source>
      <translation>Замінити мої даними з файлу</translation>
    </message>
    <message>
      <source>Reports entered by hand that the files contradict</source>
      <translation>Введені вручну зведення, яким суперечать файли</translation>
    </message>
    <message>
      <source>Reports updated</source>
      <translation>Оновлені зведення</translation>
    </message>
    <message>
      <source>Skipped</source>
      <translation>Пропущено</translation>
    </message>
    <message>
      <source>These reports were entered by hand and the files give other figures. They were not changed; Close keeps them as they are.</source>
      <translation>Ці зведення введено вручну, а файли подають інші цифри. Їх не змінено; «Закрити» залишає їх як є.</translation>
    </message>
    <message>
      <source>Unchanged</source>
      <translation>Без змін</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>Оновлено</translation>
    </message>
    <message>
      <source>articles: %1, briefs: %2</source>
      <translation>статей: %1, коротких новин: %2</translation>
    </message>
    <message>
      <source>nothing that could be imported</source>
      <translation>нічого придатного для імпорту</translation>
    </message>
    <message>
      <source>… and %1 more</source>
      <translation>… і ще %1</translation>
    </message>
  </context>
  <context>
    <name>ItemCommands</name>
    <message numerus="yes">
      <source>delete %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>видалення %Ln статті чи короткої новини</numerusform>
        <numerusform>видалення %Ln статей і коротких новин</numerusform>
        <numerusform>видалення %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message>
      <source>delete {title}</source>
      <translation>видалення {title}</translation>
    </message>
    <message>
      <source>edit {title}</source>
      <translation>редагування {title}</translation>
    </message>
    <message>
      <source>edit {title} with report {date}</source>
      <translation>редагування {title} зі зведенням за {date}</translation>
    </message>
    <message>
      <source>new item {title}</source>
      <translation>новий запис {title}</translation>
    </message>
    <message>
      <source>new item {title} with report {date}</source>
      <translation>новий запис {title} зі зведенням за {date}</translation>
    </message>
    <message>
      <source>tags of {title}</source>
      <translation>мітки {title}</translation>
    </message>
  </context>
  <context>
    <name>ItemDialog</name>
    <message>
      <source>&amp;Author</source>
      <translation>&amp;Автор</translation>
    </message>
    <message>
      <source>&amp;Body</source>
      <translation>&amp;Текст</translation>
    </message>
    <message>
      <source>&amp;Create report</source>
      <translation>&amp;Створити зведення</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Відкинути</translation>
    </message>
    <message>
      <source>&amp;Keep editing</source>
      <translation>&amp;Редагувати далі</translation>
    </message>
    <message>
      <source>&amp;Kind</source>
      <translation>&amp;Вид</translation>
    </message>
    <message>
      <source>&amp;Lead</source>
      <translation>&amp;Лід</translation>
    </message>
    <message>
      <source>&amp;Link to stored report</source>
      <translation>&amp;Повʼязати зі збереженим зведенням</translation>
    </message>
    <message>
      <source>&amp;Published (local time)</source>
      <translation>&amp;Опубліковано (місцевий час)</translation>
    </message>
    <message>
      <source>&amp;Source</source>
      <translation>Д&amp;жерело</translation>
    </message>
    <message>
      <source>&amp;Title</source>
      <translation>&amp;Заголовок</translation>
    </message>
    <message>
      <source>A report for {date} is stored and agrees with this text.</source>
      <translation>Зведення за {date} збережено, і воно збігається з цим текстом.</translation>
    </message>
    <message>
      <source>A report for {date} is stored; its figures differ from this text's:
{details}</source>
      <translation>Зведення за {date} збережено; його цифри відрізняються від цифр цього тексту:
{details}</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>Стаття</translation>
    </message>
    <message>
      <source>Author</source>
      <translation>Автор</translation>
    </message>
    <message>
      <source>Body</source>
      <translation>Текст</translation>
    </message>
    <message>
      <source>Brief</source>
      <translation>Коротка новина</translation>
    </message>
    <message>
      <source>Discard this article?</source>
      <translation>Відкинути цю статтю?</translation>
    </message>
    <message>
      <source>Discard this brief?</source>
      <translation>Відкинути цю коротку новину?</translation>
    </message>
    <message>
      <source>Edit article</source>
      <translation>Редагувати статтю</translation>
    </message>
    <message>
      <source>Edit brief</source>
      <translation>Редагувати коротку новину</translation>
    </message>
    <message>
      <source>Give the item a title.</source>
      <translation>Дайте запису заголовок.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>L&amp;ink</source>
      <translation>&amp;Посилання</translation>
    </message>
    <message>
      <source>Lead</source>
      <translation>Лід</translation>
    </message>
    <message>
      <source>Link</source>
      <translation>Посилання</translation>
    </message>
    <message>
      <source>Link this text to it?</source>
      <translation>Повʼязати цей текст зі зведенням?</translation>
    </message>
    <message>
      <source>Link: give the page's web address, starting with https:// or http://.</source>
      <translation>Посилання: вкажіть вебадресу сторінки, що починається з https:// або http://.</translation>
    </message>
    <message>
      <source>Loss report in the text</source>
      <translation>Зведення про втрати в тексті</translation>
    </message>
    <message>
      <source>New article</source>
      <translation>Нова стаття</translation>
    </message>
    <message>
      <source>New brief</source>
      <translation>Нова коротка новина</translation>
    </message>
    <message>
      <source>No report is stored for {date}. Create it from this text?</source>
      <translation>Зведення за {date} немає. Створити його з цього тексту?</translation>
    </message>
    <message>
      <source>Paragraphs separated by a blank line</source>
      <translation>Абзаци розділяйте порожнім рядком</translation>
    </message>
    <message>
      <source>Published</source>
      <translation>Опубліковано</translation>
    </message>
    <message>
      <source>Published: %1</source>
      <translation>Опубліковано: %1</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Джерело</translation>
    </message>
    <message>
      <source>Ta&amp;gs</source>
      <translation>&amp;Мітки</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Мітки</translation>
    </message>
    <message numerus="yes">
      <source>This text states the loss report of {date} (%n figure(s)).</source>
      <translation>
        <numerusform>У цьому тексті є зведення про втрати за {date} (%n цифра).</numerusform>
        <numerusform>У цьому тексті є зведення про втрати за {date} (%n цифри).</numerusform>
        <numerusform>У цьому тексті є зведення про втрати за {date} (%n цифр).</numerusform>
      </translation>
    </message>
    <message>
      <source>Title</source>
      <translation>Заголовок</translation>
    </message>
    <message>
      <source>What was typed is not saved.</source>
      <translation>Набране не збережено.</translation>
    </message>
    <message>
      <source>another program</source>
      <translation>інша програма</translation>
    </message>
    <message>
      <source>comma-separated, e.g. air defense, kyiv oblast</source>
      <translation>через кому, напр. ППО, Київська область</translation>
    </message>
  </context>
  <context>
    <name>ItemMarks</name>
    <message numerus="yes">
      <source>Marked %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Позначено %Ln статтю чи коротку новину.</numerusform>
        <numerusform>Позначено %Ln статті й короткі новини.</numerusform>
        <numerusform>Позначено %Ln статей і коротких новин.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Marking %Ln article(s) and brief(s)…</source>
      <translation>
        <numerusform>Позначення %Ln статті чи короткої новини…</numerusform>
        <numerusform>Позначення %Ln статей і коротких новин…</numerusform>
        <numerusform>Позначення %Ln статей і коротких новин…</numerusform>
      </translation>
    </message>
    <message>
      <source>The read mark of %1 was not saved:</source>
      <translation>Позначку «прочитано» для %1 не збережено:</translation>
    </message>
    <message numerus="yes">
      <source>The read marks of %Ln article(s) and brief(s) were not saved:</source>
      <translation>
        <numerusform>Позначку «прочитано» для %Ln статті чи короткої новини не збережено:</numerusform>
        <numerusform>Позначки «прочитано» для %Ln статей і коротких новин не збережено:</numerusform>
        <numerusform>Позначки «прочитано» для %Ln статей і коротких новин не збережено:</numerusform>
      </translation>
    </message>
    <message>
      <source>The star of %1 was not saved:</source>
      <translation>Зірочку для %1 не збережено:</translation>
    </message>
    <message numerus="yes">
      <source>The stars of %Ln article(s) and brief(s) were not saved:</source>
      <translation>
        <numerusform>Зірочку для %Ln статті чи короткої новини не збережено:</numerusform>
        <numerusform>Зірочки для %Ln статей і коротких новин не збережено:</numerusform>
        <numerusform>Зірочки для %Ln статей і коротких новин не збережено:</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>mark %Ln article(s) and brief(s) read</source>
      <translation>
        <numerusform>позначення прочитаними %Ln статті чи короткої новини</numerusform>
        <numerusform>позначення прочитаними %Ln статей і коротких новин</numerusform>
        <numerusform>позначення прочитаними %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>mark %Ln article(s) and brief(s) unread</source>
      <translation>
        <numerusform>позначення непрочитаними %Ln статті чи короткої новини</numerusform>
        <numerusform>позначення непрочитаними %Ln статей і коротких новин</numerusform>
        <numerusform>позначення непрочитаними %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>star %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>зірочка для %Ln статті чи короткої новини</numerusform>
        <numerusform>зірочки для %Ln статей і коротких новин</numerusform>
        <numerusform>зірочки для %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>unstar %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>зняття зірочки з %Ln статті чи короткої новини</numerusform>
        <numerusform>зняття зірочок з %Ln статей і коротких новин</numerusform>
        <numerusform>зняття зірочок з %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ItemTags</name>
    <message numerus="yes">
      <source>Changed the tags of %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Змінено мітки %Ln статті чи короткої новини.</numerusform>
        <numerusform>Змінено мітки %Ln статей і коротких новин.</numerusform>
        <numerusform>Змінено мітки %Ln статей і коротких новин.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Changing the tags of %Ln article(s) and brief(s)…</source>
      <translation>
        <numerusform>Зміна міток %Ln статті чи короткої новини…</numerusform>
        <numerusform>Зміна міток %Ln статей і коротких новин…</numerusform>
        <numerusform>Зміна міток %Ln статей і коротких новин…</numerusform>
      </translation>
    </message>
    <message>
      <source>More than %1 articles and briefs are chosen: change the tags of at most %1 at a time.</source>
      <translation>Вибрано понад %1 статей і коротких новин: змінюйте мітки не більше ніж %1 за раз.</translation>
    </message>
    <message>
      <source>Tags</source>
      <translation>Мітки</translation>
    </message>
    <message numerus="yes">
      <source>Tags to add to the %Ln chosen article(s) and brief(s), separated by commas;
a minus takes a tag away (drones, -kyiv):</source>
      <translation>
        <numerusform>Мітки, які додати до %Ln вибраної статті чи короткої новини, через кому;
мінус забирає мітку (drones, -kyiv):</numerusform>
        <numerusform>Мітки, які додати до %Ln вибраних статей і коротких новин, через кому;
мінус забирає мітку (drones, -kyiv):</numerusform>
        <numerusform>Мітки, які додати до %Ln вибраних статей і коротких новин, через кому;
мінус забирає мітку (drones, -kyiv):</numerusform>
      </translation>
    </message>
    <message>
      <source>The chosen items had these tags.</source>
      <translation>Вибрані записи вже мали ці мітки.</translation>
    </message>
    <message numerus="yes">
      <source>tags of %Ln article(s) and brief(s)</source>
      <translation>
        <numerusform>мітки %Ln статті чи короткої новини</numerusform>
        <numerusform>мітки %Ln статей і коротких новин</numerusform>
        <numerusform>мітки %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Language</name>
    <message>
      <source>Lan&amp;guage</source>
      <translation>&amp;Мова</translation>
    </message>
    <message>
      <source>The language changes the next time Frontline Archive starts.</source>
      <translation>Мова зміниться під час наступного запуску Frontline Archive.</translation>
    </message>
    <message>
      <source>The system's</source>
      <translation>Як у системі</translation>
    </message>
  </context>
  <context>
    <name>LossChart</name>
    <message>
      <source>No loss reports yet. Import a dataset or a report you copied (File ▸ Import…, Ctrl+Shift+V to paste one), or type one with New report…</source>
      <translation>Зведень про втрати ще немає. Імпортуйте набір даних чи скопійоване зведення (Файл ▸ Імпорт…, Ctrl+Shift+V — вставити) або введіть його кнопкою «Нове зведення…»</translation>
    </message>
    <message>
      <source>No reports for this category yet.</source>
      <translation>Для цієї категорії зведень ще немає.</translation>
    </message>
    <message>
      <source>change unknown</source>
      <translation>зміна невідома</translation>
    </message>
    <message>
      <source>change {derived}</source>
      <translation>зміна {derived}</translation>
    </message>
    <message>
      <source>change {derived} (stated {stated})</source>
      <translation>зміна {derived} (заявлено {stated})</translation>
    </message>
    <message>
      <source>stated change {stated}</source>
      <translation>заявлена зміна {stated}</translation>
    </message>
    <message numerus="yes">
      <source>{category}: %Ln report(s), {first} to {last}. Point at the chart for a day's figures; drag to pan, wheel to zoom.</source>
      <translation>
        <numerusform>{category}: %Ln зведення, від {first} до {last}. Наведіть на графік, щоб побачити цифри дня; тягніть, щоб зсунути, коліщатко — масштаб.</numerusform>
        <numerusform>{category}: %Ln зведення, від {first} до {last}. Наведіть на графік, щоб побачити цифри дня; тягніть, щоб зсунути, коліщатко — масштаб.</numerusform>
        <numerusform>{category}: %Ln зведень, від {first} до {last}. Наведіть на графік, щоб побачити цифри дня; тягніть, щоб зсунути, коліщатко — масштаб.</numerusform>
      </translation>
    </message>
    <message>
      <source>{date} (day {day}) · {category}: not reported</source>
      <translation>{date} (день {day}) · {category}: немає у зведенні</translation>
    </message>
    <message>
      <source>{date} (day {day}) · {category}: {total} · {change}</source>
      <translation>{date} (день {day}) · {category}: {total} · {change}</translation>
    </message>
  </context>
  <context>
    <name>LossesView</name>
    <message>
      <source>&amp;Delete report {date}</source>
      <translation>&amp;Видалити зведення за {date}</translation>
    </message>
    <message>
      <source>&amp;Delete {count} reports</source>
      <translation>&amp;Видалити вибрані зведення ({count})</translation>
    </message>
    <message>
      <source>&amp;Edit report {date}…</source>
      <translation>&amp;Редагувати зведення за {date}…</translation>
    </message>
    <message>
      <source>&amp;Open article</source>
      <translation>Відкр&amp;ити статтю</translation>
    </message>
    <message>
      <source>Ca&amp;tegory:</source>
      <translation>&amp;Категорія:</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Категорія</translation>
    </message>
    <message>
      <source>Chart of the category</source>
      <translation>Графік категорії</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Видалити</translation>
    </message>
    <message>
      <source>Delete the report of {date}? Edit ▸ Undo (Ctrl+Z) brings it back.</source>
      <translation>Видалити зведення за {date}? Редагування ▸ Скасувати (Ctrl+Z) поверне його.</translation>
    </message>
    <message>
      <source>Delete the {count} chosen reports ({first} … {last})? Edit ▸ Undo (Ctrl+Z) brings them back.</source>
      <translation>Видалити вибрані зведення ({count}: {first} … {last})? Редагування ▸ Скасувати (Ctrl+Z) поверне їх.</translation>
    </message>
    <message>
      <source>Double-click a report to edit it; Delete removes it</source>
      <translation>Двічі клацніть зведення, щоб редагувати; Delete видаляє його</translation>
    </message>
    <message>
      <source>Figure &amp;history…</source>
      <translation>&amp;Історія цифр…</translation>
    </message>
    <message>
      <source>Loss reports</source>
      <translation>Зведення про втрати</translation>
    </message>
    <message>
      <source>New report…</source>
      <translation>Нове зведення…</translation>
    </message>
    <message>
      <source>No article in the archive published the selected report</source>
      <translation>Жодна стаття в архіві не публікувала вибране зведення</translation>
    </message>
    <message>
      <source>No reports yet</source>
      <translation>Зведень ще немає</translation>
    </message>
    <message>
      <source>One row a day. Enter or F2 edits the report; Delete deletes it</source>
      <translation>Рядок на день. Enter або F2 — редагувати зведення; Delete — видалити</translation>
    </message>
    <message>
      <source>Open the article that published the selected report (Archive tab)</source>
      <translation>Відкрити статтю, що опублікувала вибране зведення (вкладка «Архів»)</translation>
    </message>
    <message>
      <source>Open “%1” (Archive tab)</source>
      <translation>Відкрити «%1» (вкладка «Архів»)</translation>
    </message>
    <message>
      <source>The archive is open read-only: nothing can be deleted.</source>
      <translation>Архів відкрито лише для читання: видалити нічого не можна.</translation>
    </message>
    <message>
      <source>The category the chart shows</source>
      <translation>Категорія, яку показує графік</translation>
    </message>
    <message>
      <source>The same figures are in the table below</source>
      <translation>Ті самі цифри є в таблиці нижче</translation>
    </message>
    <message>
      <source>Type or paste a daily loss report</source>
      <translation>Введіть або вставте щоденне зведення про втрати</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>%1 articles and briefs · %2 loss reports</source>
      <translation>Статей і коротких новин: %1 · зведень про втрати: %2</translation>
    </message>
    <message>
      <source>&amp;About Frontline Archive</source>
      <translation>&amp;Про Frontline Archive</translation>
    </message>
    <message>
      <source>&amp;Archive</source>
      <translation>&amp;Архів</translation>
    </message>
    <message>
      <source>&amp;Articles…</source>
      <translation>&amp;Статті…</translation>
    </message>
    <message>
      <source>&amp;Briefs…</source>
      <translation>&amp;Короткі новини…</translation>
    </message>
    <message>
      <source>&amp;Delete selected items</source>
      <translation>&amp;Видалити вибрані записи</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Редагування</translation>
    </message>
    <message>
      <source>&amp;Edit selected item…</source>
      <translation>&amp;Редагувати вибраний запис…</translation>
    </message>
    <message>
      <source>&amp;Export</source>
      <translation>&amp;Експорт</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Файл</translation>
    </message>
    <message>
      <source>&amp;Find</source>
      <translation>&amp;Знайти</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Довідка</translation>
    </message>
    <message>
      <source>&amp;Import…</source>
      <translation>&amp;Імпорт…</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
      <source>&amp;Losses</source>
      <translation>В&amp;трати</translation>
    </message>
    <message>
      <source>&amp;Open archive…</source>
      <translation>Відкрити &amp;архів…</translation>
    </message>
    <message>
      <source>&amp;Paste page…</source>
      <translation>&amp;Вставити сторінку…</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>Ви&amp;йти</translation>
    </message>
    <message>
      <source>&amp;Update all sources</source>
      <translation>&amp;Оновити всі джерела</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Вигляд</translation>
    </message>
    <message>
      <source>(read-only)</source>
      <translation>(лише читання)</translation>
    </message>
    <message>
      <source>About Frontline Archive</source>
      <translation>Про Frontline Archive</translation>
    </message>
    <message>
      <source>An export is already running.</source>
      <translation>Експорт уже триває.</translation>
    </message>
    <message>
      <source>An import is already running.</source>
      <translation>Імпорт уже триває.</translation>
    </message>
    <message>
      <source>An offline archive of war coverage and the General Staff's daily loss reports.</source>
      <translation>Офлайн-архів воєнних новин і щоденних зведень Генштабу про втрати.</translation>
    </message>
    <message>
      <source>Archive file:</source>
      <translation>Файл архіву:</translation>
    </message>
    <message>
      <source>Archive size</source>
      <translation>Розмір архіву</translation>
    </message>
    <message>
      <source>Articles and briefs as CSV…</source>
      <translation>Статті й короткі новини як CSV…</translation>
    </message>
    <message>
      <source>Articles and briefs as JSON…</source>
      <translation>Статті й короткі новини як JSON…</translation>
    </message>
    <message>
      <source>Articles and briefs chosen in the list as CSV…</source>
      <translation>Вибрані у списку статті й короткі новини як CSV…</translation>
    </message>
    <message>
      <source>Articles and briefs chosen in the list as JSON…</source>
      <translation>Вибрані у списку статті й короткі новини як JSON…</translation>
    </message>
    <message>
      <source>Articles and briefs shown (this search) as CSV…</source>
      <translation>Показані статті й короткі новини (цей пошук) як CSV…</translation>
    </message>
    <message>
      <source>Articles and briefs shown (this search) as JSON…</source>
      <translation>Показані статті й короткі новини (цей пошук) як JSON…</translation>
    </message>
    <message>
      <source>Choose articles or briefs in the list first.</source>
      <translation>Спершу виберіть статті чи короткі новини у списку.</translation>
    </message>
    <message>
      <source>Delete</source>
      <translation>Видалити</translation>
    </message>
    <message numerus="yes">
      <source>Delete %Ln article(s) and brief(s)? Edit ▸ Undo (Ctrl+Z) brings them back.</source>
      <translation>
        <numerusform>Видалити %Ln статтю чи коротку новину? Редагування ▸ Скасувати (Ctrl+Z) відновить її.</numerusform>
        <numerusform>Видалити %Ln статті й короткі новини? Редагування ▸ Скасувати (Ctrl+Z) відновить їх.</numerusform>
        <numerusform>Видалити %Ln статей і коротких новин? Редагування ▸ Скасувати (Ctrl+Z) відновить їх.</numerusform>
      </translation>
    </message>
    <message>
      <source>Delete “%1”? Edit ▸ Undo (Ctrl+Z) brings it back.</source>
      <translation>Видалити «%1»? Редагування ▸ Скасувати (Ctrl+Z) відновить запис.</translation>
    </message>
    <message numerus="yes">
      <source>Deleted %Ln article(s) and brief(s).</source>
      <translation>
        <numerusform>Видалено %Ln статтю чи коротку новину.</numerusform>
        <numerusform>Видалено %Ln статті й короткі новини.</numerusform>
        <numerusform>Видалено %Ln статей і коротких новин.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Deleting %Ln article(s) and brief(s)…</source>
      <translation>
        <numerusform>Видалення %Ln статті чи короткої новини…</numerusform>
        <numerusform>Видалення %Ln статей і коротких новин…</numerusform>
        <numerusform>Видалення %Ln статей і коротких новин…</numerusform>
      </translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Експорт</translation>
    </message>
    <message>
      <source>Export cancelled; no file was written.</source>
      <translation>Експорт скасовано; файл не записано.</translation>
    </message>
    <message>
      <source>Exported to %1</source>
      <translation>Експортовано до %1</translation>
    </message>
    <message>
      <source>Import cancelled; nothing changed.</source>
      <translation>Імпорт скасовано; нічого не змінено.</translation>
    </message>
    <message>
      <source>Import feed entries &amp;as</source>
      <translation>Імпортувати записи стрічки &amp;як</translation>
    </message>
    <message>
      <source>Import files</source>
      <translation>Імпорт файлів</translation>
    </message>
    <message>
      <source>Importable files (*.json *.csv *.txt *.xml *.rss *.atom *.html *.htm);;All files (*)</source>
      <translation>Файли для імпорту (*.json *.csv *.txt *.xml *.rss *.atom *.html *.htm);;Усі файли (*)</translation>
    </message>
    <message>
      <source>More than %1 articles and briefs are chosen: delete at most %1 at a time.</source>
      <translation>Вибрано понад %1 статей і коротких новин: видаляйте не більше %1 за раз.</translation>
    </message>
    <message>
      <source>New &amp;article…</source>
      <translation>&amp;Нова стаття…</translation>
    </message>
    <message>
      <source>New &amp;brief…</source>
      <translation>Нова &amp;коротка новина…</translation>
    </message>
    <message>
      <source>New re&amp;port…</source>
      <translation>Нове &amp;зведення…</translation>
    </message>
    <message>
      <source>Nothing was imported.</source>
      <translation>Нічого не імпортовано.</translation>
    </message>
    <message>
      <source>Open &amp;data folder</source>
      <translation>Відкрити &amp;теку даних</translation>
    </message>
    <message>
      <source>Reports as CSV…</source>
      <translation>Зведення як CSV…</translation>
    </message>
    <message>
      <source>Reports as JSON…</source>
      <translation>Зведення як JSON…</translation>
    </message>
    <message>
      <source>The archive is open read-only.</source>
      <translation>Архів відкрито лише для читання.</translation>
    </message>
    <message>
      <source>import ({what})</source>
      <translation>імпорт ({what})</translation>
    </message>
  </context>
  <context>
    <name>MarkAll</name>
    <message>
      <source>Every item shown was read already.</source>
      <translation>Усі показані записи вже прочитані.</translation>
    </message>
    <message numerus="yes">
      <source>Marked %Ln article(s) and brief(s) read.</source>
      <translation>
        <numerusform>Позначено прочитаними %Ln статтю чи коротку новину.</numerusform>
        <numerusform>Позначено прочитаними %Ln статті й короткі новини.</numerusform>
        <numerusform>Позначено прочитаними %Ln статей і коротких новин.</numerusform>
      </translation>
    </message>
    <message>
      <source>Marking cancelled; nothing was changed.</source>
      <translation>Позначення скасовано; нічого не змінено.</translation>
    </message>
    <message numerus="yes">
      <source>mark %Ln article(s) and brief(s) read</source>
      <translation>
        <numerusform>позначення прочитаними %Ln статті чи короткої новини</numerusform>
        <numerusform>позначення прочитаними %Ln статей і коротких новин</numerusform>
        <numerusform>позначення прочитаними %Ln статей і коротких новин</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MarkAllController</name>
    <message>
      <source>Cancel</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Finding the items shown…</source>
      <translation>Пошук показаних записів…</translation>
    </message>
    <message>
      <source>Mark all shown as read</source>
      <translation>Позначити всі показані прочитаними</translation>
    </message>
    <message>
      <source>Marking article or brief %1 of %2 read…</source>
      <translation>Позначаю прочитаною статтю чи коротку новину %1 з %2…</translation>
    </message>
  </context>
  <context>
    <name>OpenArchiveDialog</name>
    <message>
      <source>&amp;Browse…</source>
      <translation>&amp;Огляд…</translation>
    </message>
    <message>
      <source>&amp;Database</source>
      <translation>&amp;База даних</translation>
    </message>
    <message>
      <source>&amp;Host</source>
      <translation>&amp;Хост</translation>
    </message>
    <message>
      <source>&amp;Port</source>
      <translation>&amp;Порт</translation>
    </message>
    <message>
      <source>&amp;Recent archives</source>
      <translation>&amp;Нещодавні архіви</translation>
    </message>
    <message>
      <source>&amp;TLS (sslmode)</source>
      <translation>&amp;TLS (sslmode)</translation>
    </message>
    <message>
      <source>&amp;User</source>
      <translation>&amp;Користувач</translation>
    </message>
    <message>
      <source>A team's archive on a &amp;server (PostgreSQL)</source>
      <translation>Спільний архів команди на &amp;сервері (PostgreSQL)</translation>
    </message>
    <message>
      <source>An archive &amp;file on this computer</source>
      <translation>&amp;Файл архіву на цьому компʼютері</translation>
    </message>
    <message>
      <source>Archives (*.sqlite *.db);;All files (*)</source>
      <translation>Архіви (*.sqlite *.db);;Усі файли (*)</translation>
    </message>
    <message>
      <source>Choose an archive file.</source>
      <translation>Виберіть файл архіву.</translation>
    </message>
    <message>
      <source>Give the database's name.</source>
      <translation>Вкажіть назву бази даних.</translation>
    </message>
    <message>
      <source>Looking at %1…</source>
      <translation>Перевірка %1…</translation>
    </message>
    <message>
      <source>No system keyring here (the keyring package is not installed).</source>
      <translation>Системного сховища ключів тут немає (пакет keyring не встановлено).</translation>
    </message>
    <message>
      <source>Open archive</source>
      <translation>Відкрити архів</translation>
    </message>
    <message>
      <source>Pass&amp;word</source>
      <translation>Па&amp;роль</translation>
    </message>
    <message>
      <source>Recent archives</source>
      <translation>Нещодавні архіви</translation>
    </message>
    <message>
      <source>Remember the password in the system &amp;keyring</source>
      <translation>&amp;Зберегти пароль у системному сховищі ключів</translation>
    </message>
    <message>
      <source>This archive cannot be opened: %1</source>
      <translation>Цей архів не вдається відкрити: %1</translation>
    </message>
    <message>
      <source>default (5432)</source>
      <translation>типовий (5432)</translation>
    </message>
    <message>
      <source>empty: ~/.pgpass, a service file or PGPASSWORD</source>
      <translation>порожньо: ~/.pgpass, файл служб або PGPASSWORD</translation>
    </message>
  </context>
  <context>
    <name>OpenFiles</name>
    <message>
      <source>The archive is open read-only; %1 was not imported.</source>
      <translation>Архів відкрито лише для читання; %1 не імпортовано.</translation>
    </message>
  </context>
  <context>
    <name>Operations</name>
    <message>
      <source>Unexpected error (details are in the log): %1</source>
      <translation>Неочікувана помилка (подробиці в журналі): %1</translation>
    </message>
  </context>
  <context>
    <name>PageDialog</name>
    <message numerus="yes">
      <source>%n brief(s)</source>
      <translation>
        <numerusform>%n коротка новина</numerusform>
        <numerusform>%n короткі новини</numerusform>
        <numerusform>%n коротких новин</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Відкинути</translation>
    </message>
    <message>
      <source>&amp;Keep editing</source>
      <translation>&amp;Редагувати далі</translation>
    </message>
    <message>
      <source>&amp;Read page</source>
      <translation>&amp;Прочитати сторінку</translation>
    </message>
    <message>
      <source>Article</source>
      <translation>Стаття</translation>
    </message>
    <message>
      <source>Article and briefs found in the page</source>
      <translation>Стаття та короткі новини, знайдені на сторінці</translation>
    </message>
    <message>
      <source>Brief</source>
      <translation>Коротка новина</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Discard this page?</source>
      <translation>Відкинути цю сторінку?</translation>
    </message>
    <message>
      <source>Found: %1.</source>
      <translation>Знайдено: %1.</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>Заголовок</translation>
    </message>
    <message>
      <source>Keep</source>
      <translation>Залишити</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Link the article to the stored loss report of %1</source>
      <translation>Повʼязати статтю зі збереженим зведенням про втрати за %1</translation>
    </message>
    <message>
      <source>No page found: %1</source>
      <translation>Сторінку не знайдено: %1</translation>
    </message>
    <message>
      <source>Nothing new: the archive already holds %1.</source>
      <translation>Нічого нового: архів уже містить %1.</translation>
    </message>
    <message>
      <source>Nothing was saved: %1</source>
      <translation>Нічого не збережено: %1</translation>
    </message>
    <message>
      <source>Page text</source>
      <translation>Текст сторінки</translation>
    </message>
    <message>
      <source>Paste a news page copied from the browser (or its saved HTML) and press Read. Its article, its briefs and the loss report it states are listed below.</source>
      <translation>Вставте сторінку новин, скопійовану з браузера (або її збережений HTML), і натисніть «Прочитати сторінку». Нижче буде показано її статтю, короткі новини та зведення про втрати, яке вона наводить.</translation>
    </message>
    <message>
      <source>Paste a page first.</source>
      <translation>Спершу вставте сторінку.</translation>
    </message>
    <message>
      <source>Paste page</source>
      <translation>Вставити сторінку</translation>
    </message>
    <message>
      <source>Paste the page here</source>
      <translation>Вставте сторінку сюди</translation>
    </message>
    <message>
      <source>Published (Kyiv time)</source>
      <translation>Опубліковано (за київським часом)</translation>
    </message>
    <message>
      <source>Reading the page…</source>
      <translation>Читання сторінки…</translation>
    </message>
    <message numerus="yes">
      <source>Save the loss report of %1 (%n figure(s)) and link the article to it</source>
      <translation>
        <numerusform>Зберегти зведення про втрати за %1 (%n цифра) і повʼязати з ним статтю</numerusform>
        <numerusform>Зберегти зведення про втрати за %1 (%n цифри) і повʼязати з ним статтю</numerusform>
        <numerusform>Зберегти зведення про втрати за %1 (%n цифр) і повʼязати з ним статтю</numerusform>
      </translation>
    </message>
    <message>
      <source>Saved from the page: %1.</source>
      <translation>Збережено зі сторінки: %1.</translation>
    </message>
    <message>
      <source>Saving…</source>
      <translation>Збереження…</translation>
    </message>
    <message>
      <source>The text pasted and what was chosen in it are not saved.</source>
      <translation>Вставлений текст і те, що в ньому вибрано, не збережено.</translation>
    </message>
    <message>
      <source>This text is a loss report without an article or briefs: paste it into Edit ▸ New report… (Ctrl+R), which shows its figures and checks them before saving.</source>
      <translation>Цей текст — зведення про втрати без статті й новин: вставте його в Редагування ▸ Нове зведення… (Ctrl+R), де його цифри буде показано й перевірено перед збереженням.</translation>
    </message>
    <message>
      <source>an article</source>
      <translation>статтю</translation>
    </message>
    <message>
      <source>corrected</source>
      <translation>виправлено</translation>
    </message>
    <message>
      <source>estimated</source>
      <translation>оцінено</translation>
    </message>
    <message>
      <source>save page (%1)</source>
      <translation>збереження сторінки (%1)</translation>
    </message>
    <message>
      <source>stated</source>
      <translation>вказано</translation>
    </message>
    <message>
      <source>the loss report of %1</source>
      <translation>зведення про втрати за %1</translation>
    </message>
  </context>
  <context>
    <name>ProblemsDock</name>
    <message>
      <source>Data &amp;problems</source>
      <translation>&amp;Проблеми даних</translation>
    </message>
    <message>
      <source>Data problems</source>
      <translation>Проблеми даних</translation>
    </message>
  </context>
  <context>
    <name>ProblemsView</name>
    <message>
      <source>%1 of %2</source>
      <translation>%1 з %2</translation>
    </message>
    <message numerus="yes">
      <source>%n problem(s) found. They are shown, never fixed: the official figures do decrease on some days.</source>
      <translation>
        <numerusform>Знайдено %n проблему. Її лише показано, не виправлено: офіційні цифри справді інколи зменшуються.</numerusform>
        <numerusform>Знайдено %n проблеми. Їх лише показано, не виправлено: офіційні цифри справді інколи зменшуються.</numerusform>
        <numerusform>Знайдено %n проблем. Їх лише показано, не виправлено: офіційні цифри справді інколи зменшуються.</numerusform>
      </translation>
    </message>
    <message>
      <source>Category</source>
      <translation>Категорія</translation>
    </message>
    <message>
      <source>Data problems</source>
      <translation>Проблеми даних</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>Подробиці</translation>
    </message>
    <message>
      <source>Double-click or press Enter to open the report</source>
      <translation>Двічі клацніть або натисніть Enter, щоб відкрити зведення</translation>
    </message>
    <message>
      <source>Filter by date, category or words</source>
      <translation>Фільтр за датою, категорією чи словами</translation>
    </message>
    <message>
      <source>Filter the problems</source>
      <translation>Фільтрувати проблеми</translation>
    </message>
    <message>
      <source>No article in the archive published this report</source>
      <translation>Жодна стаття в архіві не публікувала це зведення</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>Проблем не знайдено.</translation>
    </message>
    <message>
      <source>Ope&amp;n article</source>
      <translation>Відкрити статт&amp;ю</translation>
    </message>
    <message>
      <source>Open the article that published the selected problem's report</source>
      <translation>Відкрити статтю, що опублікувала зведення вибраної проблеми</translation>
    </message>
    <message>
      <source>Open “%1” (Archive tab)</source>
      <translation>Відкрити «%1» (вкладка «Архів»)</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>Проблема</translation>
    </message>
    <message>
      <source>article ≠ report</source>
      <translation>стаття ≠ зведення</translation>
    </message>
    <message>
      <source>dated before the war</source>
      <translation>дата до початку війни</translation>
    </message>
    <message>
      <source>dated in the future</source>
      <translation>дата в майбутньому</translation>
    </message>
    <message>
      <source>missing days</source>
      <translation>пропущені дні</translation>
    </message>
    <message>
      <source>stated ≠ derived change</source>
      <translation>заявлена ≠ обчислена зміна</translation>
    </message>
    <message>
      <source>total decreased</source>
      <translation>«усього» зменшилося</translation>
    </message>
    <message>
      <source>total fell too far (lost digits?)</source>
      <translation>«усього» впало надто сильно (втрачено цифри?)</translation>
    </message>
  </context>
  <context>
    <name>ReaderView</name>
    <message>
      <source>Article</source>
      <translation>Стаття</translation>
    </message>
    <message>
      <source>Brief</source>
      <translation>Коротка новина</translation>
    </message>
    <message>
      <source>Select an article or brief to read it here.</source>
      <translation>Виберіть статтю чи коротку новину, щоб прочитати її тут.</translation>
    </message>
    <message>
      <source>about %1 (estimated: the source gave no time)</source>
      <translation>близько %1 (оцінено: джерело не вказало часу)</translation>
    </message>
  </context>
  <context>
    <name>ReportCommands</name>
    <message>
      <source>&amp;Redo</source>
      <translation>&amp;Повторити</translation>
    </message>
    <message>
      <source>&amp;Undo</source>
      <translation>&amp;Скасувати</translation>
    </message>
    <message>
      <source>delete report {date}</source>
      <translation>видалення зведення за {date}</translation>
    </message>
    <message>
      <source>delete {count} reports</source>
      <translation>видалення зведень ({count})</translation>
    </message>
    <message>
      <source>save report {date}</source>
      <translation>збереження зведення за {date}</translation>
    </message>
  </context>
  <context>
    <name>ReportDialog</name>
    <message numerus="yes">
      <source>%n error(s) to fix before saving</source>
      <translation>
        <numerusform>%n помилку слід виправити перед збереженням</numerusform>
        <numerusform>%n помилки слід виправити перед збереженням</numerusform>
        <numerusform>%n помилок слід виправити перед збереженням</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n line(s) could not be read: see Checks.</source>
      <translation>
        <numerusform>%n рядок не вдалося прочитати: див. «Перевірки».</numerusform>
        <numerusform>%n рядки не вдалося прочитати: див. «Перевірки».</numerusform>
        <numerusform>%n рядків не вдалося прочитати: див. «Перевірки».</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n warning(s): check them; saving is allowed.</source>
      <translation>
        <numerusform>%n попередження: перевірте його; зберегти можна.</numerusform>
        <numerusform>%n попередження: перевірте їх; зберегти можна.</numerusform>
        <numerusform>%n попереджень: перевірте їх; зберегти можна.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Date:</source>
      <translation>&amp;Дата:</translation>
    </message>
    <message>
      <source>&amp;Discard</source>
      <translation>&amp;Відкинути</translation>
    </message>
    <message>
      <source>&amp;Fill from text</source>
      <translation>&amp;Заповнити з тексту</translation>
    </message>
    <message>
      <source>&amp;Keep editing</source>
      <translation>&amp;Редагувати далі</translation>
    </message>
    <message>
      <source>&amp;Merge</source>
      <translation>&amp;Обʼєднати</translation>
    </message>
    <message>
      <source>&amp;Note:</source>
      <translation>&amp;Примітка:</translation>
    </message>
    <message>
      <source>&amp;Personnel figure is:</source>
      <translation>&amp;Цифра особового складу:</translation>
    </message>
    <message>
      <source>&amp;Replace</source>
      <translation>&amp;Замінити</translation>
    </message>
    <message>
      <source>(its text no longer holds a report)</source>
      <translation>(у її тексті вже немає зведення)</translation>
    </message>
    <message>
      <source>(none)</source>
      <translation>(немає)</translation>
    </message>
    <message numerus="yes">
      <source>; %n warning(s)</source>
      <translation>
        <numerusform>; %n попередження</numerusform>
        <numerusform>; %n попередження</numerusform>
        <numerusform>; %n попереджень</numerusform>
      </translation>
    </message>
    <message>
      <source>A guess: the pasted text gives no date. Set the report's date.</source>
      <translation>Припущення: у вставленому тексті немає дати. Вкажіть дату зведення.</translation>
    </message>
    <message numerus="yes">
      <source>A report for {date} is already stored (%n figure(s)).</source>
      <translation>
        <numerusform>Зведення за {date} уже збережено (%n цифра).</numerusform>
        <numerusform>Зведення за {date} уже збережено (%n цифри).</numerusform>
        <numerusform>Зведення за {date} уже збережено (%n цифр).</numerusform>
      </translation>
    </message>
    <message>
      <source>A report for {date} is already stored; saving asks whether to replace it or merge into it.</source>
      <translation>Зведення за {date} уже збережено; під час збереження буде запитано, замінити його чи обʼєднати.</translation>
    </message>
    <message>
      <source>Checks</source>
      <translation>Перевірки</translation>
    </message>
    <message>
      <source>Could not read: %2</source>
      <translation>Не вдалося прочитати: %2</translation>
    </message>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Dated {date}: {how}.</source>
      <translation>Дата {date}: {how}.</translation>
    </message>
    <message>
      <source>Discard this report?</source>
      <translation>Відкинути це зведення?</translation>
    </message>
    <message>
      <source>Double-click or press Enter to go to the row</source>
      <translation>Двічі клацніть або натисніть Enter, щоб перейти до рядка</translation>
    </message>
    <message>
      <source>Double-click or press Enter to select the line</source>
      <translation>Двічі клацніть або натисніть Enter, щоб виділити рядок</translation>
    </message>
    <message>
      <source>Edit report</source>
      <translation>Редагувати зведення</translation>
    </message>
    <message>
      <source>Enter at least one total.</source>
      <translation>Введіть принаймні одне значення «усього».</translation>
    </message>
    <message>
      <source>Figure &amp;history…</source>
      <translation>&amp;Історія цифр…</translation>
    </message>
    <message numerus="yes">
      <source>Filled %n figure(s) from the text.</source>
      <translation>
        <numerusform>З тексту заповнено %n цифру.</numerusform>
        <numerusform>З тексту заповнено %n цифри.</numerusform>
        <numerusform>З тексту заповнено %n цифр.</numerusform>
      </translation>
    </message>
    <message>
      <source>Line %1 could not be read: %2</source>
      <translation>Рядок %1 не вдалося прочитати: %2</translation>
    </message>
    <message>
      <source>New report</source>
      <translation>Нове зведення</translation>
    </message>
    <message>
      <source>No problems found.</source>
      <translation>Проблем не знайдено.</translation>
    </message>
    <message>
      <source>No report found: {reason}</source>
      <translation>Зведення не знайдено: {reason}</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Примітка</translation>
    </message>
    <message>
      <source>Paste report te&amp;xt:</source>
      <translation>&amp;Вставте текст зведення:</translation>
    </message>
    <message>
      <source>Paste the General Staff's post or a news report here, then press Fill.</source>
      <translation>Вставте сюди допис Генштабу чи новину, потім натисніть «Заповнити з тексту».</translation>
    </message>
    <message>
      <source>Published in</source>
      <translation>Опубліковано в</translation>
    </message>
    <message>
      <source>Qualifier</source>
      <translation>Уточнення</translation>
    </message>
    <message>
      <source>Replace: keep only this report's figures.
Merge: take this report's figures and keep the stored ones it does not state.</source>
      <translation>Замінити: залишити лише цифри цього зведення.
Обʼєднати: взяти цифри цього зведення й залишити збережені, яких воно не вказує.</translation>
    </message>
    <message>
      <source>Report already stored</source>
      <translation>Зведення вже збережено</translation>
    </message>
    <message>
      <source>Report not saved</source>
      <translation>Зведення не збережено</translation>
    </message>
    <message>
      <source>Report text to read figures from</source>
      <translation>Текст, з якого прочитати цифри</translation>
    </message>
    <message>
      <source>Save the report (Ctrl+Return)</source>
      <translation>Зберегти зведення (Ctrl+Return)</translation>
    </message>
    <message>
      <source>The archive is open read-only.</source>
      <translation>Архів відкрито лише для читання.</translation>
    </message>
    <message>
      <source>The figures typed or filled in are not saved.</source>
      <translation>Введені або заповнені з тексту цифри не збережено.</translation>
    </message>
    <message>
      <source>The report of {date} was not saved: {reason}</source>
      <translation>Зведення за {date} не збережено: {reason}</translation>
    </message>
    <message>
      <source>The text gives no date that can be established: the date above is a guess. Check it before saving.</source>
      <translation>З тексту не вдається встановити дату: дата вгорі — лише припущення. Перевірте її перед збереженням.</translation>
    </message>
    <message>
      <source>The text is dated {date}, after today: the date above is not the text's. Check the text, and set the report's date before saving.</source>
      <translation>Текст датовано {date}, пізніше за сьогодні: дата вгорі — не дата тексту. Перевірте текст і встановіть дату зведення перед збереженням.</translation>
    </message>
    <message>
      <source>The text is dated {date}; this report's date is kept.</source>
      <translation>Текст датовано {date}; дату цього зведення залишено.</translation>
    </message>
    <message>
      <source>The text states only the day's change for: {names}. Type their totals.</source>
      <translation>Текст називає лише зміну за добу для: {names}. Введіть значення «усього».</translation>
    </message>
    <message>
      <source>about</source>
      <translation>близько</translation>
    </message>
    <message>
      <source>another program</source>
      <translation>інша програма</translation>
    </message>
    <message>
      <source>date found from the General Staff's figures the program carries</source>
      <translation>дату визначено за цифрами Генштабу, які має програма</translation>
    </message>
    <message>
      <source>date found from the General Staff's figures the program carries; one figure differs from them: %1 %2</source>
      <translation>дату визначено за цифрами Генштабу, які має програма; одна цифра з ними не збігається: %1 %2</translation>
    </message>
    <message>
      <source>date found from the figures in the archive</source>
      <translation>дату визначено за цифрами в архіві</translation>
    </message>
    <message>
      <source>day {day} of the war</source>
      <translation>{day}-й день війни</translation>
    </message>
    <message>
      <source>e.g. the direction with the greatest losses</source>
      <translation>напр. напрямок із найбільшими втратами</translation>
    </message>
    <message>
      <source>from the day of the war the text names</source>
      <translation>з дня війни, названого в тексті</translation>
    </message>
    <message>
      <source>more than</source>
      <translation>понад</translation>
    </message>
    <message>
      <source>year found from the figures</source>
      <translation>рік визначено за цифрами</translation>
    </message>
    <message>
      <source>year from the day of the war the text names</source>
      <translation>рік — з дня війни, названого в тексті</translation>
    </message>
    <message>
      <source>year from the page's date</source>
      <translation>рік — з дати сторінки</translation>
    </message>
    <message>
      <source>year from “last year” in the text</source>
      <translation>рік — зі слів «минулого року» в тексті</translation>
    </message>
  </context>
  <context>
    <name>ReportTableModel</name>
    <message>
      <source>Date</source>
      <translation>Дата</translation>
    </message>
    <message>
      <source>Day</source>
      <translation>День</translation>
    </message>
    <message>
      <source>Day of the war (24 Feb 2022 is day 1)</source>
      <translation>День війни (24 лютого 2022 — 1-й день)</translation>
    </message>
    <message>
      <source>Derived change: none (no report the day before)</source>
      <translation>Обчислена зміна: немає (немає зведення за попередній день)</translation>
    </message>
    <message>
      <source>Derived change: {change} (since {date})</source>
      <translation>Обчислена зміна: {change} (від {date})</translation>
    </message>
    <message>
      <source>Published in</source>
      <translation>Опубліковано в</translation>
    </message>
    <message>
      <source>Stated change: not stated</source>
      <translation>Заявлена зміна: не вказано</translation>
    </message>
    <message>
      <source>Stated change: {change}</source>
      <translation>Заявлена зміна: {change}</translation>
    </message>
    <message>
      <source>The article that published the report; double-click to open it</source>
      <translation>Стаття, що опублікувала зведення; двічі клацніть, щоб відкрити її</translation>
    </message>
    <message>
      <source>Warning: {message}</source>
      <translation>Попередження: {message}</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>попередження</translation>
    </message>
    <message>
      <source>{category} change</source>
      <translation>{category}: зміна</translation>
    </message>
    <message>
      <source>{category}: not reported</source>
      <translation>{category}: немає у зведенні</translation>
    </message>
  </context>
  <context>
    <name>RestoreController</name>
    <message>
      <source>Cancel</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Checking the backup…</source>
      <translation>Перевірка резервної копії…</translation>
    </message>
    <message>
      <source>Keeping a safety copy of the archive…</source>
      <translation>Збереження страхувальної копії архіву…</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Відновлення з резервної копії</translation>
    </message>
    <message>
      <source>Restoring the archive…</source>
      <translation>Відновлення архіву…</translation>
    </message>
  </context>
  <context>
    <name>RestoreDialog</name>
    <message>
      <source>%1 articles and briefs, %2 reports</source>
      <translation>статей і коротких новин: %1, зведень: %2</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Відновити</translation>
    </message>
    <message>
      <source>Backup</source>
      <translation>Резервна копія</translation>
    </message>
    <message>
      <source>Backups</source>
      <translation>Резервні копії</translation>
    </message>
    <message>
      <source>Choose a copy to go back to. The archive as it is now is kept as a safety copy in the backups folder first.</source>
      <translation>Виберіть копію, до якої повернутися. Поточний архів спершу буде збережено як страхувальну копію в теці резервних копій.</translation>
    </message>
    <message>
      <source>Frontline Archive (*.sqlite);;All files (*)</source>
      <translation>Frontline Archive (*.sqlite);;Усі файли (*)</translation>
    </message>
    <message>
      <source>Holds</source>
      <translation>Містить</translation>
    </message>
    <message>
      <source>Nothing was restored.</source>
      <translation>Нічого не відновлено.</translation>
    </message>
    <message>
      <source>Other &amp;file…</source>
      <translation>Інший &amp;файл…</translation>
    </message>
    <message>
      <source>Replace the archive by the backup “%1” (%2 articles and briefs, %3 reports)? The archive as it is now is kept as a safety copy first.</source>
      <translation>Замінити архів резервною копією «%1» (статей і коротких новин: %2, зведень: %3)? Поточний архів спершу буде збережено як страхувальну копію.</translation>
    </message>
    <message>
      <source>Restore from backup</source>
      <translation>Відновлення з резервної копії</translation>
    </message>
    <message>
      <source>Restored from %1; the archive as it was is kept in %2</source>
      <translation>Відновлено з %1; попередній стан архіву збережено в %2</translation>
    </message>
    <message>
      <source>Restoring the archive from %1…</source>
      <translation>Відновлення архіву з %1…</translation>
    </message>
    <message>
      <source>Size</source>
      <translation>Розмір</translation>
    </message>
    <message>
      <source>Taken</source>
      <translation>Створено</translation>
    </message>
    <message>
      <source>The archive is open read-only.</source>
      <translation>Архів відкрито лише для читання.</translation>
    </message>
    <message>
      <source>The restore was stopped; the archive was not changed.</source>
      <translation>Відновлення зупинено; архів не змінено.</translation>
    </message>
    <message>
      <source>There are no backups beside this archive yet. Use Other file… to restore a copy kept elsewhere.</source>
      <translation>Поруч із цим архівом ще немає резервних копій. Скористайтеся «Інший файл…», щоб відновити копію з іншого місця.</translation>
    </message>
    <message>
      <source>cannot be restored: %1</source>
      <translation>не можна відновити: %1</translation>
    </message>
  </context>
  <context>
    <name>SavedSearchesBox</name>
    <message>
      <source>&amp;Remove saved search</source>
      <translation>&amp;Видалити збережений пошук</translation>
    </message>
    <message>
      <source>Enter or a click runs the search; Delete removes it</source>
      <translation>Enter або клацання запускає пошук; Delete видаляє його</translation>
    </message>
    <message>
      <source>Keep this search and its filters under a name</source>
      <translation>Зберегти цей пошук і його фільтри під назвою</translation>
    </message>
    <message>
      <source>Name for this search and its filters:</source>
      <translation>Назва для цього пошуку та його фільтрів:</translation>
    </message>
    <message>
      <source>Save &amp;this search…</source>
      <translation>Зберегти &amp;цей пошук…</translation>
    </message>
    <message>
      <source>Save search</source>
      <translation>Зберегти пошук</translation>
    </message>
    <message>
      <source>Saved searches</source>
      <translation>Збережені пошуки</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <source>Choose several items</source>
      <translation>Вибрати кілька записів</translation>
    </message>
    <message>
      <source>Clear the search field</source>
      <translation>Очистити поле пошуку</translation>
    </message>
    <message>
      <source>Command</source>
      <translation>Команда</translation>
    </message>
    <message>
      <source>Edit the selected loss report</source>
      <translation>Редагувати вибране зведення про втрати</translation>
    </message>
    <message>
      <source>First / last item</source>
      <translation>Перший / останній запис</translation>
    </message>
    <message>
      <source>From the search field to its results</source>
      <translation>З поля пошуку до результатів</translation>
    </message>
    <message>
      <source>In the article list</source>
      <translation>У списку записів</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Клавіші</translation>
    </message>
    <message>
      <source>Menu of the selected row</source>
      <translation>Меню вибраного рядка</translation>
    </message>
    <message>
      <source>Next / previous item</source>
      <translation>Наступний / попередній запис</translation>
    </message>
    <message>
      <source>Open the selected item</source>
      <translation>Відкрити вибраний запис</translation>
    </message>
    <message>
      <source>Search from the list</source>
      <translation>Пошук зі списку</translation>
    </message>
    <message>
      <source>j, k, s, t, / on a Ukrainian layout</source>
      <translation>j, k, s, t, / в українській розкладці</translation>
    </message>
  </context>
  <context>
    <name>Sources</name>
    <message>
      <source> min</source>
      <translation> хв</translation>
    </message>
    <message>
      <source>%1 sources exported to %2</source>
      <translation>Джерел експортовано: %1, до %2</translation>
    </message>
    <message numerus="yes">
      <source>%n days ago</source>
      <translation>
        <numerusform>%n день тому</numerusform>
        <numerusform>%n дні тому</numerusform>
        <numerusform>%n днів тому</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n h ago</source>
      <translation>
        <numerusform>%n год тому</numerusform>
        <numerusform>%n год тому</numerusform>
        <numerusform>%n год тому</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n min ago</source>
      <translation>
        <numerusform>%n хв тому</numerusform>
        <numerusform>%n хв тому</numerusform>
        <numerusform>%n хв тому</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sources failed (see the Sources panel)</source>
      <translation>
        <numerusform>%n джерело не оновлено (див. панель «Джерела»)</numerusform>
        <numerusform>%n джерела не оновлено (див. панель «Джерела»)</numerusform>
        <numerusform>%n джерел не оновлено (див. панель «Джерела»)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sources failing; select one to see why.</source>
      <translation>
        <numerusform>%n джерело з помилкою; виберіть його, щоб побачити чому.</numerusform>
        <numerusform>%n джерела з помилками; виберіть одне, щоб побачити чому.</numerusform>
        <numerusform>%n джерел з помилками; виберіть одне, щоб побачити чому.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;Address:</source>
      <translation>&amp;Адреса:</translation>
    </message>
    <message>
      <source>&amp;Entries are:</source>
      <translation>&amp;Записи — це:</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>&amp;Назва:</translation>
    </message>
    <message>
      <source>&amp;Tags:</source>
      <translation>&amp;Мітки:</translation>
    </message>
    <message>
      <source>&amp;Update selected</source>
      <translation>Оновити вибран&amp;і</translation>
    </message>
    <message>
      <source>A&amp;dd…</source>
      <translation>Д&amp;одати…</translation>
    </message>
    <message>
      <source>Add source</source>
      <translation>Додати джерело</translation>
    </message>
    <message>
      <source>An update of the sources is running already.</source>
      <translation>Оновлення джерел уже триває.</translation>
    </message>
    <message>
      <source>Another program wrote a value this program does not read: %1. The settings you save here replace it.</source>
      <translation>Інша програма записала значення, якого ця програма не читає: %1. Налаштування, які ви тут збережете, замінять його.</translation>
    </message>
    <message>
      <source>Articles</source>
      <translation>Статті</translation>
    </message>
    <message>
      <source>Briefs</source>
      <translation>Короткі новини</translation>
    </message>
    <message>
      <source>Each by its form</source>
      <translation>Кожен за його виглядом</translation>
    </message>
    <message>
      <source>Ed&amp;it…</source>
      <translation>Змі&amp;нити…</translation>
    </message>
    <message>
      <source>Export the list (OPML)…</source>
      <translation>Експортувати список (OPML)…</translation>
    </message>
    <message>
      <source>Export the list of sources</source>
      <translation>Експорт списку джерел</translation>
    </message>
    <message>
      <source>Fetch each article's page for its full text</source>
      <translation>Завантажувати сторінку кожної статті заради повного тексту</translation>
    </message>
    <message>
      <source>Import a list (OPML)…</source>
      <translation>Імпортувати список (OPML)…</translation>
    </message>
    <message>
      <source>Import a list of sources</source>
      <translation>Імпорт списку джерел</translation>
    </message>
    <message>
      <source>Import or export the list of sources as OPML</source>
      <translation>Імпортувати або експортувати список джерел як OPML</translation>
    </message>
    <message>
      <source>Last asked: %1</source>
      <translation>Останній запит: %1</translation>
    </message>
    <message>
      <source>Last update</source>
      <translation>Останнє оновлення</translation>
    </message>
    <message>
      <source>Lists</source>
      <translation>Списки</translation>
    </message>
    <message>
      <source>Lists of sources</source>
      <translation>Списки джерел</translation>
    </message>
    <message>
      <source>Lists of sources (*.opml *.xml);;All files (*)</source>
      <translation>Списки джерел (*.opml *.xml);;Усі файли (*)</translation>
    </message>
    <message>
      <source>Looking up %1…</source>
      <translation>Перевірка адреси %1…</translation>
    </message>
    <message>
      <source>No sources yet. Add… takes a feed's or a news site's address (RSS or Atom): its new articles and briefs are then collected while the program runs.</source>
      <translation>Джерел ще немає. «Додати…» приймає адресу стрічки чи новинного сайту (RSS або Atom): його нові статті й короткі новини збиратимуться, поки програма працює.</translation>
    </message>
    <message>
      <source>Not asked again before %1</source>
      <translation>Наступний запит не раніше %1</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>Гаразд</translation>
    </message>
    <message>
      <source>OPML (*.opml)</source>
      <translation>OPML (*.opml)</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>Вилучити</translation>
    </message>
    <message>
      <source>Remove sources</source>
      <translation>Вилучити джерела</translation>
    </message>
    <message>
      <source>Select a source to edit.</source>
      <translation>Виберіть джерело, щоб його змінити.</translation>
    </message>
    <message>
      <source>Settings of %1 saved</source>
      <translation>Налаштування «%1» збережено</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Джерело</translation>
    </message>
    <message>
      <source>Source settings</source>
      <translation>Налаштування джерела</translation>
    </message>
    <message>
      <source>Sources</source>
      <translation>Джерела</translation>
    </message>
    <message>
      <source>Sources could not be updated: %1</source>
      <translation>Не вдалося оновити джерела: %1</translation>
    </message>
    <message numerus="yes">
      <source>Sources updated: %n new</source>
      <translation>
        <numerusform>Джерела оновлено: %n новий запис</numerusform>
        <numerusform>Джерела оновлено: %n нові записи</numerusform>
        <numerusform>Джерела оновлено: %n нових записів</numerusform>
      </translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Стан</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Зупинити</translation>
    </message>
    <message>
      <source>Stop following %1? Their articles and briefs stay in the archive.</source>
      <translation>Більше не стежити за %1? Їхні статті й короткі новини залишаться в архіві.</translation>
    </message>
    <message>
      <source>Stopping the update…</source>
      <translation>Оновлення зупиняється…</translation>
    </message>
    <message>
      <source>Subscribed to %1</source>
      <translation>Підписано на %1</translation>
    </message>
    <message>
      <source>U&amp;pdate all</source>
      <translation>Оновити в&amp;сі</translation>
    </message>
    <message>
      <source>Unread</source>
      <translation>Непрочитані</translation>
    </message>
    <message>
      <source>Update &amp;every:</source>
      <translation>Оновлювати &amp;кожні:</translation>
    </message>
    <message numerus="yes">
      <source>Update of the sources stopped: %n new</source>
      <translation>
        <numerusform>Оновлення джерел зупинено: %n новий запис</numerusform>
        <numerusform>Оновлення джерел зупинено: %n нові записи</numerusform>
        <numerusform>Оновлення джерел зупинено: %n нових записів</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Updating %n sources…</source>
      <translation>
        <numerusform>Оновлення %n джерела…</numerusform>
        <numerusform>Оновлення %n джерел…</numerusform>
        <numerusform>Оновлення %n джерел…</numerusform>
      </translation>
    </message>
    <message>
      <source>Updating sources: %1 of %2</source>
      <translation>Оновлення джерел: %1 з %2</translation>
    </message>
    <message>
      <source>a feed's or a site's address</source>
      <translation>адреса стрічки або сайту</translation>
    </message>
    <message>
      <source>added to its items, separated by commas</source>
      <translation>додаються до його матеріалів, через кому</translation>
    </message>
    <message>
      <source>failing</source>
      <translation>збій</translation>
    </message>
    <message>
      <source>gone</source>
      <translation>зникло</translation>
    </message>
    <message>
      <source>gone: the server retired this address</source>
      <translation>зникло: сервер більше не обслуговує цю адресу</translation>
    </message>
    <message>
      <source>just now</source>
      <translation>щойно</translation>
    </message>
    <message>
      <source>never</source>
      <translation>ще ніколи</translation>
    </message>
    <message>
      <source>new</source>
      <translation>нове</translation>
    </message>
    <message>
      <source>not updated yet</source>
      <translation>ще не оновлено</translation>
    </message>
    <message>
      <source>offline — last update %1</source>
      <translation>немає мережі — останнє оновлення %1</translation>
    </message>
    <message>
      <source>the feed's own title</source>
      <translation>власна назва стрічки</translation>
    </message>
  </context>
  <context>
    <name>SpokenArchiveModel</name>
    <message>
      <source>starred</source>
      <translation>із зіркою</translation>
    </message>
    <message>
      <source>unread</source>
      <translation>не прочитано</translation>
    </message>
  </context>
  <context>
    <name>Startup</name>
    <message>
      <source>Offline copy from %1 — read-only (%2 cannot be reached)</source>
      <translation>Офлайн-копія від %1 — лише для читання (%2 недоступний)</translation>
    </message>
    <message>
      <source>The archive could not be opened.</source>
      <translation>Не вдалося відкрити архів.</translation>
    </message>
    <message>
      <source>Upgrading the archive for this release: a backup of it first, then the new indexes (about 11 s for a million items)…</source>
      <translation>Оновлення архіву для цієї версії: спершу його резервна копія, потім нові індекси (близько 11 с для мільйона записів)…</translation>
    </message>
  </context>
  <context>
    <name>TableTools</name>
    <message>
      <source>&amp;Copy rows</source>
      <translation>&amp;Копіювати рядки</translation>
    </message>
    <message>
      <source>&amp;Sort by “%1”</source>
      <translation>&amp;Сортувати за «%1»</translation>
    </message>
    <message>
      <source>&amp;Year:</source>
      <translation>&amp;Показати:</translation>
    </message>
    <message>
      <source>All years</source>
      <translation>Усі роки</translation>
    </message>
    <message>
      <source>Select &amp;all</source>
      <translation>Виділити вс&amp;е</translation>
    </message>
    <message>
      <source>Sort figures by &amp;total</source>
      <translation>Сортувати цифри за &amp;підсумком</translation>
    </message>
    <message>
      <source>Sort figures by daily chan&amp;ge</source>
      <translation>Сортувати цифри за добовою &amp;зміною</translation>
    </message>
    <message>
      <source>The year whose reports the table shows</source>
      <translation>Рік, зведення якого показує таблиця</translation>
    </message>
    <message>
      <source>Year</source>
      <translation>Рік</translation>
    </message>
  </context>
  <context>
    <name>Theme</name>
    <message>
      <source>&amp;Dark</source>
      <translation>&amp;Темна</translation>
    </message>
    <message>
      <source>&amp;Light</source>
      <translation>&amp;Світла</translation>
    </message>
    <message>
      <source>&amp;System</source>
      <translation>&amp;Як у системі</translation>
    </message>
    <message>
      <source>&amp;Theme</source>
      <translation>Т&amp;ема</translation>
    </message>
  </context>
  <context>
    <name>TimelineModel</name>
    <message numerus="yes">
      <source>%1 · %Ln item(s)</source>
      <translation>
        <numerusform>%1 · %Ln запис</numerusform>
        <numerusform>%1 · %Ln записи</numerusform>
        <numerusform>%1 · %Ln записів</numerusform>
      </translation>
    </message>
    <message>
      <source>Time stored in another program's form</source>
      <translation>Час записано у формі іншої програми</translation>
    </message>
    <message>
      <source>starred</source>
      <translation>із зіркою</translation>
    </message>
    <message>
      <source>time estimated</source>
      <translation>час приблизний</translation>
    </message>
    <message>
      <source>unread</source>
      <translation>не прочитано</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <source>&amp;Delete for good</source>
      <translation>Видалити &amp;назавжди</translation>
    </message>
    <message>
      <source>&amp;Empty Trash</source>
      <translation>&amp;Спорожнити кошик</translation>
    </message>
    <message>
      <source>&amp;Restore</source>
      <translation>&amp;Відновити</translation>
    </message>
    <message>
      <source>Delete everything in the Trash for good? This cannot be undone.</source>
      <translation>Видалити назавжди все, що є в кошику? Цю дію не можна скасувати.</translation>
    </message>
    <message>
      <source>Delete the chosen entries for good (%1)? This cannot be undone.</source>
      <translation>Видалити назавжди вибрані записи (%1)? Цю дію не можна скасувати.</translation>
    </message>
    <message>
      <source>Deleted</source>
      <translation>Видалено</translation>
    </message>
    <message>
      <source>Deleted articles, briefs and reports</source>
      <translation>Видалені статті, короткі новини та зведення</translation>
    </message>
    <message>
      <source>In the Trash: %1. Kept until you empty it.</source>
      <translation>У кошику: %1. Зберігається, доки ви його не спорожните.</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>Вид</translation>
    </message>
    <message>
      <source>Nothing was restored.</source>
      <translation>Нічого не відновлено.</translation>
    </message>
    <message>
      <source>Restored from the Trash: %1.</source>
      <translation>Відновлено з кошика: %1.</translation>
    </message>
    <message>
      <source>The Trash is empty.</source>
      <translation>Кошик порожній.</translation>
    </message>
    <message>
      <source>Trash</source>
      <translation>Кошик</translation>
    </message>
    <message>
      <source>What</source>
      <translation>Що</translation>
    </message>
    <message>
      <source>article</source>
      <translation>стаття</translation>
    </message>
    <message>
      <source>brief</source>
      <translation>коротка новина</translation>
    </message>
    <message>
      <source>loss report</source>
      <translation>зведення про втрати</translation>
    </message>
  </context>
  <context>
    <name>Undo</name>
    <message>
      <source>Cancel</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Redo</source>
      <translation>Повторити</translation>
    </message>
    <message>
      <source>Redoing “%1”: %2 of %3 articles and briefs…</source>
      <translation>Повторюю «%1»: %2 з %3 статей і коротких новин…</translation>
    </message>
    <message>
      <source>Redoing “%1”…</source>
      <translation>Повторюю «%1»…</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>Скасувати</translation>
    </message>
    <message>
      <source>Undoing “%1”: %2 of %3 articles and briefs…</source>
      <translation>Скасовую «%1»: %2 з %3 статей і коротких новин…</translation>
    </message>
    <message>
      <source>Undoing “%1”…</source>
      <translation>Скасовую «%1»…</translation>
    </message>
    <message>
      <source>“%1” could not be undone or redone: %2</source>
      <translation>Не вдалося скасувати чи повторити «%1»: %2</translation>
    </message>
  </context>
  <context>
    <name>WelcomePane</name>
    <message>
      <source>Close the welcome</source>
      <translation>Закрити привітання</translation>
    </message>
    <message>
      <source>Don't show again</source>
      <translation>Більше не показувати</translation>
    </message>
    <message>
      <source>Import files…</source>
      <translation>Імпортувати файли…</translation>
    </message>
    <message>
      <source>It does not come back</source>
      <translation>Воно більше не зʼявиться</translation>
    </message>
    <message>
      <source>Next: import the datasets and feeds you have on disk (loss datasets as JSON or CSV, RSS and Atom feeds, saved pages), paste a news page or a report you copied, or type a day's report.</source>
      <translation>Далі: імпортуйте набори даних і стрічки, що є на диску (дані про втрати в JSON чи CSV, стрічки RSS і Atom, збережені сторінки), вставте скопійовану сторінку новин чи зведення або введіть зведення за день вручну.</translation>
    </message>
    <message>
      <source>Paste a page or report…</source>
      <translation>Вставити сторінку чи зведення…</translation>
    </message>
    <message>
      <source>Search, read and chart the archive; everything stays on this computer.</source>
      <translation>Шукайте, читайте й будуйте графіки за архівом; усе залишається на цьому компʼютері.</translation>
    </message>
    <message>
      <source>Type a loss report…</source>
      <translation>Ввести зведення про втрати…</translation>
    </message>
    <message>
      <source>Welcome</source>
      <translation>Привітання</translation>
    </message>
    <message>
      <source>Welcome to Frontline Archive</source>
      <translation>Вітаємо у Frontline Archive</translation>
    </message>
    <message>
      <source>What you see is demo content: 8 articles and 16 briefs written for this program (tagged “demo”; search -tag:demo to leave them out) and the General Staff's official loss figures from 1 August 2025 to 8 August 2026. Everything stays on this computer.</source>
      <translation>Це демонстраційний вміст: 8 статей і 16 коротких новин, написаних для цієї програми (з міткою «demo»; пошук -tag:demo їх приховує), та офіційні цифри втрат від Генштабу з 1 серпня 2025 до 8 серпня 2026 року. Усе залишається на цьому компʼютері.</translation>
    </message>
  </context>
  <context>
    <name>categories</name>
    <message>
      <source>Air defense systems</source>
      <translation>Засоби ППО</translation>
    </message>
    <message>
      <source>Aircraft</source>
      <translation>Літаки</translation>
    </message>
    <message>
      <source>Armored fighting vehicles</source>
      <translation>Бойові броньовані машини</translation>
    </message>
    <message>
      <source>Artillery systems</source>
      <translation>Артилерійські системи</translation>
    </message>
    <message>
      <source>Cruise missiles</source>
      <translation>Крилаті ракети</translation>
    </message>
    <message>
      <source>Drones</source>
      <translation>БпЛА оперативно-тактичного рівня</translation>
    </message>
    <message>
      <source>Fuel tanks (until 30 Apr 2022)</source>
      <translation>Цистерни з ПММ (до 30.04.2022)</translation>
    </message>
    <message>
      <source>Ground robotic systems</source>
      <translation>Наземні роботизовані комплекси</translation>
    </message>
    <message>
      <source>Helicopters</source>
      <translation>Гелікоптери</translation>
    </message>
    <message>
      <source>MLRS</source>
      <translation>РСЗВ</translation>
    </message>
    <message>
      <source>Military vehicles (until 30 Apr 2022)</source>
      <translation>Автомобільна техніка (до 30.04.2022)</translation>
    </message>
    <message>
      <source>Mobile SRBM systems</source>
      <translation>Пускові установки ОТРК/ТРК</translation>
    </message>
    <message>
      <source>Personnel</source>
      <translation>Особовий склад</translation>
    </message>
    <message>
      <source>Ships and boats</source>
      <translation>Кораблі / катери</translation>
    </message>
    <message>
      <source>Special equipment</source>
      <translation>Спеціальна техніка</translation>
    </message>
    <message>
      <source>Submarines</source>
      <translation>Підводні човни</translation>
    </message>
    <message>
      <source>Tanks</source>
      <translation>Танки</translation>
    </message>
    <message>
      <source>Vehicles and fuel tanks</source>
      <translation>Автомобільна техніка та автоцистерни</translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message>
      <source>a backup cannot replace the archive itself</source>
      <translation>резервна копія не може замінити сам архів</translation>
    </message>
    <message>
      <source>another program</source>
      <translation>інша програма</translation>
    </message>
    <message>
      <source>another program is writing to the archive; try again</source>
      <translation>інша програма саме записує до архіву; спробуйте ще раз</translation>
    </message>
    <message>
      <source>cannot connect: {reason}</source>
      <translation>не вдається зʼєднатися: {reason}</translation>
    </message>
    <message>
      <source>cannot restore ({reason}); the archive was not changed</source>
      <translation>не вдається відновити ({reason}); архів не змінено</translation>
    </message>
    <message>
      <source>cannot write the backup ({reason})</source>
      <translation>не вдається записати резервну копію ({reason})</translation>
    </message>
    <message>
      <source>date {value} is before 1900</source>
      <translation>дата {value} раніша за 1900 рік</translation>
    </message>
    <message>
      <source>date {value} is more than a day in the future</source>
      <translation>дата {value} більш ніж на добу в майбутньому</translation>
    </message>
    <message>
      <source>expected a whole number, got text {value}</source>
      <translation>очікувалося ціле число, а не текст {value}</translation>
    </message>
    <message>
      <source>expected a whole number, got {value}</source>
      <translation>очікувалося ціле число, а не {value}</translation>
    </message>
    <message>
      <source>fewer cells than columns</source>
      <translation>клітинок менше, ніж стовпців</translation>
    </message>
    <message>
      <source>field '%1'</source>
      <translation>поле «%1»</translation>
    </message>
    <message>
      <source>file is empty</source>
      <translation>файл порожній</translation>
    </message>
    <message>
      <source>gone (410): the server says this address is retired</source>
      <translation>адреси більше немає (410): сервер каже, що її вилучено</translation>
    </message>
    <message>
      <source>imported as a list of sources</source>
      <translation>імпортувати як список джерел</translation>
    </message>
    <message>
      <source>imported into itself</source>
      <translation>імпортувати в нього самого</translation>
    </message>
    <message>
      <source>is a folder; give a file name</source>
      <translation>це тека; вкажіть назву файлу</translation>
    </message>
    <message>
      <source>it says {bytes} bytes</source>
      <translation>сервер заявляє {bytes} байтів</translation>
    </message>
    <message>
      <source>item {id}</source>
      <translation>запис {id}</translation>
    </message>
    <message>
      <source>malformed JSON at line {line}, column {column}: {detail}</source>
      <translation>пошкоджений JSON у рядку {line}, стовпці {column}: {detail}</translation>
    </message>
    <message>
      <source>more than {count} redirects</source>
      <translation>понад {count} переспрямувань</translation>
    </message>
    <message>
      <source>name: a source called {name} exists already</source>
      <translation>назва: джерело з назвою {name} уже є</translation>
    </message>
    <message>
      <source>name: a source needs a name</source>
      <translation>назва: у джерела має бути назва</translation>
    </message>
    <message>
      <source>no answer in time (timed out)</source>
      <translation>відповіді не надійшло вчасно (час очікування вичерпано)</translation>
    </message>
    <message>
      <source>no archive file to back up</source>
      <translation>немає файлу архіву, з якого робити резервну копію</translation>
    </message>
    <message>
      <source>no article text found in the page</source>
      <translation>на сторінці не знайдено тексту статті</translation>
    </message>
    <message>
      <source>no article with a dated byline and no briefs (a time, then a headline) were found</source>
      <translation>не знайдено ні статті з датою під заголовком, ні коротких новин (час, а за ним заголовок)</translation>
    </message>
    <message>
      <source>no host of that name</source>
      <translation>вузла з такою назвою немає</translation>
    </message>
    <message>
      <source>no known loss category in the text (could not read: {text})</source>
      <translation>у тексті немає відомої категорії втрат (не вдалося прочитати: {text})</translation>
    </message>
    <message>
      <source>no loss figures found in the text</source>
      <translation>у тексті не знайдено цифр втрат</translation>
    </message>
    <message>
      <source>no report for {date}</source>
      <translation>немає зведення за {date}</translation>
    </message>
    <message>
      <source>no report for {date} to {last} ({days} days)</source>
      <translation>немає зведень за {date} – {last} ({days} дн.)</translation>
    </message>
    <message>
      <source>no route to the host</source>
      <translation>немає маршруту до вузла</translation>
    </message>
    <message>
      <source>no such file</source>
      <translation>такого файлу немає</translation>
    </message>
    <message>
      <source>not UTF-8 text: undecodable byte {byte} at byte offset {offset} (it looks like {encoding}; save the file as UTF-8)</source>
      <translation>текст не в UTF-8: байт {byte} на позиції {offset} не читається (схоже на {encoding}; збережіть файл в UTF-8)</translation>
    </message>
    <message>
      <source>not UTF-8 text: undecodable byte {byte} at byte offset {offset} (save the file as UTF-8)</source>
      <translation>текст не в UTF-8: байт {byte} на позиції {offset} не читається (збережіть файл в UTF-8)</translation>
    </message>
    <message>
      <source>not a feed that can be read: {reason}</source>
      <translation>стрічку не вдається прочитати: {reason}</translation>
    </message>
    <message>
      <source>not a usable address: {detail}</source>
      <translation>непридатна адреса: {detail}</translation>
    </message>
    <message>
      <source>not a web address</source>
      <translation>це не вебадреса</translation>
    </message>
    <message>
      <source>not a web address; only http:// and https:// addresses can be followed</source>
      <translation>це не вебадреса; стежити можна лише за адресами http:// і https://</translation>
    </message>
    <message>
      <source>not an RSS or Atom feed</source>
      <translation>це не стрічка RSS чи Atom</translation>
    </message>
    <message>
      <source>not fetched: {reason}</source>
      <translation>не завантажено: {reason}</translation>
    </message>
    <message>
      <source>not found (404)</source>
      <translation>не знайдено (404)</translation>
    </message>
    <message>
      <source>overwritten by an export</source>
      <translation>перезаписати експортом</translation>
    </message>
    <message>
      <source>read so far</source>
      <translation>стільки вже прочитано</translation>
    </message>
    <message>
      <source>record</source>
      <translation>запис</translation>
    </message>
    <message>
      <source>report of {date}: {reason}</source>
      <translation>зведення за {date}: {reason}</translation>
    </message>
    <message>
      <source>reports start on 24 Feb 2022 (day 1 of the war)</source>
      <translation>зведення починаються з 24 лютого 2022 р. (1-й день війни)</translation>
    </message>
    <message>
      <source>someone else</source>
      <translation>хтось інший</translation>
    </message>
    <message>
      <source>text of {length} characters is too long</source>
      <translation>текст із {length} символів задовгий</translation>
    </message>
    <message>
      <source>the address gives a web page, not a feed</source>
      <translation>за адресою — вебсторінка, а не стрічка</translation>
    </message>
    <message>
      <source>the address gives a web page, not a feed; the page names the feed {url}</source>
      <translation>за адресою — вебсторінка, а не стрічка; сторінка вказує стрічку {url}</translation>
    </message>
    <message>
      <source>the answer is larger than {megabytes} MB ({how}); not read</source>
      <translation>відповідь більша за {megabytes} МБ ({how}); не прочитано</translation>
    </message>
    <message>
      <source>the answer's compressed ({encoding}) data are damaged; not read</source>
      <translation>стиснені ({encoding}) дані відповіді пошкоджено; не прочитано</translation>
    </message>
    <message>
      <source>the answer's compressed data are damaged; not read</source>
      <translation>стиснені дані відповіді пошкоджено; не прочитано</translation>
    </message>
    <message>
      <source>the archive is read-only ({path} or its folder cannot be written); nothing was changed</source>
      <translation>архів доступний лише для читання (до {path} або його теки не можна записувати); нічого не змінено</translation>
    </message>
    <message>
      <source>the article</source>
      <translation>стаття</translation>
    </message>
    <message>
      <source>the connection to {address} was lost; nothing was changed</source>
      <translation>зʼєднання з {address} втрачено; нічого не змінено</translation>
    </message>
    <message>
      <source>the disk is full</source>
      <translation>диск заповнено</translation>
    </message>
    <message>
      <source>the disk is full; nothing was changed</source>
      <translation>диск заповнено; нічого не змінено</translation>
    </message>
    <message>
      <source>the file ends inside &lt;{element}&gt;: it looks cut off (truncated)</source>
      <translation>файл закінчується всередині &lt;{element}&gt;: схоже, його обрізано</translation>
    </message>
    <message>
      <source>the host name could not be looked up</source>
      <translation>не вдалося знайти назву вузла</translation>
    </message>
    <message>
      <source>the network is unreachable</source>
      <translation>мережа недосяжна</translation>
    </message>
    <message>
      <source>the report has no date</source>
      <translation>у зведення немає дати</translation>
    </message>
    <message>
      <source>the report of {date}</source>
      <translation>зведення за {date}</translation>
    </message>
    <message>
      <source>the report's date could not be read</source>
      <translation>не вдалося прочитати дату зведення</translation>
    </message>
    <message>
      <source>the role {role} may only read the archive at {address}; nothing was changed</source>
      <translation>роль {role} може лише читати архів на {address}; нічого не змінено</translation>
    </message>
    <message>
      <source>the server asked us to wait until {clock}Z</source>
      <translation>сервер попросив зачекати до {clock} (UTC)</translation>
    </message>
    <message>
      <source>the server closed the connection before the whole answer came</source>
      <translation>сервер розірвав зʼєднання, не передавши всієї відповіді</translation>
    </message>
    <message>
      <source>the server closed the connection without answering</source>
      <translation>сервер розірвав зʼєднання, не відповівши</translation>
    </message>
    <message>
      <source>the server failed (500)</source>
      <translation>збій на сервері (500)</translation>
    </message>
    <message>
      <source>the server is unavailable (503)</source>
      <translation>сервер недоступний (503)</translation>
    </message>
    <message>
      <source>the server refused the connection</source>
      <translation>сервер відхилив зʼєднання</translation>
    </message>
    <message>
      <source>the server reset the connection</source>
      <translation>сервер розірвав зʼєднання</translation>
    </message>
    <message>
      <source>the text is empty</source>
      <translation>текст порожній</translation>
    </message>
    <message>
      <source>the text states only the day's changes, no totals to store</source>
      <translation>текст подає лише зміни за добу, загальних цифр для збереження немає</translation>
    </message>
    <message>
      <source>there is no folder {folder}</source>
      <translation>теки {folder} немає</translation>
    </message>
    <message>
      <source>there is no folder {folder}; nothing was written</source>
      <translation>теки {folder} немає; нічого не записано</translation>
    </message>
    <message>
      <source>this is the archive itself; choose a backup file</source>
      <translation>це сам архів; виберіть файл резервної копії</translation>
    </message>
    <message>
      <source>this is the archive's own file; it cannot be {what}</source>
      <translation>це файл самого архіву; його не можна {what}</translation>
    </message>
    <message>
      <source>time {value} is before 1900</source>
      <translation>час {value} раніший за 1900 рік</translation>
    </message>
    <message>
      <source>time {value} is more than a day in the future</source>
      <translation>час {value} більш ніж на добу в майбутньому</translation>
    </message>
    <message>
      <source>too many requests (429): the server asked us to slow down</source>
      <translation>забагато запитів (429): сервер попросив звертатися рідше</translation>
    </message>
    <message>
      <source>url: already subscribed as {name}</source>
      <translation>адреса: на неї вже є підписка під назвою {name}</translation>
    </message>
    <message>
      <source>url: not a web address: {value}</source>
      <translation>адреса: це не вебадреса: {value}</translation>
    </message>
    <message>
      <source>{category}: stated change {change} but totals differ by {difference}</source>
      <translation>{category}: заявлена зміна {change}, а різниця значень «усього» — {difference}</translation>
    </message>
    <message>
      <source>{category}: total fell from {before} on {date} to {total}</source>
      <translation>{category}: «усього» зменшилося з {before} ({date}) до {total}</translation>
    </message>
    <message>
      <source>{category}: total {total} is below {share} of {before} on {date} (digits lost?)</source>
      <translation>{category}: «усього» {total} — менше ніж {share} від {before} ({date}) (втрачено цифри?)</translation>
    </message>
    <message>
      <source>{category}: total {total} is negative</source>
      <translation>{category}: «усього» {total} — відʼємне число</translation>
    </message>
    <message>
      <source>{category}: {source} states a change of {change}, the report {difference}</source>
      <translation>{category}: {source} — зміна {change}, у зведенні — {difference}</translation>
    </message>
    <message>
      <source>{category}: {source} states {total}, the report has no figure</source>
      <translation>{category}: {source} — {total}, у зведенні цієї цифри немає</translation>
    </message>
    <message>
      <source>{category}: {source} states {total}, the report {before}</source>
      <translation>{category}: {source} — {total}, у зведенні — {before}</translation>
    </message>
    <message>
      <source>{date} is before the war: reports start on 24 Feb 2022 (day 1)</source>
      <translation>{date} — до початку війни: зведення починаються з 24 лютого 2022 р. (1-й день)</translation>
    </message>
    <message>
      <source>{date} is in the future</source>
      <translation>{date} — дата в майбутньому</translation>
    </message>
    <message>
      <source>{length} characters is too long (at most {limit})</source>
      <translation>{length} символів — задовго (щонайбільше {limit})</translation>
    </message>
    <message>
      <source>{name} at {time}</source>
      <translation>{name}, {time}</translation>
    </message>
    <message>
      <source>{reason}; nothing was written</source>
      <translation>{reason}; нічого не записано</translation>
    </message>
    <message>
      <source>{source} is dated {other}, the report {date}</source>
      <translation>{source} має дату {other}, зведення — {date}</translation>
    </message>
    <message>
      <source>{url}: not a feed, and the page names feeds that could not be read; nothing was subscribed</source>
      <translation>{url}: це не стрічка, а стрічок, які вказує сторінка, не вдалося прочитати; підписку не додано</translation>
    </message>
    <message>
      <source>{url}: not a feed, and the page names no feed; nothing was subscribed</source>
      <translation>{url}: це не стрічка, і сторінка не вказує жодної стрічки; підписку не додано</translation>
    </message>
    <message>
      <source>{url}: {reason}; nothing was subscribed</source>
      <translation>{url}: {reason}; підписку не додано</translation>
    </message>
    <message>
      <source>{what} was changed by {who} after this change; undoing it would overwrite theirs. Nothing was changed</source>
      <translation>{what} після цього ще раз змінено ({who}); скасування затерло б ті правки. Нічого не змінено</translation>
    </message>
    <message>
      <source>{what} was changed by {who} since you opened it; nothing was saved</source>
      <translation>{what} змінено, поки ви редагували ({who}); нічого не збережено</translation>
    </message>
    <message>
      <source>{what} was deleted and entered again by {who} since you opened it; nothing was saved</source>
      <translation>{what} видалено й внесено знову, поки ви редагували ({who}); нічого не збережено</translation>
    </message>
    <message>
      <source>{what} was deleted by someone else since you opened it; nothing was saved</source>
      <translation>{what} видалив хтось інший, поки ви редагували; нічого не збережено</translation>
    </message>
    <message>
      <source>{what} was entered by {who} since you opened it; nothing was saved</source>
      <translation>{what} внесено, поки ви редагували ({who}); нічого не збережено</translation>
    </message>
    <message>
      <source>“{title}”</source>
      <translation>«{title}»</translation>
    </message>
  </context>
</TS>
