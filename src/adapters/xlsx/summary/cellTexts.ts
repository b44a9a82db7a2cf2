// ExcelJS writes a cell's text into the shared strings as it is, and drops the C0 controls it meets:
// a KPI name holding U+FFFE makes the part ill-formed, one holding `_x0041_` comes back as "A". This
// pass gives every text of the summary (cells and link tooltips) the ST_Xstring escapes the
// surgical writers use, once, just before the workbook is written.
import * as ExcelJS from "exceljs";
import { toXstring } from "../write/xml/escapeText";

export function escapeCellTexts(wb: ExcelJS.Workbook): void {
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // its value is its master's
        const v = cell.value;
        if (typeof v === "string") cell.value = toXstring(v);
        else if (v !== null && typeof v === "object" && "hyperlink" in v)
          cell.value = {
            ...v,
            text: toXstring(v.text),
            ...(v.tooltip !== undefined ? { tooltip: toXstring(v.tooltip) } : {}),
          };
      }),
    ),
  );
}
