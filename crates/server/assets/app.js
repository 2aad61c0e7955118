// crosscheck's page for editors. Every piece of article data (text,
// titles, sources, messages) is inserted with textContent or as an
// attribute value set through the DOM, never parsed as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  let counter = 0;

  /** Create an element with a class and text. */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function addArticle(values) {
    counter += 1;
    const tpl = $("article-template").content.firstElementChild.cloneNode(true);
    tpl.querySelector("legend").textContent = "Article " + counter;
    const v = values || {};
    for (const name of ["id", "title", "outlet", "published", "text"]) {
      tpl.querySelector("[name=" + name + "]").value = v[name] || "";
    }
    tpl.querySelector("[name=format]").value = v.format || "text";
    tpl.querySelector(".remove").addEventListener("click", () => tpl.remove());
    $("articles-input").appendChild(tpl);
    return tpl;
  }

  function formatOf(name) {
    const ext = name.toLowerCase().split(".").pop();
    if (ext === "html" || ext === "htm") return "html";
    if (ext === "md" || ext === "markdown") return "markdown";
    return "text";
  }

  async function addFiles(files) {
    for (const file of files) {
      const text = await file.text();
      const stem = file.name.replace(/\.[^.]*$/, "");
      // Replace a single empty article rather than leaving it behind.
      const empty = Array.from(document.querySelectorAll(".article-input"))
        .find((f) => !f.querySelector("[name=text]").value.trim());
      const values = { id: stem, text: text, format: formatOf(file.name) };
      if (empty) {
        for (const [k, val] of Object.entries(values)) empty.querySelector("[name=" + k + "]").value = val;
      } else {
        addArticle(values);
      }
    }
  }

  function collect() {
    const documents = [];
    for (const f of document.querySelectorAll(".article-input")) {
      const get = (n) => f.querySelector("[name=" + n + "]").value;
      if (!get("text").trim()) continue;
      const d = { text: get("text"), format: get("format") };
      for (const n of ["id", "title", "outlet", "published"]) {
        if (get(n).trim()) d[n] = get(n).trim();
      }
      documents.push(d);
    }
    return { documents: documents };
  }

  function setStatus(text, isError) {
    const s = $("status");
    s.textContent = text;
    s.className = isError ? "error" : "";
  }

  async function run() {
    const body = collect();
    if (body.documents.length === 0) {
      setStatus("Paste or drop at least one article.", true);
      return;
    }
    setStatus("Auditing " + body.documents.length + " article(s)…");
    $("run").disabled = true;
    try {
      const res = await fetch("/v1/audit?include=text", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await res.json().catch(() => ({ error: "the server's answer is not JSON" }));
      if (!res.ok) {
        setStatus("Error " + res.status + ": " + (data.error || "unknown"), true);
        return;
      }
      render(data);
      setStatus("Done.");
    } catch (e) {
      setStatus("Could not reach the server: " + e, true);
    } finally {
      $("run").disabled = false;
    }
  }

  // ----- results -----

  let report = null;
  const claimsById = new Map();
  const docsById = new Map();
  const inConflict = new Set();

  function interval(c) {
    const n = (v) => (v === null || v === undefined ? "∞" : Number(v).toLocaleString("en-US"));
    if (c.low === c.high) return n(c.low);
    if (c.high === null) return "≥ " + n(c.low);
    if (c.low === null) return "≤ " + n(c.high);
    return n(c.low) + "–" + n(c.high);
  }

  function sourceOf(c) {
    const a = c.attribution;
    if (!a) return "unattributed";
    let s = a.source + (a.kind ? " (" + a.kind + ")" : "");
    if (a.via && a.via.length) s += " via " + a.via.join(" → ");
    return s;
  }

  function counted(c) {
    return c.counted ? c.counted.as_written || c.counted.head || "" : "";
  }

  function hover(c) {
    const lines = [c.text + " = " + interval(c) + (counted(c) ? " " + counted(c) : "")];
    lines.push("source: " + sourceOf(c));
    if (c.attribution && c.attribution.as_written) lines.push("as written: " + c.attribution.as_written);
    if (c.modality) lines.push("modality: " + c.modality);
    if (c.credibility) lines.push("credibility: " + c.credibility.score.toFixed(2));
    return lines.join("\n");
  }

  /** Split a document's text (spans are UTF-8 byte offsets) into plain,
   *  claim and skipped segments. */
  function segments(doc, claims) {
    const bytes = new TextEncoder().encode(doc.text || "");
    const dec = new TextDecoder();
    const marks = [];
    for (const c of claims) marks.push({ start: c.span[0], end: c.span[1], claim: c });
    for (const s of doc.skipped || []) marks.push({ start: s.span[0], end: s.span[1], skipped: s });
    marks.sort((a, b) => a.start - b.start || b.end - a.end);
    const out = [];
    let at = 0;
    for (const m of marks) {
      if (m.start < at || m.end > bytes.length || m.end < m.start) continue;
      if (m.start > at) out.push({ text: dec.decode(bytes.subarray(at, m.start)) });
      out.push(Object.assign({ text: dec.decode(bytes.subarray(m.start, m.end)) }, m));
      at = m.end;
    }
    if (at < bytes.length) out.push({ text: dec.decode(bytes.subarray(at)) });
    return out;
  }

  function domId(prefix, index) {
    return prefix + "-" + index;
  }

  function render(data) {
    report = data;
    claimsById.clear();
    docsById.clear();
    inConflict.clear();
    data.claims.forEach((c, i) => { c._dom = domId("claim", i); claimsById.set(c.id, c); });
    data.documents.forEach((d, i) => { d._dom = domId("doc", i); docsById.set(d.id, d); });
    for (const f of data.findings) {
      if (f.kind === "conflict") f.claims.forEach((id) => inConflict.add(id));
    }
    $("results").hidden = false;
    $("compare").hidden = true;
    const summary = $("summary");
    summary.replaceChildren(el("p", "", (data.summary && data.summary.text) ||
      data.documents.length + " document(s), " + data.claims.length + " claim(s)"));
    renderFindings(data.findings);
    renderClusters(data.clusters);
    renderArticles(data);
  }

  function renderFindings(findings) {
    const list = $("findings");
    list.replaceChildren();
    if (!findings.length) list.appendChild(el("li", "", "No findings."));
    for (const f of findings) {
      const li = el("li", "finding");
      li.tabIndex = 0;
      li.appendChild(el("span", "sev sev-" + f.severity, f.severity));
      li.appendChild(el("span", "code", f.code));
      li.appendChild(el("span", "", f.message));
      li.title = "Show the claims side by side";
      const open = () => compare(f);
      li.addEventListener("click", open);
      li.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
      list.appendChild(li);
    }
  }

  function chip(id) {
    const c = claimsById.get(id);
    const b = el("button", "chip", c ? c.text + " · " + c.doc : id);
    b.type = "button";
    b.addEventListener("click", () => jump(id));
    return b;
  }

  function renderClusters(clusters) {
    const list = $("clusters");
    list.replaceChildren();
    for (const cl of clusters) {
      const li = el("li");
      li.appendChild(el("strong", "", cl.label));
      li.appendChild(el("span", "", " — " + cl.verdict));
      const chips = el("div");
      for (const id of cl.claims) chips.appendChild(chip(id));
      li.appendChild(chips);
      list.appendChild(li);
    }
  }

  function renderArticles(data) {
    const box = $("articles");
    box.replaceChildren();
    for (const doc of data.documents) {
      const art = el("article", "article");
      art.id = doc._dom;
      art.appendChild(el("h3", "", doc.title || doc.id));
      const meta = [doc.id, doc.outlet, doc.published].filter(Boolean).join(" · ");
      art.appendChild(el("div", "meta", meta));
      for (const e of doc.errors || []) art.appendChild(el("div", "errors", e));
      const body = el("div", "body");
      const claims = data.claims.filter((c) => c.doc === doc.id);
      for (const seg of segments(doc, claims)) {
        if (seg.claim) {
          const m = el("mark", "claim" + (inConflict.has(seg.claim.id) ? " conflict" : ""), seg.text);
          m.id = seg.claim._dom;
          m.title = hover(seg.claim);
          body.appendChild(m);
        } else if (seg.skipped) {
          const s = el("span", "skipped", seg.text);
          s.title = "not the article: " + seg.skipped.role + " (" + seg.skipped.rule + ")";
          body.appendChild(s);
        } else {
          body.appendChild(document.createTextNode(seg.text));
        }
      }
      art.appendChild(body);
      box.appendChild(art);
    }
  }

  function jump(id) {
    const c = claimsById.get(id);
    if (!c) return;
    const m = document.getElementById(c._dom);
    if (!m) return;
    m.scrollIntoView({ block: "center", behavior: "smooth" });
    m.classList.add("flash");
    setTimeout(() => m.classList.remove("flash"), 1500);
  }

  /** A sentence with the figure highlighted (the figure's first occurrence). */
  function sentenceNode(c) {
    const p = el("p", "sentence");
    const s = c.sentence || "";
    const i = s.indexOf(c.text);
    if (i < 0) { p.textContent = s; return p; }
    p.appendChild(document.createTextNode(s.slice(0, i)));
    p.appendChild(el("mark", "claim", c.text));
    p.appendChild(document.createTextNode(s.slice(i + c.text.length)));
    return p;
  }

  function compare(f) {
    $("compare-title").textContent = f.code + " " + f.kind + ": " + f.message;
    const box = $("compare-body");
    box.replaceChildren();
    for (const id of f.claims) {
      const c = claimsById.get(id);
      if (!c) continue;
      const doc = docsById.get(c.doc) || {};
      const side = el("div", "side");
      side.appendChild(el("div", "doc", doc.title || c.doc));
      side.appendChild(el("div", "meta", [c.doc, doc.outlet, doc.published].filter(Boolean).join(" · ")));
      side.appendChild(sentenceNode(c));
      const dl = el("dl");
      const row = (k, v) => { dl.appendChild(el("dt", "", k)); dl.appendChild(el("dd", "", v)); };
      row("figure", c.text + " = " + interval(c));
      if (counted(c)) row("counts", counted(c));
      row("source", sourceOf(c));
      if (c.attribution && c.attribution.as_written) row("as written", c.attribution.as_written);
      if (c.credibility) {
        const dd = el("dd");
        dd.appendChild(el("span", "score", c.credibility.score.toFixed(2)));
        const ul = el("ul");
        for (const r of c.credibility.reasons || []) ul.appendChild(el("li", "", r));
        dd.appendChild(ul);
        dl.appendChild(el("dt", "", "credibility"));
        dl.appendChild(dd);
      }
      side.appendChild(dl);
      const go = el("button", "", "Show in article");
      go.type = "button";
      go.addEventListener("click", () => jump(id));
      side.appendChild(go);
      box.appendChild(side);
    }
    $("compare").hidden = false;
  }

  document.addEventListener("DOMContentLoaded", () => {
    addArticle();
    addArticle();
    $("add").addEventListener("click", () => addArticle());
    $("run").addEventListener("click", run);
    $("compare-close").addEventListener("click", () => { $("compare").hidden = true; });
    $("files").addEventListener("change", (e) => addFiles(e.target.files));
    const drop = $("drop");
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      if (e.dataTransfer && e.dataTransfer.files.length) addFiles(e.dataTransfer.files);
    });
    // Dropping a file anywhere else must not navigate away from the page.
    window.addEventListener("dragover", (e) => e.preventDefault());
    window.addEventListener("drop", (e) => e.preventDefault());
  });
})();
