// Runs first in taskpane.html, inline and in ES5 only, so that Internet Explorer 11 and Microsoft
// Edge Legacy (EdgeHTML) webviews run it too: Office 2016/2019 perpetual and older Microsoft 365
// builds host add-ins in them (browsers-used-by-office-web-add-ins.md), and the bundle needs ES2022.
// Where the pane cannot run it shows a message from src/i18n/preflight.ts (injected at build time by
// scripts/webpack/preflight.js) instead of a white pane; and once office.js's <script> has run, it
// says so when office.js did not load (no network to Microsoft's CDN, a missing local copy).
// The bundle does not mount when this script has shown a message (data-kensho-preflight).
(function (win, doc) {
  var messages = /* KENSHO_PREFLIGHT_MESSAGES */ null;
  var root = doc.documentElement;

  // Microsoft's own test (support-ie-11.md): "Trident" is Internet Explorer; "Edge/" is EdgeHTML
  // (Chromium-based Edge says "Edg/").
  function legacyWebview() {
    var ua = (win.navigator && win.navigator.userAgent) || "";
    if (ua.indexOf("Trident") !== -1) return "ie";
    if (/\bEdge\/\d/.test(ua)) return "edge";
    return null;
  }

  // What the bundle needs: ES2022 syntax (a class static block, ??=, ?., ??, async arrows) and the
  // built-ins below. test/taskpane/preflight.test.ts keeps this probe in step with the bundle.
  var BUILT_INS = ["Promise", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "Proxy", "Reflect"];
  var PROBE = "class A { static { this.b ??= 1; } } var o = null; return async () => o?.p ?? A.b;";

  function canRunBundle() {
    for (var i = 0; i < BUILT_INS.length; i++) {
      if (typeof win[BUILT_INS[i]] !== "function" && typeof win[BUILT_INS[i]] !== "object") return false;
    }
    if (typeof Object.fromEntries !== "function" || typeof Array.prototype.flatMap !== "function")
      return false;
    try {
      new Function(PROBE);
    } catch (e) {
      // A policy that forbids compiling code (CSP) says nothing about the engine: only a syntax
      // error does.
      return !(e && e.name === "SyntaxError");
    }
    return true;
  }

  function render(kind) {
    var message = messages && messages[kind];
    if (!message) return;
    var host = doc.getElementById("container") || doc.body;
    var box = doc.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("data-testid", "preflight-" + kind);
    box.style.padding = "12px";
    box.style.fontFamily = "'Segoe UI', 'Meiryo', sans-serif";
    box.style.lineHeight = "1.6";
    var title = doc.createElement("h1");
    title.style.fontSize = "16px";
    title.textContent = message.title;
    box.appendChild(title);
    for (var i = 0; i < message.body.length; i++) {
      var p = doc.createElement("p");
      p.style.fontSize = "14px";
      p.textContent = message.body[i];
      box.appendChild(p);
    }
    while (host.firstChild) host.removeChild(host.firstChild);
    host.appendChild(box);
  }

  function show(kind) {
    if (root.getAttribute("data-kensho-preflight")) return;
    root.setAttribute("data-kensho-preflight", kind);
    if (doc.body) render(kind);
    else
      doc.addEventListener("DOMContentLoaded", function () {
        render(kind);
      });
  }

  var kind = legacyWebview() || (canRunBundle() ? null : "old");
  if (kind) show(kind);

  win.kenshoPreflight = {
    // Called by the inline script right after office.js's <script>: a failed load leaves no Office.
    afterOfficeJs: function () {
      if (typeof win.Office === "undefined") show("officeJs");
    }
  };
})(window, document);
