// Rows and columns inserted or deleted move the cells a step names; the step moves with them while
// the pane hears of it (a closed pane does not: 元に戻す then compares and leaves such cells alone).
import { moveCell, type StructuralChange } from "../flags/moves";
import type { EditDocument } from "./editRecord";

export function moveEdits(doc: EditDocument, change: StructuralChange): EditDocument {
  return {
    steps: doc.steps.flatMap((step) => {
      const entries = step.entries.flatMap((e) => {
        if (e.sheet !== change.sheet) return [e];
        const cell = moveCell(e.cell, change);
        return cell === null ? [] : [{ ...e, cell }];
      });
      return entries.length > 0 ? [{ ...step, entries }] : [];
    }),
  };
}

export function renameEdits(doc: EditDocument, from: string, to: string): EditDocument {
  return {
    steps: doc.steps.map((s) => ({
      ...s,
      entries: s.entries.map((e) => (e.sheet === from ? { ...e, sheet: to } : e)),
    })),
  };
}
