// Runs queries against a built site with the site's own client script, from disk: the search
// page of each language names the script and the index (its data attributes), exactly as a
// browser reads them. Used by tests/search.rs; prints one JSON object on stdout.
//
//   node driver.js request.json
//
// request: {"site": built folder, "base": base path ("/" or "/sub/"),
//           "pages": {"zh": "search/index.html", "ko": "ko/search/index.html"},
//           "tokens": tests/search/tokens.tsv (optional), "show": results to load per query,
//           "queries": [{"lang": "zh", "query": "延边"}, …]}
// answer:  {"tokens": [mismatches], "queries": [{lang, query, ranked: [doc…], top: [{doc, url,
//           title, titleHtml, snippetHtml}], bytes, ms}]}
"use strict";

const fs = require("fs");
const path = require("path");

const request = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const site = request.site;

// A URL of the site (with the base path) → its file in the built folder.
function file(url) {
  if (!url.startsWith(request.base)) throw new Error(url + " is not under " + request.base);
  return path.join(site, url.slice(request.base.length));
}

function attribute(html, name) {
  const match = html.match(new RegExp(name + '="([^"]*)"'));
  if (!match) throw new Error("no " + name + " on the search page");
  return match[1];
}

const pages = {};
let core = null;
for (const [lang, page] of Object.entries(request.pages)) {
  const html = fs.readFileSync(path.join(site, page), "utf8");
  const script = html.match(/<script src="([^"]*search\.js)"/);
  if (!script) throw new Error(page + " loads no search.js");
  core = require(file(script[1]));
  const manifest = attribute(html, "data-index");
  const folder = manifest.slice(0, manifest.lastIndexOf("/") + 1);
  pages[lang] = {
    folder: folder,
    params: {
      docs: Number(attribute(html, "data-docs")),
      shards: Number(attribute(html, "data-shards")),
      chunk: Number(attribute(html, "data-chunk")),
      manifest: manifest.slice(folder.length),
    },
  };
}

const tokens = [];
if (request.tokens) {
  for (const line of fs.readFileSync(request.tokens, "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [text, expected] = line.split("\t");
    const got = [];
    core.analyze(text, 0, (term, position) => got.push(term + "@" + position));
    if (got.join(" ") !== expected) tokens.push({ text: text, expected: expected, got: got.join(" ") });
  }
}

async function run(lang, query) {
  const page = pages[lang];
  let bytes = 0;
  // A new index for every query: `bytes` is what a first query downloads.
  const index = new core.Index(page.params, (relative, binary) => {
    const data = fs.readFileSync(file(page.folder + relative));
    bytes += data.length;
    return Promise.resolve(binary ? new Uint8Array(data) : data.toString("utf8"));
  });
  const started = process.hrtime.bigint();
  const found = await index.search(query);
  const top = await index.results(found, 0, request.show || 10);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    lang: lang,
    query: query,
    ranked: found.ranked.map((r) => r.doc),
    top: top.map((r) => ({ doc: r.doc, url: r.url, title: r.title, titleHtml: r.titleHtml, snippetHtml: r.snippetHtml })),
    bytes: bytes,
    ms: ms,
  };
}

(async () => {
  const queries = [];
  for (const q of request.queries) queries.push(await run(q.lang, q.query));
  process.stdout.write(JSON.stringify({ tokens: tokens, queries: queries }));
})().catch((error) => {
  console.error(error && error.stack ? error.stack : String(error));
  process.exit(1);
});
