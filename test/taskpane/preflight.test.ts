// The preflight script of taskpane.html (src/taskpane/preflight/preflight.es5.js, with the messages
// of src/i18n/preflight.ts written in at build time): it parses as ES5, and run in an engine without
// ES2015 (no Promise, Symbol, Map…, no arrow functions) it shows the message instead of a white
// pane. The Chromium side is in test/browser/taskpane.browser.test.ts.
import * as acorn from "acorn";
import * as path from "path";
import * as vm from "vm";
import { PREFLIGHT_MESSAGES } from "../../src/i18n/preflight";

const root = path.join(__dirname, "../..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { preflightScript } = require(path.join(root, "scripts/webpack/preflight.js")) as {
  preflightScript(root: string): string;
};
const script = preflightScript(root);

const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";

/** The slice of the DOM the script touches, enough to read back what it rendered. */
class Node {
  children: Node[] = [];
  attrs: Record<string, string> = {};
  style: Record<string, string> = {};
  textContent = "";
  constructor(readonly tag: string) {}
  get firstChild(): Node | null {
    return this.children[0] ?? null;
  }
  appendChild(n: Node): Node {
    this.children.push(n);
    return n;
  }
  removeChild(n: Node): Node {
    this.children = this.children.filter((c) => c !== n);
    return n;
  }
  setAttribute(k: string, v: string): void {
    this.attrs[k] = v;
  }
  getAttribute(k: string): string | null {
    return this.attrs[k] ?? null;
  }
  text(): string {
    return this.textContent + this.children.map((c) => c.text()).join("");
  }
}

interface Page {
  html: Node;
  container: Node;
  window: Record<string, unknown>;
  loaded(): void;
}

/**
 * Runs the script in a fresh context. `es5`: the engine of Internet Explorer 11 — the ES2015+
 * built-ins deleted, and a Function constructor that, like that engine, refuses any syntax past ES5.
 */
function run(opts: { userAgent: string; es5: boolean; es5Syntax?: boolean; bodyYet?: boolean }): Page {
  const html = new Node("html");
  const body = new Node("body");
  const container = new Node("div");
  body.appendChild(container);
  const listeners: Array<() => void> = [];
  let bodyThere = opts.bodyYet ?? false;
  const document = {
    documentElement: html,
    get body() {
      return bodyThere ? body : null;
    },
    getElementById: (id: string) => (bodyThere && id === "container" ? container : null),
    createElement: (tag: string) => new Node(tag),
    addEventListener: (type: string, fn: () => void) => {
      if (type === "DOMContentLoaded") listeners.push(fn);
    },
  };
  const context = vm.createContext({ document, navigator: { userAgent: opts.userAgent } });
  const window = vm.runInContext("this", context) as Record<string, unknown>;
  window.window = window;
  if (opts.es5 || opts.es5Syntax) {
    if (opts.es5)
      vm.runInContext(
        `for (const name of ["Promise", "Symbol", "Map", "Set", "WeakMap", "WeakSet", "Proxy", "Reflect"]) delete globalThis[name];
         delete Object.fromEntries; delete Array.prototype.flatMap;`,
        context,
      );
    const realFunction = window.Function as FunctionConstructor;
    window.Function = function ES5Function(...args: string[]) {
      // IE11's engine: a SyntaxError for anything ES5 cannot parse.
      acorn.parse(`(function(${args.slice(0, -1).join(",")}){${args.at(-1) ?? ""}})`, { ecmaVersion: 5 });
      return realFunction(...args);
    };
  }
  vm.runInContext(script, context);
  return {
    html,
    container,
    window,
    loaded: () => {
      bodyThere = true;
      for (const fn of listeners) fn();
    },
  };
}

const shown = (p: Page) => p.container.text();
const words = (kind: keyof typeof PREFLIGHT_MESSAGES) =>
  PREFLIGHT_MESSAGES[kind].title + PREFLIGHT_MESSAGES[kind].body.join("");

describe("taskpane.html's preflight script", () => {
  test("parses as ES5, the messages written in as ES5-safe escapes", () => {
    expect(() => acorn.parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect([...script].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    expect(script).not.toContain("</");
  });

  test("in Internet Explorer 11 (no ES2015) it shows the message instead of a white pane", () => {
    const page = run({ userAgent: IE11, es5: true });
    expect(page.html.getAttribute("data-kensho-preflight")).toBe("ie");
    expect(shown(page)).toBe(""); // the body is not there yet while <head> runs
    page.loaded();
    expect(shown(page)).toBe(words("ie"));
    expect(shown(page)).toContain("kensho.exe");
    expect(page.container.children[0].getAttribute("role")).toBe("alert");
  });

  test("in an EdgeHTML webview it names Edge Legacy", () => {
    const page = run({ userAgent: EDGE_HTML, es5: false, bodyYet: true });
    expect(shown(page)).toBe(words("edge"));
  });

  test("an engine without ES2015 that does not say which it is still gets the message", () => {
    const page = run({ userAgent: "Mozilla/5.0 (unknown)", es5: true, bodyYet: true });
    expect(page.html.getAttribute("data-kensho-preflight")).toBe("old");
    expect(shown(page)).toBe(words("old"));
  });

  test("built-ins polyfilled but no ES2022 syntax (the bundle's static block, ??=): still the message", () => {
    const page = run({ userAgent: "Mozilla/5.0 (unknown)", es5: false, es5Syntax: true, bodyYet: true });
    expect(shown(page)).toBe(words("old"));
  });

  test("in WebView2 it stays silent, and speaks when office.js did not load", () => {
    const page = run({ userAgent: WEBVIEW2, es5: false, bodyYet: true });
    expect(page.html.getAttribute("data-kensho-preflight")).toBeNull();
    (page.window.Office as unknown) = {};
    (page.window.kenshoPreflight as { afterOfficeJs(): void }).afterOfficeJs();
    expect(shown(page)).toBe("");
    delete page.window.Office;
    (page.window.kenshoPreflight as { afterOfficeJs(): void }).afterOfficeJs();
    expect(page.html.getAttribute("data-kensho-preflight")).toBe("officeJs");
    expect(shown(page)).toBe(words("officeJs"));
  });

  test("the old-webview message is not replaced by the office.js one", () => {
    const page = run({ userAgent: IE11, es5: true, bodyYet: true });
    (page.window.kenshoPreflight as { afterOfficeJs(): void }).afterOfficeJs();
    expect(shown(page)).toBe(words("ie"));
  });
});
