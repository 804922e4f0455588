"""The interactive graph page (``graph.html``) and the views it shows.

:mod:`kg.viz.view` chooses what a page shows (all of a small graph; a
focused neighbourhood of a big one) and records what it left out;
:mod:`kg.viz.page` turns a view into one self-contained HTML file: the
vis-network library, the page's script and style, and the data as inert
JSON, with a Content-Security-Policy that forbids any request.
"""

from kg.viz.page import render_page
from kg.viz.view import DEFAULT_MAX_NODES, View, ViewError, drawn_at_first, find_nodes, select_view

__all__ = ["DEFAULT_MAX_NODES", "View", "ViewError", "drawn_at_first", "find_nodes", "render_page",
           "select_view"]
