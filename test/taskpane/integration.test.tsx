/** @jest-environment jsdom */
// The pane over the real core and the real Office adapter, on the stateful fake Excel. Below the
// first test, the year cycle (issue 19): a department's copy made by `kensho split` (its marker read
// from workbook.properties.custom) shows its own rows and findings, with a line saying how many rows
// of others it leaves out, until staff choose すべて; 進捗状況 shows 見通し; 取り込み takes last year's
// workbook for the comparison.
import "./textCodecs";
import * as path from "path";
import { within } from "@testing-library/react";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { markerProperties } from "../../src/core/cycle/splitMarker";
import type { SheetGrid } from "../../src/core/model";
import { OUTLOOK_LABELS } from "../../src/i18n/outlook";
import { picked, sampleMarker, set } from "../helpers/returnedCopies";
import { buildPreviousYearWorkbook } from "../../scripts/previousYearSample";
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { TaskpaneController } from "../../src/taskpane/controller";
import { checkWorkbook } from "../../src/core/check";
import { t } from "../../src/i18n/taskpane";
import { createFakeHostForTests } from "../fakes/fakeHost";
import { verificationGrid } from "../fakes/sampleGrids";

test("check, flag, select and apply go through to the fake workbook", async () => {
  const { fake, host } = await createFakeHostForTests([verificationGrid("1-1", 8)]);
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  render(
    <React.StrictMode>
      <App controller={controller} theme={webLightTheme} />
    </React.StrictMode>,
  );

  fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
  await screen.findByTestId("summary");
  expect(screen.getByTestId("read-line").textContent).toBe(t.summary.readLine(1, 8));

  const first = screen.getAllByTestId("finding")[0];
  const [sheet, address] = first.title.split(" ")[0].split("!");
  await waitFor(() => expect(fake.displayedFill(sheet, address)).not.toBeNull());
  fireEvent.click(first);
  await waitFor(() => expect(fake.selection).toEqual({ sheet, address }));

  fireEvent.click(screen.getByRole("tab", { name: t.tabs.progress }));
  const differing = screen.queryAllByTestId("progress-row").filter((r) => r.dataset.differing === "true");
  if (differing.length > 0) {
    fireEvent.click(screen.getByRole("button", { name: t.actions.applyAll }));
    await screen.findByText(t.progress.applied(differing.length));
    await waitFor(() =>
      expect(
        screen.queryAllByTestId("progress-row").filter((r) => r.dataset.differing === "true"),
      ).toHaveLength(0),
    );
  }

  fireEvent.click(screen.getByRole("button", { name: t.actions.clearFlags }));
  await screen.findByText(t.flags.cleared);
  expect(fake.displayedFill(sheet, address)).toBeNull();
  expect(fake.conditionalFormats(sheet)).toEqual([]);
  await controller.dispose();
});

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

let grids: SheetGrid[];
beforeAll(async () => {
  grids = await readWorkbookFile(SAMPLE);
});

async function pane(properties: Array<[string, string]>) {
  const { fake, host } = await createFakeHostForTests(grids, { customProperties: properties });
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  render(
    <React.StrictMode>
      <App controller={controller} theme={webLightTheme} />
    </React.StrictMode>,
  );
  fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
  await screen.findByTestId("summary");
  return { fake, controller };
}

test("a copy made by split shows its department's rows and findings, and says how many others it left out", async () => {
  const { controller } = await pane(markerProperties(sampleMarker("交通政策課")));
  expect(controller.getState().copyOf).toMatchObject({ department: "交通政策課", masterFile: "原本.xlsx" });
  await waitFor(() =>
    expect((screen.getByTestId("department-filter") as HTMLSelectElement).value).toBe("交通政策課"),
  );
  expect(screen.getByTestId("copy-scope").textContent).toBe(t.summary.copyScope("交通政策課", 44));
  // 交通政策課's findings only: its rows are 3-1!15, 3-1!16 and 3-2!9.
  const findings = screen.getAllByTestId("finding").map((f) => f.title.split(" ")[0]);
  expect(findings.length).toBeGreaterThan(0);
  expect(findings.every((f) => /^3-1![A-Z]+1[56]$|^3-2![A-Z]+9$/.test(f))).toBe(true);

  // 進捗状況 shows each row's 見通し.
  fireEvent.click(screen.getByRole("tab", { name: t.tabs.progress }));
  const rows = screen.getAllByTestId("progress-row");
  expect(rows).toHaveLength(3);
  const bus = rows.find((r) => r.textContent?.includes("コミュニティバス利用者数"))!;
  expect(within(bus).getByTestId("outlook").textContent).toMatch(
    new RegExp(`^${OUTLOOK_LABELS["off-track"]}: `),
  );

  // すべて: every row, and the choice holds over a re-check.
  fireEvent.click(screen.getByRole("tab", { name: t.tabs.check }));
  fireEvent.change(screen.getByTestId("department-filter"), { target: { value: "" } });
  await waitFor(() => expect(screen.queryByTestId("copy-scope")).toBeNull());
  fireEvent.click(screen.getByRole("button", { name: t.actions.recheck }));
  await waitFor(() => expect(controller.getState().phase).toBe("ready"));
  expect((screen.getByTestId("department-filter") as HTMLSelectElement).value).toBe("");
  await controller.dispose();
});

test("a workbook without the marker is shown whole", async () => {
  const { controller } = await pane([["所管", "企画調整課"]]);
  expect(controller.getState().copyOf).toBeNull();
  expect(screen.queryByTestId("copy-scope")).toBeNull();
  expect((screen.getByTestId("department-filter") as HTMLSelectElement).value).toBe("");
  await controller.dispose();
});

test("取り込み: last year's workbook is compared with; no value of the workbook changes", async () => {
  const { fake, controller } = await pane([]);
  const values = () =>
    JSON.stringify(
      (fake.snapshot() as Array<{ cells: unknown[][] }>).map((s) => s.cells.map((c) => c.slice(0, 2))),
    );
  const before = values();
  const lastYear = await buildPreviousYearWorkbook((rows) => set(rows, "新規求人数", { actual: "1,480件" }));
  fireEvent.click(screen.getByRole("tab", { name: t.tabs.submissions }));
  fireEvent.change(screen.getByTestId("previous-input"), {
    target: { files: [picked("令和4年度.xlsx", lastYear), picked("壊れた.xlsx", new Uint8Array([1, 2, 3]))] },
  });
  await screen.findByText(t.previous.done(1));
  expect(screen.getByTestId("previous-files").textContent).toBe(
    t.previous.using("令和4年度.xlsx（令和4年度）"),
  );
  expect(screen.getByTestId("previous-problem").textContent).toContain("壊れた.xlsx");
  const codes = controller.getState().check!.findings.map((f) => `${f.code}:${f.kpi}`);
  expect(codes).toContain("previous-actual-differs:新規求人数");
  expect(controller.getState().check!.rows[0].history?.years.map((y) => y.year)).toEqual([2022, 2023]);
  expect(values()).toBe(before);
  fireEvent.click(screen.getByRole("button", { name: t.previous.clear }));
  await screen.findByText(t.previous.cleared);
  expect(controller.getState().check!.findings.some((f) => f.code === "previous-actual-differs")).toBe(false);
  await controller.dispose();
});
