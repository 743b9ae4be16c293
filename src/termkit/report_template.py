"""The page around a termkit HTML report: markup skeleton, stylesheet and script, kept apart from
the logic in :mod:`termkit.report`. Nothing here is loaded from the network: no fonts, no
scripts, no images; the Content-Security-Policy in the page forbids it too.

>>> "$body" in PAGE.template and "<script>" not in STYLE
True
"""

from __future__ import annotations

from string import Template

from .categories import Look, category_css

# $csp, $title, $style, $script: trusted (ours); $body: built from escaped parts; $data: JSON with <>& escaped
PAGE = Template("""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="$csp">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="termkit">
<title>$title</title>
<style>$style</style>
</head>
<body>
$body
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="termkit-terms">$data</script>
<script>$script</script>
</body>
</html>
""")

STYLE = """
:root { --ink: #1d2330; --muted: #5d6677; --line: #d9dde5; --bg: #fbfbfd; --accent: #b3261e; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 0 1.5rem 4rem; color: var(--ink); background: var(--bg);
  font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei",
  sans-serif; }
header { padding: 1.5rem 0 .5rem; border-bottom: 2px solid var(--ink); }
h1 { margin: 0; font-size: 1.6rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
nav a { margin-right: 1rem; color: var(--muted); }
.note { color: var(--muted); font-size: .9rem; }
dl.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: .75rem; }
dl.summary div { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
dl.summary dt { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
dl.summary dd { margin: 0; font-size: 1.4rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { all: unset; cursor: pointer; font-weight: 600; }
th button:focus-visible { outline: 2px solid var(--accent); }
th[aria-sort="ascending"] button::after { content: " \\25B2"; }
th[aria-sort="descending"] button::after { content: " \\25BC"; }
.scroll { max-height: 32rem; overflow: auto; border: 1px solid var(--line); }
svg { display: block; max-width: 100%; height: auto; background: #fff; border: 1px solid var(--line); }
svg text { font: 12px system-ui, "Noto Sans CJK SC", sans-serif; fill: var(--ink); }
svg .axis { stroke: #9aa3b2; stroke-width: 1; }
svg .doc-edge { stroke: #c9ced8; stroke-width: 1; }
svg .bar { fill: #3f6fb5; }
svg .tick { stroke-width: 1.5; }
article.doc { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem;
  margin: 1rem 0; }
article.doc h3 { margin: .3rem 0; font-size: 1rem; word-break: break-all; }
.text { white-space: pre-wrap; line-height: 1.9; font-size: 1rem; }
mark.term { background: __MARK__; color: inherit; border-bottom: 2px solid __EDGE__; border-radius: 2px;
  padding: 0 1px; cursor: help; }
mark.term:focus { outline: 2px solid var(--accent); outline-offset: 1px; }
mark.sample { background: __MARK__; color: inherit; border-bottom: 2px solid __EDGE__; border-radius: 2px;
  padding: 0 1px; }
__CATEGORIES__
#tip { position: absolute; z-index: 10; max-width: 26rem; background: #1d2330; color: #fff; padding: .5rem .7rem;
  border-radius: 6px; font-size: .85rem; line-height: 1.45; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
#tip .tip-gloss { font-weight: 700; }
#tip .tip-pinyin { color: #c8d3ff; font-style: italic; }
#tip ol { margin: .3rem 0 0 1.1rem; padding: 0; }
.damage td { color: var(--accent); }
"""

# every term's highlight, and each category's own, from termkit.categories
STYLE = STYLE.replace("__MARK__", Look("").mark).replace("__EDGE__", Look("").edge).replace(
    "__CATEGORIES__", category_css())

SCRIPT = """
(function () {
  "use strict";
  var terms = JSON.parse(document.getElementById("termkit-terms").textContent);
  var tip = document.getElementById("tip");
  function line(cls, text) {
    var el = document.createElement("div");
    el.className = cls;
    el.textContent = text;
    return el;
  }
  function show(mark) {
    var t = terms[mark.getAttribute("data-id")];
    if (!t) { return; }
    tip.replaceChildren(line("tip-gloss", t.gloss), line("tip-pinyin", t.pinyin || ""),
                        line("tip-term", t.term + (t.category ? " \\u00b7 " + t.category : "")));
    if (t.expansion && t.expansion.length) {
      var ol = document.createElement("ol");
      t.expansion.forEach(function (item) { var li = document.createElement("li"); li.textContent = item;
                                            ol.appendChild(li); });
      tip.appendChild(ol);
    }
    var r = mark.getBoundingClientRect();
    tip.style.left = Math.max(4, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth
                                 - 420)) + "px";
    tip.style.top = (window.scrollY + r.bottom + 6) + "px";
    tip.hidden = false;
    tip.setAttribute("data-for", mark.getAttribute("data-id"));
  }
  function hide() { tip.hidden = true; }
  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark.term");
    if (m) { show(m); }
  });
  document.addEventListener("mouseout", function (e) {
    if (e.target.closest && e.target.closest("mark.term")) { hide(); }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("mark.term")) { show(e.target); }
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });

  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("th");
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var numeric = th.classList.contains("num");
        var order = th.getAttribute("aria-sort") === "descending" ? "ascending" : "descending";
        if (!numeric && !th.hasAttribute("aria-sort")) { order = "ascending"; }
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", order);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute("data-value") || a.cells[col].textContent;
          var y = b.cells[col].getAttribute("data-value") || b.cells[col].textContent;
          var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "zh");
          return order === "ascending" ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
"""
