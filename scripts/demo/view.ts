// The demo page's left pane: a read-only rendering of the fake Excel's workbook (the colours a person
// sees, notes, comments, drop-downs, selection), redrawn whenever the fake changes. The task pane runs in the
// iframe beside it and reaches this same fake through the office.js shim (window.parent).
import { DEMO_TEXT } from "../../src/i18n/demo";
import type { SheetGrid } from "../../src/core/model";
import { FakeExcel } from "../../test/fakes/fakeExcel";
import { cellAddress, columnLetters, parseArea } from "../../src/adapters/excel/a1";

declare global {
  interface Window {
    __kenshoGrids?: SheetGrid[];
    __kenshoFake?: FakeExcel;
  }
}

const fake = new FakeExcel(window.__kenshoGrids ?? []);
window.__kenshoFake = fake;

const css = `
#workbook { font-size: 12px; }
.tabs { display: flex; gap: 2px; padding: 4px 8px 0; background: #f3f2f1; border-bottom: 1px solid #c8c6c4; flex-wrap: wrap; }
.tabs button { font: inherit; padding: 4px 10px; border: 1px solid #c8c6c4; border-bottom: 0; background: #e1dfdd; cursor: pointer; }
.tabs button[aria-selected="true"] { background: #fff; font-weight: 600; color: #217346; }
.grid { overflow: auto; flex: 1; }
table { border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #d4d4d4; padding: 2px 4px; vertical-align: top; white-space: pre-wrap; overflow: hidden; max-width: 220px; position: relative; }
td .v { max-height: 4.2em; overflow: hidden; }
th { background: #f3f2f1; color: #605e5c; font-weight: normal; position: sticky; top: 0; z-index: 1; }
th.rowhead { position: sticky; left: 0; z-index: 1; }
tr.hidden td { opacity: .35; }
td.selected { outline: 2px solid #217346; outline-offset: -2px; }
.badge { position: absolute; top: 0; right: 0; width: 0; height: 0; border-left: 7px solid transparent; border-top: 7px solid #c50f1f; }
.badge.comment { border-top-color: #8764b8; }
.dv { color: #605e5c; font-size: 10px; margin-left: 2px; }
.legend { padding: 4px 8px; color: #605e5c; border-top: 1px solid #c8c6c4; }
`;

type FakeSheet = FakeExcel["sheets"][number];

let current: string | null = null;
let lastSignature = "";

function visibleSheets(): FakeSheet[] {
  return fake.sheets.filter((s) => s.visibility === "Visible");
}

function render(): void {
  const root = document.getElementById("workbook")!;
  const sheets = visibleSheets();
  // Follow the workbook: when the pane selects a cell on another sheet, show that sheet.
  const active = fake.selection?.sheet ?? fake.activeSheet;
  if (active && sheets.some((s) => s.name === active)) current = active;
  if (!current || !sheets.some((s) => s.name === current)) current = sheets[0]?.name ?? null;
  const sheet = sheets.find((s) => s.name === current);

  root.textContent = "";
  const style = document.createElement("style");
  style.textContent = css;
  root.appendChild(style);

  const tabs = document.createElement("div");
  tabs.className = "tabs";
  tabs.setAttribute("role", "tablist");
  for (const s of sheets) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = s.name;
    b.setAttribute("role", "tab");
    b.setAttribute("aria-selected", String(s.name === current));
    b.addEventListener("click", () => {
      fake.activeSheet = s.name;
      fake.selection = null;
      current = s.name;
      render();
    });
    tabs.appendChild(b);
  }
  root.appendChild(tabs);

  const wrap = document.createElement("div");
  wrap.className = "grid";
  root.appendChild(wrap);
  if (sheet) wrap.appendChild(table(sheet));

  const legend = document.createElement("div");
  legend.className = "legend";
  legend.textContent = DEMO_TEXT.legend;
  root.appendChild(legend);

  wrap.querySelector("td.selected")?.scrollIntoView({ block: "center", inline: "center" });
}

function table(sheet: FakeSheet): HTMLTableElement {
  const used = sheet.usedArea(false) ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of sheet.merges) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const sel =
    fake.selection && fake.selection.sheet === sheet.name ? parseArea(fake.selection.address) : null;

  const t = document.createElement("table");
  const head = t.createTHead().insertRow();
  head.appendChild(document.createElement("th"));
  for (let c = 0; c <= used.right; c++) {
    const th = document.createElement("th");
    th.textContent = columnLetters(c);
    head.appendChild(th);
  }
  const body = t.createTBody();
  for (let r = 0; r <= used.bottom; r++) {
    const tr = body.insertRow();
    if (sheet.hiddenRows.has(r)) tr.className = "hidden";
    const th = document.createElement("th");
    th.className = "rowhead";
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c <= used.right; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const td = tr.insertCell();
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.cols;
      }
      const cell = sheet.peek(r, c);
      const addr = cellAddress(r, c);
      td.dataset.address = addr;
      const v = document.createElement("div");
      v.className = "v";
      v.textContent = cell ? cell.text || (cell.value === null ? "" : String(cell.value)) : "";
      td.appendChild(v);
      // What a person sees: a conditional format's fill (kensho's marks) over the cell's own.
      const shown = fake.displayedFill(sheet.name, addr);
      if (shown) td.style.background = shown;
      const note = fake.note(sheet.name, addr);
      const comment = fake.comment(sheet.name, addr);
      const tips = [note, comment].filter((x): x is string => !!x);
      if (tips.length) {
        td.title = tips.join("\n\n");
        const badge = document.createElement("span");
        badge.className = note ? "badge" : "badge comment";
        td.appendChild(badge);
      }
      if (cell?.validation) {
        const dv = document.createElement("span");
        dv.className = "dv";
        dv.textContent = "\u25BE";
        td.appendChild(dv);
      }
      if (sel && r >= sel.top && r <= sel.bottom && c >= sel.left && c <= sel.right)
        td.className = "selected";
    }
  }
  return t;
}

/** Cheap enough at this size: redraw only when cells, notes, comments or selection changed. */
function poll(): void {
  const sig = JSON.stringify([
    fake.snapshot(),
    fake.selection,
    fake.activeSheet,
    fake.sheets.map((s) => s.visibility),
  ]);
  if (sig !== lastSignature) {
    lastSignature = sig;
    render();
  }
}

poll();
setInterval(poll, 300);
// Only now that the fake exists may the pane load: its office.js shim picks up window.parent's fake.
(document.getElementById("pane") as HTMLIFrameElement).src = "/taskpane.html";
