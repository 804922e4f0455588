/* The graph page: vis-network over the data in #kg-data.
 *
 * Safety rule: every string from the corpus reaches the page through
 * textContent, a text node, or vis-network's canvas labels; never through
 * innerHTML or vis-network's HTML `title` tooltips (this page draws its own).
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var KG = (window.KG = { data: DATA, stabilised: false, timings: { parsed: performance.now() } });
  var FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", ' +
    '"Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
  var N = DATA.nodes.length, E = DATA.edges.length;
  var BIG = N > 1500 || E > 4000;
  // labels: BASE_FONT canvas px for every node, drawn once at least
  // LABEL_MIN px on screen (zoomed in); the best-connected nodes' labels
  // are set to LABEL_FIRST px at the first zoom (see labelBest)
  var BASE_FONT = 14, LABEL_MIN = 8, LABEL_FIRST = 13;

  var nodeTypes = DATA.nodeTypes, edgeTypes = DATA.edgeTypes;
  var shownNode = {}, shownEdge = {};
  var showUnconnected = false;  // nodes with no drawn edge wait behind a tick
  nodeTypes.forEach(function (t) { shownNode[t.name] = DATA.hidden.nodeTypes.indexOf(t.name) < 0; });
  edgeTypes.forEach(function (t) { shownEdge[t.name] = DATA.hidden.edgeTypes.indexOf(t.name) < 0; });

  // ---- small DOM helpers (text only) --------------------------------------
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "cls") e.className = attrs[k];
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function $(id) { return document.getElementById(id); }
  function norm(s) { return String(s).normalize("NFKC").replace(/\s+/g, "").toLowerCase(); }
  function short(s) { s = String(s); return s.length > 18 ? s.slice(0, 17) + "…" : s; }

  var SVGNS = "http://www.w3.org/2000/svg";
  function shapeIcon(shape, colour) {
    var svg = document.createElementNS(SVGNS, "svg");
    svg.setAttribute("width", "14"); svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14"); svg.setAttribute("class", "shape");
    var pts = {
      triangle: "7,1 13,12 1,12", triangleDown: "1,2 13,2 7,13", diamond: "7,1 13,7 7,13 1,7",
      star: "7,1 8.8,5.2 13,5.5 9.8,8.3 10.8,12.8 7,10.4 3.2,12.8 4.2,8.3 1,5.5 5.2,5.2",
      hexagon: "4,1.5 10,1.5 13,7 10,12.5 4,12.5 1,7"
    };
    var s;
    if (shape === "square") { s = document.createElementNS(SVGNS, "rect");
      s.setAttribute("x", "2"); s.setAttribute("y", "2"); s.setAttribute("width", "10"); s.setAttribute("height", "10"); }
    else if (pts[shape]) { s = document.createElementNS(SVGNS, "polygon"); s.setAttribute("points", pts[shape]); }
    else if (shape === "line") { s = document.createElementNS(SVGNS, "rect");
      s.setAttribute("x", "0"); s.setAttribute("y", "5.5"); s.setAttribute("width", "14"); s.setAttribute("height", "3"); }
    else { s = document.createElementNS(SVGNS, "circle");
      s.setAttribute("cx", "7"); s.setAttribute("cy", "7"); s.setAttribute("r", shape === "small" ? "3.5" : "5.5"); }
    s.setAttribute("fill", colour);
    svg.appendChild(s);
    return svg;
  }

  // ---- the graph ------------------------------------------------------------
  var typeOf = DATA.nodes.map(function (n) { return nodeTypes[n.t].name; });
  var degree = new Array(N).fill(0);
  var incident = DATA.nodes.map(function () { return []; });
  // Edges of one pair and type (a post held on several dates, say) are one
  // line: members[g] lists the data edges that line stands for.
  var groupOf = {}, members = [], pairCount = {};
  DATA.edges.forEach(function (e, j) {
    incident[e.s].push(j);
    if (e.s !== e.o) incident[e.o].push(j);
    if (edgeTypes[e.t].name !== "MENTIONS") { degree[e.s]++; degree[e.o]++; }
    var key = e.s + ">" + e.o + ">" + e.t;
    if (groupOf[key] === undefined) { groupOf[key] = members.length; members.push([]); }
    members[groupOf[key]].push(j);
  });
  function uniq(list) { return list.filter(function (x, k) { return x && list.indexOf(x) === k; }); }
  function attrList(js, name) { return uniq(js.map(function (j) { var a = DATA.edges[j].a; return a ? a[name] : ""; })); }
  var visEdges = members.map(function (js, g) {
    var e = DATA.edges[js[0]], type = edgeTypes[e.t];
    var pair = e.s < e.o ? e.s + "-" + e.o : e.o + "-" + e.s;
    var k = pairCount[pair] = (pairCount[pair] || 0) + 1;
    var edge = {
      id: g, from: e.s, to: e.o, kgType: type.name, arrows: { to: { enabled: true, scaleFactor: 0.5 } },
      color: { color: type.colour, highlight: type.colour, hover: type.colour, opacity: 0.75 },
      width: type.name === "MENTIONS" ? 0.5 : 1.2 + Math.min(2, 0.4 * (js.length - 1)),
      dashes: js.every(function (j) { var a = DATA.edges[j].a; return !!(a && a.former); })
    };
    var titles = attrList(js, "title");
    if (type.name === "HOLDS_POST" && titles.length) edge.label = short(titles.join("、"));
    if (k > 1) edge.smooth = { enabled: true, type: k % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil((k - 1) / 2) + 0.1 };
    return edge;
  });
  var G = visEdges.length;
  var visNodes = DATA.nodes.map(function (n, i) {
    var t = nodeTypes[n.t];
    return {
      id: i, label: short(n.l), kgType: t.name, shape: t.shape, value: degree[i] + 1, font: { size: BASE_FONT },
      color: { background: t.colour, border: t.border, highlight: { background: t.colour, border: "#111" },
               hover: { background: t.colour, border: "#111" } }
    };
  });
  // A cheap first placement for big pages, so that a few physics iterations
  // suffice: nodes in breadth-first order from the best-connected, laid
  // along one spiral at an even spacing (a node's neighbours come next to it
  // in that order, so they start close).
  if (N > 150) {
    var placed = new Array(N).fill(false), order = [], bfs = [];
    for (var q = 0; q < N; q++) order.push(q);
    order.sort(function (a, b) { return degree[b] - degree[a] || a - b; });
    order.forEach(function (root) {
      if (placed[root]) return;
      placed[root] = true;
      var start = bfs.length;
      bfs.push(root);
      for (var h = start; h < bfs.length; h++) {
        incident[bfs[h]].forEach(function (j) {
          var e = DATA.edges[j], o = e.s === bfs[h] ? e.o : e.s;
          if (!placed[o] && edgeTypes[e.t].name !== "MENTIONS") { placed[o] = true; bfs.push(o); }
        });
      }
    });
    bfs.forEach(function (i, k) {
      var theta = Math.sqrt(4 * Math.PI * k), r = 45 * theta / (2 * Math.PI);
      visNodes[i].x = r * Math.cos(theta); visNodes[i].y = r * Math.sin(theta);
    });
  }
  var nodesDS = new vis.DataSet(visNodes);
  var edgesDS = new vis.DataSet(visEdges);
  // what is drawn: an edge when its type and its ends' types are ticked; a
  // node when its type is ticked and it has a drawn edge (or "unconnected"
  // is ticked too)
  function edgeShown(g) {
    var e = visEdges[g];
    return shownEdge[e.kgType] && shownNode[typeOf[e.from]] && shownNode[typeOf[e.to]];
  }
  var linked = new Array(N).fill(0);
  function countLinks() {
    linked.fill(0);
    for (var g = 0; g < G; g++) if (edgeShown(g)) { linked[visEdges[g].from]++; linked[visEdges[g].to]++; }
  }
  countLinks();
  var nodesView = new vis.DataView(nodesDS, { filter: function (n) {
    return shownNode[n.kgType] && (showUnconnected || linked[n.id] > 0);
  } });
  var edgesView = new vis.DataView(edgesDS, { filter: function (e) { return edgeShown(e.id); } });

  var options = {
    autoResize: true,
    layout: { improvedLayout: N <= 150, randomSeed: 7 },
    physics: {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, springLength: 90, springConstant: 0.06, avoidOverlap: 0.3 },
      stabilization: { enabled: true, iterations: N > 5000 ? 40 : N > 1500 ? 100 : N > 500 ? 250 : 600, updateInterval: 25, fit: true },
      minVelocity: 1
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG, keyboard: false },
    nodes: {
      // a label is drawn when it would be at least LABEL_MIN px on screen
      // (vis-network draws it from drawThreshold - 1): see labelBest() for
      // the best-connected nodes' labels
      scaling: { min: 8, max: 36, label: { enabled: false, drawThreshold: LABEL_MIN + 1 } },
      font: { face: FONT, size: BASE_FONT, color: "#222", strokeWidth: 3, strokeColor: "#ffffff" },
      borderWidth: 1
    },
    edges: {
      smooth: BIG ? false : { enabled: true, type: "continuous", roundness: 0.2 },
      font: { face: FONT, size: 10, color: "#444", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      selectionWidth: 2
    }
  };
  var network = new vis.Network($("graph"), { nodes: nodesView, edges: edgesView }, options);
  KG.network = network; KG.nodes = nodesDS; KG.edges = edgesDS;
  KG.timings.network = performance.now();

  // ---- layout: stabilise, then stop ----------------------------------------
  var status = $("status");
  var layingOut = true;
  function describeCounts() {
    var shownN = network.body.nodeIndices.length, shownE = network.body.edgeIndices.length;
    var txt = N + " nodes and " + E + " edges in this page; " + shownN + " nodes and " + shownE + " lines drawn";
    if (G < E) txt += " (edges of one pair and type share a line)";
    txt += ".";
    if (shownN < N || shownE < G) txt += " Tick a type to show the rest.";
    return txt;
  }
  // The best-connected drawn nodes (about the square root of their number,
  // 8 to 40) get labels LABEL_FIRST px on screen at the current zoom; the
  // others show theirs once zoomed in far enough.
  var labelled = [], labelSize = 0;
  function labelBest() {
    var scale = network.getScale();
    if (!(scale > 0)) return;
    var ids = network.body.nodeIndices.slice();
    ids.sort(function (a, b) { return linked[b] - linked[a] || degree[b] - degree[a] || a - b; });
    var k = Math.max(8, Math.min(40, Math.round(Math.sqrt(ids.length))));
    var best = ids.slice(0, k), size = Math.max(BASE_FONT, LABEL_FIRST / scale);
    if (size === labelSize && best.join() === labelled.join()) return;
    var update = labelled.filter(function (i) { return best.indexOf(i) < 0; })
      .map(function (i) { return { id: i, font: { size: BASE_FONT } }; });
    best.forEach(function (i) { update.push({ id: i, font: { size: size } }); });
    nodesDS.update(update);
    labelled = best; labelSize = size;
  }
  // after any change of zoom (the wheel, a focus, a fit), once laid out
  var labelScale = 0;
  network.on("afterDrawing", function () {
    var scale = network.getScale();
    if (!layingOut && scale !== labelScale) { labelScale = scale; labelBest(); }
  });
  KG.labelsDrawn = function () {  // [node id, on-screen px] of every label drawn now
    var scale = network.getScale(), out = [];
    network.body.nodeIndices.forEach(function (i) {
      var px = network.body.nodes[i].labelModule.fontOptions.size * scale;
      if (px >= LABEL_MIN) out.push([DATA.nodes[i].id, px]);
    });
    return out;
  };
  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.on("stabilizationIterationsDone", settled);
  function settled() {
    network.setOptions({ physics: { enabled: false } });
    var pos = network.getPositions();
    nodesDS.update(Object.keys(pos).map(function (id) { return { id: +id, x: pos[id].x, y: pos[id].y }; }));
    layingOut = false;
    status.textContent = describeCounts();
    if (network.body.nodeIndices.length) { network.fit(); labelBest(); }
    if (!KG.stabilised) {
      KG.timings.stabilised = performance.now();
      network.once("afterDrawing", function () { KG.timings.rendered = performance.now(); KG.stabilised = true; });
      // a focused view opens with its focus selected
      var focus = DATA.view.complete ? -1 : DATA.nodes.findIndex(function (n) { return n.id === DATA.view.focus; });
      if (focus >= 0 && shownNode[typeOf[focus]]) network.selectNodes([focus]);
      network.redraw();
    }
  }
  if (!network.body.nodeIndices.length) {  // nothing to lay out: no stabilisation event comes
    settled();
    if (!N) status.textContent = "This graph has no nodes.";
  }
  network.on("dragEnd", function (p) {
    if (!p.nodes.length) return;
    var pos = network.getPositions(p.nodes);
    nodesDS.update(p.nodes.map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
  });
  function relayout() {
    layingOut = true;
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(BIG ? 100 : 300);
  }

  // ---- filters and legend ---------------------------------------------------
  function applyFilters() {
    countLinks();
    nodesView.refresh(); edgesView.refresh();
    updateUnconnected();
    var unplaced = network.body.nodeIndices.some(function (id) { return nodesDS.get(id).x === undefined; });
    if (unplaced && !layingOut) relayout();
    else status.textContent = describeCounts();
  }
  function countBy(list, key) {
    var c = {}; list.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; }); return c;
  }
  var nodeCounts = countBy(DATA.nodes, "t"), edgeCounts = countBy(DATA.edges, "t");
  function filterBox(container, types, counts, shown, icon, prefix) {
    types.forEach(function (t, i) {
      if (!counts[i]) return;
      var box = el("input", { type: "checkbox", id: prefix + t.name, "data-type": t.name });
      box.checked = shown[t.name];
      box.addEventListener("change", function () { shown[t.name] = box.checked; applyFilters(); });
      container.appendChild(el("label", { "for": prefix + t.name, title: t.help },
        [box, icon(t), el("span", { text: t.name }), el("span", { cls: "count", text: String(counts[i]) })]));
    });
  }
  filterBox($("node-types"), nodeTypes, nodeCounts, shownNode,
    function (t) { return shapeIcon(t.shape, t.colour); }, "show-node-");
  filterBox($("edge-types"), edgeTypes, edgeCounts, shownEdge,
    function (t) { return shapeIcon("line", t.colour); }, "show-edge-");
  // nodes of a ticked type with no drawn edge: behind their own tick
  var loneBox = el("input", { type: "checkbox", id: "show-unconnected" }), loneCount = el("span", { cls: "count" });
  loneBox.addEventListener("change", function () { showUnconnected = loneBox.checked; applyFilters(); });
  $("node-types").appendChild(el("label", { "for": "show-unconnected", cls: "unconnected",
    title: "nodes of the ticked types with no drawn edge (a concept only mentioned, say)" },
    [loneBox, el("span", { text: "Unconnected" }), loneCount]));
  function updateUnconnected() {
    var c = 0;
    for (var i = 0; i < N; i++) if (shownNode[typeOf[i]] && !linked[i]) c++;
    loneCount.textContent = String(c);
    KG.unconnected = c;
  }
  updateUnconnected();
  $("fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  $("relayout").addEventListener("click", relayout);

  var note = $("view-note");
  note.textContent = DATA.view.description;
  if (!DATA.view.complete) {
    note.className = "partial";
    note.appendChild(document.createTextNode(" Other views: kg viz --focus NAME --depth N --max-nodes N."));
  }

  // ---- search -----------------------------------------------------------------
  var names = DATA.nodes.map(function (n) { return [norm(n.l)].concat(n.a.map(norm)); });
  function search(q) {
    q = norm(q);
    if (!q) return [];
    var exact = [], prefix = [], inner = [];
    for (var i = 0; i < N; i++) {
      var best = 3;
      for (var k = 0; k < names[i].length; k++) {
        var pos = names[i][k].indexOf(q);
        if (pos < 0) continue;
        best = Math.min(best, names[i][k] === q ? 0 : pos === 0 ? 1 : 2);
      }
      if (best < 3) [exact, prefix, inner][best].push(i);
    }
    return exact.concat(prefix, inner).slice(0, 30);
  }
  var results = $("results"), input = $("search");
  function showResults() {
    var found = search(input.value);
    results.replaceChildren();
    found.forEach(function (i) {
      var q = norm(input.value), via = null;
      if (names[i][0].indexOf(q) < 0) {
        via = DATA.nodes[i].a.filter(function (a) { return norm(a).indexOf(q) >= 0; })[0];
      }
      var b = el("button", { type: "button", "data-node": DATA.nodes[i].id },
        [DATA.nodes[i].l, via ? el("span", { cls: "type-tag", text: "(" + via + ")" }) : null,
         el("span", { cls: "type-tag", text: typeOf[i] })]);
      b.addEventListener("click", function () { select(i); });
      results.appendChild(el("li", null, [b]));
    });
    if (input.value.trim() && !found.length) results.appendChild(el("li", { cls: "meta", text: "No node has that name." }));
    return found;
  }
  input.addEventListener("input", showResults);
  $("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var found = showResults();
    if (found.length) select(found[0]);
  });

  function select(i) {
    if (!shownNode[typeOf[i]]) {
      shownNode[typeOf[i]] = true;
      $("show-node-" + typeOf[i]).checked = true;
      applyFilters();
    }
    if (!linked[i] && !showUnconnected) {
      showUnconnected = loneBox.checked = true;
      applyFilters();
    }
    showPanel(i);
    network.selectNodes([i]);
    KG.animating = true;
    network.focus(i, { scale: Math.max(network.getScale(), 1.2), locked: false, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }
  network.on("animationFinished", function () { KG.animating = false; });
  KG.select = function (id) { var i = DATA.nodes.findIndex(function (n) { return n.id === id; }); if (i >= 0) select(i); return i; };
  KG.selected = function () { return network.getSelectedNodes().map(function (i) { return DATA.nodes[i].id; }); };
  KG.visibleNodeIds = function () { return network.body.nodeIndices.map(function (i) { return DATA.nodes[i].id; }); };
  KG.visibleEdgeCount = function () { return network.body.edgeIndices.length; };
  KG.lineOf = function (j) { var e = DATA.edges[j]; return groupOf[e.s + ">" + e.o + ">" + e.t]; };
  KG.lineMembers = function (g) { return members[g].slice(); };
  KG.visibleEdgeIds = function () {  // the data edges behind every line drawn
    var out = [];
    network.body.edgeIndices.forEach(function (g) { out.push.apply(out, members[g]); });
    return out.sort(function (a, b) { return a - b; });
  };

  // ---- details panel ------------------------------------------------------------
  var panel = $("panel"), body = $("panel-body");
  function nodeLink(i) {
    var b = el("button", { type: "button", cls: "link", "data-node": DATA.nodes[i].id }, [DATA.nodes[i].l]);
    b.addEventListener("click", function () { select(i); });
    return b;
  }
  function evidenceList(ev) {
    return (ev || []).map(function (x) {
      var where = x[0] + (x[4] ? " · " + x[4] : "") + " [" + x[2] + "–" + x[3] + "]";
      return el("blockquote", null, [x[1], el("cite", { text: where })]);
    });
  }
  function edgeFacts(e) {
    var bits = [];
    if (e.a && e.a.title) bits.push(e.a.title);
    if (e.a && e.a.date) bits.push(e.a.date);
    if (e.a && e.a.former) bits.push("former");
    return bits;
  }
  function showPanel(i) {
    var n = DATA.nodes[i], t = nodeTypes[n.t];
    body.replaceChildren();
    body.appendChild(el("h2", { text: n.l }));
    var kind = [t.name];
    Object.keys(n.x || {}).forEach(function (k) { kind.push(k + ": " + n.x[k]); });
    body.appendChild(el("p", { cls: "meta" }, [shapeIcon(t.shape, t.colour), " " + kind.join(" · ")]));
    if (n.a.length) body.appendChild(el("p", null, [el("b", { text: "Aliases: " }), n.a.join("、")]));
    if (n.d.length) body.appendChild(el("p", { cls: "meta", text: "Documents: " + n.d.join(", ") }));
    body.appendChild(el("p", { cls: "meta", text: "id: " + n.id }));

    var groups = {}, order = [], seenLine = {};
    incident[i].forEach(function (j) {
      var e = DATA.edges[j], name = edgeTypes[e.t].name, line = KG.lineOf(j);
      if (seenLine[line]) return;  // one entry per line: its facts listed together
      seenLine[line] = true;
      var key = name === "HOLDS_POST" ? "Posts" : name === "MENTIONS" ? (e.s === i ? "Mentions" : "Mentioned in") : name;
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(j);
    });
    order.sort(function (a, b) { return rank(a) - rank(b) || (a < b ? -1 : 1); });
    order.forEach(function (key) {
      var list = groups[key];
      body.appendChild(el("h3", { text: key + " (" + list.length + ")" }));
      var ul = el("ul");
      list.slice(0, 300).forEach(function (j) {
        var e = DATA.edges[j], other = e.s === i ? e.o : e.s;
        var arrow = edgeTypes[e.t].name === "HOLDS_POST" || key.indexOf("Mention") === 0 ? "" : (e.s === i ? "→ " : "← ");
        var js = members[KG.lineOf(j)];
        var facts = uniq(js.map(function (m) { return edgeFacts(DATA.edges[m]).join(" · "); }));
        var li = el("li", null, [arrow, nodeLink(other), el("span", { cls: "type-tag", text: typeOf[other] }),
          facts.length ? el("span", { cls: "meta", text: " · " + facts.join("; ") }) : null]);
        js.forEach(function (m) { evidenceList(DATA.edges[m].v).forEach(function (b) { li.appendChild(b); }); });
        ul.appendChild(li);
      });
      if (list.length > 300) ul.appendChild(el("li", { cls: "meta", text: "… and " + (list.length - 300) + " more" }));
      body.appendChild(ul);
    });
    if (panel.hidden) {
      panel.hidden = false;
      network.setSize("100%", "100%");  // the graph narrows beside the panel
    }
  }
  function rank(key) { return key === "Posts" ? 0 : key === "Mentioned in" ? 2 : key === "Mentions" ? 3 : 1; }
  $("panel-close").addEventListener("click", function () {
    panel.hidden = true; network.unselectAll(); network.setSize("100%", "100%");
  });
  network.on("click", function (p) {
    if (p.nodes.length) showPanel(p.nodes[0]);
  });

  // ---- hover tooltips (drawn here, as text) --------------------------------------
  var tip = $("tooltip");
  function showTip(children, p) {
    delete tip.dataset.edge;
    tip.replaceChildren.apply(tip, children.filter(function (c) { return c; }));
    var r = $("graph").getBoundingClientRect();
    var x = r.left + p.pointer.DOM.x + 14, y = r.top + p.pointer.DOM.y + 14;
    tip.hidden = false;
    tip.style.left = Math.min(x, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = Math.min(y, window.innerHeight - tip.offsetHeight - 8) + "px";
  }
  network.on("hoverEdge", function (p) {
    var js = members[p.edge], e = DATA.edges[js[0]], type = edgeTypes[e.t].name;
    var kids = [el("b", { text: type }), "\n" + DATA.nodes[e.s].l + " → " + DATA.nodes[e.o].l];
    if (js.length === 1) {
      if (e.a && e.a.title) kids.push("\ntitle: " + e.a.title);
      if (e.a && e.a.date) kids.push("\ndate: " + e.a.date);
      if (e.a && e.a.former) kids.push("\nformer post");
    } else {
      kids.push("\n" + js.length + " facts (" + (attrList(js, "date").length || "no") + " dates):");
      js.forEach(function (j) { kids.push("\n· " + (edgeFacts(DATA.edges[j]).join(" · ") || "undated")); });
    }
    var ev = [];
    js.forEach(function (j) { ev.push.apply(ev, DATA.edges[j].v || []); });
    ev.slice(0, 3).forEach(function (x) { kids.push(el("blockquote", null, [x[1], el("cite", { text: x[0] + (x[4] ? " · " + x[4] : "") })])); });
    if (ev.length > 3) kids.push("… and " + (ev.length - 3) + " more sentences (click an end for all)");
    showTip(kids, p);
    tip.dataset.edge = String(p.edge);
  });
  network.on("hoverNode", function (p) {
    var n = DATA.nodes[p.node];
    showTip([el("b", { text: n.l }), "\n" + typeOf[p.node] + (n.a.length ? "\naliases: " + n.a.join("、") : "")], p);
  });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  $("graph").addEventListener("mouseleave", function () { tip.hidden = true; });
  KG.edgeTooltip = function () { return tip.hidden ? null : tip.textContent; };
})();
