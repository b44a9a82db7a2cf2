// Stands in for office.js in Chromium (browser tests, `npm run demo`): defines Office and Excel
// backed by the fake Excel. Built by webpack.config.js into dist/test-shim/office-shim.js.
//
// Where the fake comes from, in order:
//   1. the parent window's fake (the demo page owns it and shows the workbook beside the pane);
//   2. grids injected by the test as window.__kenshoGrids (page.addInitScript), with optional
//      window.__kenshoFakeOptions (older ExcelApi, protected sheets…).
// The fake is exposed as window.__kenshoFake so tests can inspect selection, fills and values.
import type { SheetGrid } from "../../src/core/model";
import { FakeExcel, installFakeOffice, type FakeExcelOptions } from "../fakes/fakeExcel";

declare global {
  interface Window {
    __kenshoGrids?: SheetGrid[];
    __kenshoFakeOptions?: FakeExcelOptions;
    __kenshoFake?: FakeExcel;
  }
}

function parentFake(): FakeExcel | undefined {
  try {
    return window.parent !== window ? window.parent.__kenshoFake : undefined;
  } catch {
    return undefined; // cross-origin parent
  }
}

const fake = parentFake() ?? new FakeExcel(window.__kenshoGrids ?? [], window.__kenshoFakeOptions ?? {});
window.__kenshoFake = fake;
installFakeOffice(window as unknown as Record<string, unknown>, fake);
