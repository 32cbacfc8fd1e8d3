"""Library-wide views (issue 18): All quotes, Retrieved segments, Code
matrix, and the Report dialog.

Each widget is built with nothing but its parent; it reads the open
library through ``desktop.store.corpus_*`` and tells the window to open an
article with one signal, ``openAt(article_id, start, end)``.  None imports
the main window.  Wiring them into the window (left for after the window's
restructuring): a "Library" menu with "All quotes" (Ctrl+Shift+Q),
"Retrieved segments" (Ctrl+Shift+R), "Code matrix" (Ctrl+Shift+X) and
"Report…", each showing its widget in a dock (or tab) made on first use,
with ``openAt`` connected to a window slot that opens the article and
selects the span; ``view.set_scope(Scope(article_ids=…))`` when the
Library's filter changes, so the views show "the filtered library"; a
refresh on the session's ``Changes`` when quotes, actors, rules or
highlights changed (``view.refresh()``).  A library made before these
views has empty quote summaries until ``ensure_actor_summaries`` has run
over it (in a worker: it regroups every article's actors).
"""
