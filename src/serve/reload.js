// showcase serve: live reload and the error overlay. The server adds this script to HTML
// responses only (never to built files), as <script src=".../__showcase/reload.js"> right after
// a JSON block holding {events, overlay}: the URL of the event stream and the overlay to show
// now (null when the site has no errors). It runs under the theme's Content-Security-Policy:
// no inline code, and the overlay is styled through the CSSOM (element.style), which a policy
// without 'unsafe-inline' still allows, never through style attributes in markup.
(function () {
  "use strict";
  var OVERLAY_ID = "showcase-error-overlay";

  var block = document.currentScript && document.currentScript.previousElementSibling;
  var config;
  try {
    config = JSON.parse(block.textContent);
  } catch (e) {
    return;
  }

  // "/x/index.html" and "/x/" are the same page; "%E5%BB%B6" and "延" the same path.
  function normalize(path) {
    try {
      path = decodeURIComponent(path);
    } catch (e) {
      // A malformed escape stays as it is; it is then compared as written.
    }
    return path.replace(/\/index\.html$/, "/");
  }

  function pathOf(href) {
    try {
      return normalize(new URL(href, location.href).pathname);
    } catch (e) {
      return null;
    }
  }

  // Replaces a stylesheet by a fresh copy and removes the old one once the new one has loaded,
  // so the page does not flash unstyled.
  function refreshStylesheet(link) {
    var url = new URL(link.href, location.href);
    url.searchParams.set("showcase-reload", String(Date.now()));
    var fresh = link.cloneNode(false);
    fresh.href = url.href;
    fresh.onload = fresh.onerror = function () {
      if (link.parentNode) link.parentNode.removeChild(link);
    };
    link.parentNode.insertBefore(fresh, link.nextSibling);
  }

  function stylesheets() {
    return Array.prototype.filter.call(document.querySelectorAll("link[href]"), function (link) {
      return /(^|\s)stylesheet(\s|$)/i.test(link.rel);
    });
  }

  function showOverlay(overlay) {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.parentNode.removeChild(old);
    if (!overlay) return;

    var panel = document.createElement("div");
    panel.id = OVERLAY_ID;
    panel.setAttribute("role", "alert");
    panel.style.cssText =
      "all:initial;position:fixed;top:0;left:0;right:0;z-index:2147483647;display:flex;" +
      "flex-direction:column;max-height:80vh;background:#fff;color:#1b1b1b;" +
      "border-bottom:4px solid #8b1a1a;box-shadow:0 6px 24px rgba(0,0,0,.4);" +
      "font:16px/1.4 system-ui,-apple-system,'Segoe UI','PingFang SC','Microsoft YaHei'," +
      "'Noto Sans CJK SC','Apple SD Gothic Neo','Malgun Gothic','Noto Sans CJK KR',sans-serif;";

    var bar = document.createElement("div");
    bar.style.cssText =
      "display:flex;align-items:center;justify-content:space-between;gap:1em;" +
      "padding:.5em 1em;background:#8b1a1a;color:#fff;font-weight:bold;";
    var heading = document.createElement("span");
    heading.textContent = overlay.heading;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "\u00d7";
    close.setAttribute("aria-label", "Close");
    close.title = "Close";
    close.style.cssText =
      "all:initial;cursor:pointer;color:#fff;font:bold 1.5em/1 system-ui,sans-serif;" +
      "padding:0 .25em;";
    close.onclick = function () {
      showOverlay(null);
    };
    bar.appendChild(heading);
    bar.appendChild(close);

    // Monospace first, then monospace CJK faces, then any CJK face, so carets line up under
    // Chinese and Korean text wherever the system has a suitable font.
    var text = document.createElement("pre");
    text.textContent = overlay.text;
    text.style.cssText =
      "all:initial;display:block;margin:0;padding:1em;overflow:auto;min-height:0;" +
      "flex:1 1 auto;white-space:pre;" +
      "background:#fff;color:#1b1b1b;tab-size:4;" +
      "font:14px/1.5 ui-monospace,'SFMono-Regular',Menlo,Consolas,'DejaVu Sans Mono'," +
      "'Noto Sans Mono CJK SC','Noto Sans Mono CJK KR','Sarasa Mono SC','D2Coding'," +
      "'PingFang SC','Microsoft YaHei','Apple SD Gothic Neo','Malgun Gothic',monospace;";

    panel.appendChild(bar);
    panel.appendChild(text);
    (document.body || document.documentElement).appendChild(panel);
  }

  function onReload(event) {
    var data;
    try {
      data = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    var here = normalize(location.pathname);
    var changed = (data.changed || []).map(normalize);
    if (changed.indexOf(here) !== -1) {
      location.reload();
      return;
    }
    stylesheets().forEach(function (link) {
      if (changed.indexOf(pathOf(link.href)) !== -1) refreshStylesheet(link);
    });
    showOverlay(data.overlay);
  }

  // EventSource retries on its own while the server is away; once it is back the page may be
  // out of date (the server was restarted, or updates were missed), so it is reloaded. A stream
  // that failed for good (an error status) is reopened by hand.
  var opened = false;
  var lost = false;
  function connect() {
    var source = new EventSource(config.events);
    source.addEventListener("reload", onReload);
    source.onopen = function () {
      if (lost) location.reload();
      opened = true;
    };
    source.onerror = function () {
      if (opened) lost = true;
      if (source.readyState === EventSource.CLOSED) setTimeout(connect, 1000);
    };
  }

  // A page brought back from the back/forward cache missed every event meanwhile.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) location.reload();
  });

  showOverlay(config.overlay);
  connect();
})();
