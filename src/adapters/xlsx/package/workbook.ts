// xl/workbook.xml: the sheets in tab order, each with its relationship to its part.
import { attrLocal, parseXml, xmlTrue } from "./xml";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WorkbookSheet {
  name: string;
  sheetId: number;
  /** The relationship id ("rId1") that names the sheet's part in the workbook's rels. */
  rId: string;
  state: SheetState;
}

export interface WorkbookInfo {
  sheets: WorkbookSheet[];
  /** Dates count from 1904-01-01 (old Mac workbooks) rather than 1899-12-30. */
  date1904: boolean;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  parseXml(xml, {
    open(name, a) {
      if (name === "workbookPr") date1904 = xmlTrue(a.date1904);
      else if (name === "sheet") {
        const state = a.state === "hidden" || a.state === "veryHidden" ? a.state : "visible";
        sheets.push({
          name: a.name ?? "",
          sheetId: Number(a.sheetId) || 0,
          rId: attrLocal(a, "id") ?? "",
          state,
        });
      }
    },
  });
  return { sheets, date1904 };
}
