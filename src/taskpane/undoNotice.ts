// What the pane says after 元に戻す: what went back, and which cells it left alone and why.
import type { CellLocation, UndoOutcome } from "../adapters/excel/workbookHost";
import { t } from "../i18n/taskpane";
import type { Notice } from "./notices";

/** How many cells a notice names before it says "and N more". */
const LISTED = 20;

function cells(list: CellLocation[]): string {
  const named = list.slice(0, LISTED).map((c) => t.undoOutcome.cell(c.sheet, c.address));
  const more = list.length - named.length;
  return more > 0 ? `${named.join("、")}${t.undoOutcome.more(more)}` : named.join("、");
}

export function undoNotice(outcome: UndoOutcome): Notice {
  const { restored, already, changed, unproven } = outcome;
  if (changed.length === 0 && unproven.length === 0) {
    if (restored.length === 0 && already.length > 0)
      return { kind: "info", title: t.undoOutcome.alreadyBack };
    return { kind: "success", title: t.progress.undone };
  }
  const body = [
    changed.length > 0 ? t.undoOutcome.changedSince(cells(changed)) : null,
    unproven.length > 0 ? t.undoOutcome.unproven(cells(unproven)) : null,
  ].filter(Boolean);
  return { kind: "warning", title: t.undoOutcome.partly(restored.length), body: body.join("\n") };
}
