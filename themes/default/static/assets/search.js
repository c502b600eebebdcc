/* showcase search: the client of the static index that `showcase build` writes under
 * search/<lang>/<version>/ (see the theme's README, "Search"). No framework and no other file.
 *
 * The first half is the pure core, which Node runs in the tests (tests/search.rs): the analyzer
 * (the same rules as src/search/tokenize.rs: bigrams of Han, Hangul and Kana, single characters,
 * lowercase words), the query plan, shard selection, ranking and snippets. The second half wires
 * the core to the search page and runs only in a browser.
 *
 * Matching: a record matches when it holds every required term of the query. A Chinese run gives
 * its bigrams (a single character itself), a word itself; a Korean run that ends in a common
 * particle (연변에서, 축제를) requires only the bigrams of its stem, and the particle's bigrams
 * count as extra matches, so records with the whole form rank first.
 * Ranking: the title equal to the query, then all required terms in the title, then the number
 * of query terms matched, then how close their first occurrences are to the query's own
 * spacing, then a shorter title, then term frequency weighted by rarity, then site order. */
(function () {
  "use strict";

  const MAX_WORD = 32;
  const HAN = 1, HANGUL = 2, KANA = 3, WORD = 4;

  /* Korean particles (조사) a query word may end with, longest first. */
  const PARTICLES = [
    "에서는", "에서도", "에게서", "으로는", "으로도", "으로서", "으로써", "이라는",
    "에서", "에게", "한테", "까지", "부터", "으로", "보다", "처럼", "마다", "이나",
    "에는", "에도", "와의", "과의", "로서", "로써", "라는",
    "의", "은", "는", "이", "가", "을", "를", "에", "와", "과", "도", "로", "만",
  ];

  function script(cp) {
    if (cp === 0x3007 || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
        (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x323af)) return HAN;
    if ((cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) ||
        (cp >= 0x3131 && cp <= 0x318e)) return HANGUL;
    if ((cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x30a1 && cp <= 0x30fa) || cp === 0x30fc) return KANA;
    if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xdf && cp <= 0xf6) ||
        (cp >= 0xf8 && cp <= 0x24f) || (cp >= 0x3ac && cp <= 0x3ce) || (cp >= 0x430 && cp <= 0x45f)) return WORD;
    return 0;
  }

  /* Full-width ASCII folded, letters lowercased where that gives one character. */
  function normalize(ch) {
    let cp = ch.codePointAt(0);
    if (cp >= 0xff01 && cp <= 0xff5e) { cp -= 0xfee0; ch = String.fromCodePoint(cp); }
    if (cp < 0x80) return ch.toLowerCase();
    if (ch === "ς") return "σ";
    const lower = ch.toLowerCase();
    return Array.from(lower).length === 1 ? lower : ch;
  }

  /* The runs of `text`: words and runs of one CJK script, each with its position (in units: a
   * CJK character or a word) and the UTF-16 offsets of its characters in `text`. */
  function runs(text, position) {
    const out = [];
    let run = null;
    let i = 0;
    const close = () => {
      if (run && run.script === WORD) position += 1;
      run = null;
    };
    for (const raw of text) {
      const ch = normalize(raw);
      const kind = script(ch.codePointAt(0));
      const start = i;
      i += raw.length;
      if (!kind) { close(); continue; }
      if (!run || run.script !== kind) {
        close();
        run = { script: kind, chars: [], starts: [], ends: [], position: position };
        out.push(run);
      }
      if (kind === WORD) {
        if (run.chars.length < MAX_WORD) run.chars.push(ch);
        run.ends[0] = i;
        if (run.starts.length === 0) run.starts.push(start);
      } else {
        run.chars.push(ch);
        run.starts.push(start);
        run.ends.push(i);
        position += 1;
      }
    }
    close();
    return { runs: out, end: position };
  }

  /* Calls emit(term, position, start, end) for every term of `text`, as the index builder does;
   * returns the position after the text. */
  function analyze(text, position, emit) {
    const r = runs(text, position || 0);
    for (const run of r.runs) {
      if (run.script === WORD) {
        emit(run.chars.join(""), run.position, run.starts[0], run.ends[0]);
        continue;
      }
      for (let j = 0; j < run.chars.length; j++) {
        emit(run.chars[j], run.position + j, run.starts[j], run.ends[j]);
        if (j > 0) emit(run.chars[j - 1] + run.chars[j], run.position + j - 1, run.starts[j - 1], run.ends[j]);
      }
    }
    return r.end;
  }

  /* Characters at the end of a Hangul run that are a particle, leaving a stem of two or more. */
  function particleLength(chars) {
    const word = chars.join("");
    for (const p of PARTICLES) {
      if (word.endsWith(p) && chars.length - p.length >= 2) return p.length;
    }
    return 0;
  }

  /* What a query looks for: terms with their offset in the query and whether they are required;
   * `units` is the query's length, `stemUnits` its length without particles. */
  function queryPlan(query) {
    const r = runs(query, 0);
    const terms = [];
    const index = new Map();
    let particles = 0;
    const add = (term, offset, required, positioned) => {
      const known = index.get(term);
      if (known !== undefined) { terms[known].required = terms[known].required || required; return; }
      index.set(term, terms.length);
      terms.push({ term: term, offset: offset, required: required, positioned: positioned });
    };
    for (const run of r.runs) {
      if (run.script === WORD) { add(run.chars.join(""), run.position, true, true); continue; }
      const n = run.chars.length;
      if (n === 1) { add(run.chars[0], run.position, true, false); continue; }
      const k = run.script === HANGUL ? particleLength(run.chars) : 0;
      particles += k;
      for (let j = 0; j + 1 < n; j++) {
        add(run.chars[j] + run.chars[j + 1], run.position + j, j + 1 < n - k, true);
      }
    }
    return { terms: terms, units: r.end, stemUnits: r.end - particles };
  }

  const encoder = typeof TextEncoder !== "undefined" ? new TextEncoder() : null;
  const decoder = typeof TextDecoder !== "undefined" ? new TextDecoder() : null;

  /* FNV-1a of the term's UTF-8 bytes, as src/search/index.rs computes it. */
  function shardOf(term, shards) {
    let h = 0x811c9dc5;
    for (const b of encoder.encode(term)) { h ^= b; h = Math.imul(h, 0x01000193) >>> 0; }
    return (h & (shards - 1)) >>> 0;
  }

  function readVarint(bytes, cursor) {
    let value = 0, scale = 1, byte;
    do {
      byte = bytes[cursor.at++];
      value += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte >= 0x80);
    return value;
  }

  /* A shard's terms → where their postings are (decoded only when a query asks for them). */
  function parseShard(bytes) {
    const terms = new Map();
    const cursor = { at: 0 };
    while (cursor.at < bytes.length) {
      const length = readVarint(bytes, cursor);
      const term = decoder.decode(bytes.subarray(cursor.at, cursor.at + length));
      cursor.at += length;
      const count = readVarint(bytes, cursor);
      const size = readVarint(bytes, cursor);
      terms.set(term, { bytes: bytes, start: cursor.at, count: count });
      cursor.at += size;
    }
    return terms;
  }

  /* Where the text starts, counted from the title's start. A posting's first position counts
   * from the title's start when the term is in the title, else from the text's own; ranking
   * compares positions as though every title were this long (few are longer). */
  const TEXT_START = 64;

  /* A term's postings: [{doc, count, title (the title's length when in it, else 0), first}],
   * `first` counted from the title's start. */
  function decodePostings(entry, positioned) {
    const out = new Array(entry.count);
    const cursor = { at: entry.start };
    let doc = 0;
    for (let i = 0; i < entry.count; i++) {
      doc += readVarint(entry.bytes, cursor);
      const flags = readVarint(entry.bytes, cursor);
      const title = flags % 2 === 1 ? readVarint(entry.bytes, cursor) : 0;
      const at = positioned ? readVarint(entry.bytes, cursor) : 0;
      const first = title > 0 || !positioned ? at : TEXT_START + at;
      out[i] = { doc: doc, count: Math.floor(flags / 2), title: title, first: first };
    }
    return out;
  }

  /* Ranks the records that hold every required term. `postings[i]` are the postings of
   * `plan.terms[i]`; `docs` is the number of records in the index. */
  function rank(plan, postings, docs) {
    const terms = plan.terms;
    const byDoc = postings.map((list) => new Map(list.map((p) => [p.doc, p])));
    const required = terms.map((t, i) => i).filter((i) => terms[i].required);
    if (required.length === 0) return [];
    required.sort((a, b) => postings[a].length - postings[b].length);
    const idf = postings.map((list) => Math.log(1 + docs / Math.max(1, list.length)));
    const aligned = (hits, which) => which.every((i) => hits[i] && hits[i].title > 0 &&
      (!terms[i].positioned || hits[i].first === terms[i].offset));
    const all = terms.map((t, i) => i);
    const results = [];
    for (const first of postings[required[0]]) {
      const doc = first.doc;
      if (!required.every((i) => byDoc[i].has(doc))) continue;
      const hits = terms.map((t, i) => byDoc[i].get(doc));
      let matched = 0, weight = 0, titleLength = 0;
      hits.forEach((hit, i) => {
        if (!hit) return;
        matched += 1;
        weight += Math.log(1 + hit.count) * idf[i];
        if (hit.title) titleLength = hit.title;
      });
      const inTitle = required.every((i) => hits[i].title > 0);
      const exact = (titleLength === plan.units && aligned(hits, all)) ||
        (plan.stemUnits < plan.units && titleLength === plan.stemUnits && aligned(hits, required));
      let proximity = 0, anchor = -1;
      for (let i = 0; i < terms.length; i++) {
        if (!hits[i] || !terms[i].positioned) continue;
        if (anchor < 0) { anchor = i; continue; }
        const expected = terms[i].offset - terms[anchor].offset;
        proximity += Math.min(1000, Math.abs(hits[i].first - hits[anchor].first - expected));
      }
      results.push({ doc: doc, exact: exact, inTitle: inTitle, matched: matched,
        proximity: proximity, titleLength: inTitle ? titleLength : 0, weight: weight });
    }
    results.sort((a, b) => (b.exact - a.exact) || (b.inTitle - a.inTitle) ||
      (b.matched - a.matched) || (a.proximity - b.proximity) ||
      (a.titleLength - b.titleLength) || (b.weight - a.weight) || (a.doc - b.doc));
    return results;
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  /* `text` (or, with `length`, a window of about that many characters around the best match)
   * as HTML, the query's terms marked with <mark>, everything escaped. */
  function highlight(text, plan, length) {
    text = text.replace(/\s+/g, " ");
    const onlyChars = plan.terms.every((t) => !t.positioned);
    const wanted = new Set(plan.terms.filter((t) => onlyChars || t.positioned).map((t) => t.term));
    const found = [];
    analyze(text, 0, (term, position, start, end) => {
      if (wanted.has(term)) found.push({ term: term, position: position, start: start, end: end });
    });
    found.sort((a, b) => a.position - b.position || a.start - b.start);
    let from = 0, to = text.length;
    if (length && text.length > length) {
      let best = 0, bestScore = 0;
      for (let i = 0; i < found.length; i++) {
        const seen = new Set();
        for (let j = i; j < found.length && found[j].position - found[i].position <= plan.units + 8; j++) {
          seen.add(found[j].term);
        }
        if (seen.size > bestScore) { bestScore = seen.size; best = i; }
      }
      const at = found.length ? found[best].start : 0;
      from = Math.max(0, at - Math.floor(length / 5));
      to = Math.min(text.length, from + length);
      from = Math.max(0, Math.min(from, to - length));
      if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from -= 1;
      if (to < text.length && /[\udc00-\udfff]/.test(text[to])) to += 1;
    }
    const marks = [];
    for (const f of found) {
      if (f.end <= from || f.start >= to) continue;
      const start = Math.max(from, f.start), end = Math.min(to, f.end);
      const last = marks[marks.length - 1];
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else marks.push({ start: start, end: end });
    }
    marks.sort((a, b) => a.start - b.start);
    let html = from > 0 ? "…" : "";
    let at = from;
    for (const m of marks) {
      if (m.start < at) continue;
      html += escapeHtml(text.slice(at, m.start)) + "<mark>" + escapeHtml(text.slice(m.start, m.end)) + "</mark>";
      at = m.end;
    }
    html += escapeHtml(text.slice(at, to)) + (to < text.length ? "…" : "");
    return html;
  }

  /* A language's index, read through `load(path, binary)` → Promise of bytes (binary) or text,
   * `path` relative to the index folder. `params.manifest` names the manifest, which names
   * each shard and chunk by the hash of its bytes (16 hex digits each, in order). The manifest,
   * shards and chunks are fetched once each. */
  class Index {
    constructor(params, load) {
      this.docs = params.docs;
      this.shards = params.shards;
      this.chunk = params.chunk;
      this.manifest = params.manifest;
      this.load = load;
      this.names = null;
      this.shardCache = new Map();
      this.chunkCache = new Map();
    }

    /* The file of the `i`th shard (`kind` "t", ".bin") or chunk ("d", ".json"). */
    file(kind, i, extension, binary) {
      if (!this.names) this.names = this.load(this.manifest, false).then(JSON.parse);
      return this.names.then((names) => this.load(names[kind].substr(16 * i, 16) + extension, binary));
    }

    shard(i) {
      if (!this.shardCache.has(i)) {
        this.shardCache.set(i, this.file("t", i, ".bin", true).then(parseShard));
      }
      return this.shardCache.get(i);
    }

    /* The record rows `[url, title, collection, region, date, date_display, lang_tag, text]`. */
    row(doc) {
      const i = Math.floor(doc / this.chunk);
      if (!this.chunkCache.has(i)) {
        this.chunkCache.set(i, this.file("d", i, ".json", false).then(JSON.parse));
      }
      return this.chunkCache.get(i).then((rows) => rows[doc - i * this.chunk]);
    }

    /* The query's plan and its ranked records. */
    async search(query) {
      const plan = queryPlan(query);
      if (plan.terms.length === 0) return { plan: plan, ranked: [] };
      const shards = await Promise.all(plan.terms.map((t) => this.shard(shardOf(t.term, this.shards))));
      const postings = plan.terms.map((t, i) => {
        const entry = shards[i].get(t.term);
        return entry ? decodePostings(entry, t.positioned) : [];
      });
      return { plan: plan, ranked: rank(plan, postings, this.docs) };
    }

    /* Results `from` to `from + count` of a search, ready to show. */
    async results(found, from, count) {
      const shown = found.ranked.slice(from, from + count);
      const rows = await Promise.all(shown.map((r) => this.row(r.doc)));
      return rows.map((row, i) => ({
        doc: shown[i].doc,
        url: row[0], title: row[1], collection: row[2], region: row[3], date: row[4],
        dateDisplay: row[5], langTag: row[6],
        titleHtml: highlight(row[1], found.plan),
        snippetHtml: highlight(row[7], found.plan, 120),
      }));
    }
  }

  const core = { analyze: analyze, normalize: normalize, queryPlan: queryPlan, shardOf: shardOf,
    parseShard: parseShard, decodePostings: decodePostings, rank: rank, highlight: highlight,
    escapeHtml: escapeHtml, Index: Index, PARTICLES: PARTICLES };
  if (typeof module === "object" && module.exports) module.exports = core;
  if (typeof document === "undefined") return;

  /* ---------- The search page ---------- */

  const PAGE = 10;
  const DEBOUNCE = 200;

  function start(root) {
    const form = root.querySelector("form");
    const input = root.querySelector("input[name=q]");
    const status = root.querySelector("[role=status]");
    const list = root.querySelector(".search-results");
    const more = root.querySelector(".search-more");
    const t = (key) => root.getAttribute("data-t-" + key) || "";
    let fetched = 0;
    const manifest = root.getAttribute("data-index");
    const folder = manifest.slice(0, manifest.lastIndexOf("/") + 1);
    const index = new Index({
      docs: Number(root.getAttribute("data-docs")),
      shards: Number(root.getAttribute("data-shards")),
      chunk: Number(root.getAttribute("data-chunk")),
      manifest: manifest.slice(folder.length),
    }, (path, binary) => fetch(folder + path).then((response) => {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.arrayBuffer();
    }).then((buffer) => {
      fetched += buffer.byteLength;
      const bytes = new Uint8Array(buffer);
      return binary ? bytes : decoder.decode(bytes);
    }));
    let generation = 0;
    let current = null;
    let timer = 0;

    /* An element with a class and, when given, its text. */
    function element(tag, className, text) {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text !== undefined) node.textContent = text;
      return node;
    }

    function item(result) {
      const li = element("li", "search-result");
      const heading = element("h3", "search-result-title");
      const link = element("a");
      link.href = result.url;
      link.innerHTML = result.titleHtml;
      heading.appendChild(link);
      const meta = element("p", "search-result-meta");
      for (const text of [result.collection, result.region]) {
        if (text) meta.appendChild(element("span", "", text));
      }
      const time = element("time", "", result.dateDisplay);
      time.dateTime = result.date;
      meta.appendChild(time);
      const snippet = element("p", "search-result-snippet");
      snippet.innerHTML = result.snippetHtml;
      if (result.langTag) {
        heading.lang = result.langTag;
        snippet.lang = result.langTag;
        meta.appendChild(element("span", "badge", t("untranslated")));
      }
      li.append(heading, meta, snippet);
      return li;
    }

    async function show(found, from, mine) {
      const results = await index.results(found, from, PAGE);
      if (mine !== generation) return false;
      const items = results.map(item);
      list.append(...items);
      more.hidden = from + PAGE >= found.ranked.length;
      return items;
    }

    async function run(query) {
      const mine = ++generation;
      const started = performance.now();
      fetched = 0;
      query = query.trim();
      const url = new URL(window.location.href);
      if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url.pathname + url.search + url.hash);
      root.setAttribute("aria-busy", "true");
      try {
        const found = query ? await index.search(query) : { plan: null, ranked: [] };
        if (mine !== generation) return;
        list.textContent = "";
        current = found;
        if (found.ranked.length) await show(found, 0, mine);
        if (mine !== generation) return;
        more.hidden = found.ranked.length <= PAGE;
        status.textContent = !query ? "" : found.ranked.length
          ? t("count").replace("{n}", found.ranked.length)
          : t("none").replace("{q}", query);
        root.setAttribute("data-results", String(found.ranked.length));
      } catch (error) {
        if (mine !== generation) return;
        status.textContent = t("error");
        root.setAttribute("data-error", String(error));
      }
      root.removeAttribute("aria-busy");
      root.setAttribute("data-query", query);
      root.setAttribute("data-query-ms", (performance.now() - started).toFixed(1));
      root.setAttribute("data-bytes", String(fetched));
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => run(input.value), DEBOUNCE);
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      run(input.value);
    });
    more.addEventListener("click", async () => {
      if (!current) return;
      const items = await show(current, list.children.length, generation);
      if (items && items.length) items[0].querySelector("a").focus();
    });
    const query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run(query);
    }
  }

  const root = document.getElementById("search");
  if (root) start(root);
})();
