"""News pages copied as text or saved as HTML: one article, its furniture, a column of briefs.

`read_page_text` splits a copied page into the article (title, author, time, body without
captions or teasers), the briefs (each dated from the page's timeline) and the loss report the
article states (`build`). `core.formats.html_page` does the same for a saved page.
Nothing is imported here: format detection loads `text_page` alone, without the report parser
that `build` needs.
"""
