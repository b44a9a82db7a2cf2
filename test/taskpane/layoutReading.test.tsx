/** @jest-environment jsdom */
// 設定 → 読み取り結果 and 年度の指定, over the real core: the pane shows how each sheet was read (as
// `kensho --explain-layout` prints it), states the year for a workbook that cannot, and stops with
// the clashing columns named when a header is ambiguous.
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { TaskpaneController, YEAR_SETTING } from "../../src/taskpane/controller";
import { checkWorkbook } from "../../src/core/check";
import { gridFromArrays } from "../../src/core/grid";
import type { CellValue, SheetGrid } from "../../src/core/model";
import { t } from "../../src/i18n/taskpane";
import { FILE_ERRORS } from "../../src/i18n/findings";
import { verificationGrid } from "../fakes/sampleGrids";
import { StubHost } from "./stubs";

async function setup(grids: SheetGrid[], before?: (host: StubHost) => void) {
  const host = new StubHost();
  host.grids = grids;
  before?.(host);
  const checkFn = jest.fn(checkWorkbook);
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook: checkFn });
  await controller.init();
  render(
    <React.StrictMode>
      <App controller={controller} theme={webLightTheme} />
    </React.StrictMode>,
  );
  return { host, checkFn, controller };
}

function check(): void {
  fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
}

function openSettings(): void {
  fireEvent.click(screen.getByRole("tab", { name: t.tabs.settings }));
}

/** A sheet whose headers name no year: 前年度実績値 / 実績値 / 目標値, and no title. */
function yearlessGrid(): SheetGrid {
  const rows: CellValue[][] = [
    [
      "大基本目標",
      "小基本目標",
      "具体的な施策",
      "重要業績評価指標(KPI)名称",
      "基準値",
      "前年度実績値",
      "実績値",
      "目標値",
      "計画最終年度目標値",
      "進捗状況",
      "進捗が遅れている理由",
      "指標の担当課",
    ],
    [
      "1 しごとの創生",
      "1-1 安定した雇用の創出",
      "①地域産業",
      "新規求人数",
      "90件",
      "100件",
      "120件",
      "110件",
      "150件",
      "順調に進捗",
      "-",
      "商工労働課",
    ],
  ];
  return gridFromArrays("1-1", rows);
}

describe("設定 → 読み取り結果", () => {
  test("shows each sheet's header rows, every column's field and header, and the year with its source", async () => {
    await setup([verificationGrid("1-1", 3), verificationGrid("2-1", 2)]);
    openSettings();
    expect(screen.getByText(t.layout.notYetChecked)).toBeTruthy();
    check();
    await screen.findByTestId("summary");
    const sheets = await screen.findAllByTestId("layout-sheet");
    expect(sheets.map((s) => s.dataset.sheet)).toEqual(["1-1", "2-1"]);
    const first = within(sheets[0]);
    expect(first.getByTestId("layout-year").textContent).toBe(
      "年度: 令和5年度（実績値の見出し「令和5年度 実績値」（I2））",
    );
    expect(sheets[0].textContent).toContain("見出し: 2行目（データは3行目から）");
    const columns = first.getAllByTestId("layout-column").map((c) => c.textContent);
    expect(columns).toContain("I令和5年度の実績値　←　「令和5年度 実績値」（見出しの年度）");
    expect(columns).toContain("H前年度の実績値　←　「令和4年度 実績値」（見出しの年度）");
    expect(columns).toContain("C:D具体的な施策　←　「数値目標 具体的な施策」（見出しの項目名）");
    expect(first.getAllByTestId("layout-column").map((c) => c.dataset.field)).toEqual([
      "goal",
      "subGoal",
      "measure",
      "kpi",
      "activity",
      "baseline",
      "previous",
      "actual",
      "target",
      "finalTarget",
      "status",
      "reason",
      "department",
    ]);
    expect(first.getAllByTestId("layout-claim").map((c) => c.textContent)).toContain(
      "ほかの記載: タイトル「令和5年度 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート」（A1） → 令和5年度",
    );
  });
});

describe("設定 → 年度の指定", () => {
  test("a workbook that names no year: the year typed is validated, saved with the workbook, and used to re-check", async () => {
    const { host, checkFn } = await setup([yearlessGrid()]);
    check();
    await screen.findByTestId("summary");
    expect(screen.getByTestId("fiscal-year").textContent).toBe(t.summary.fiscalYearUnknown);
    openSettings();
    expect(screen.getByTestId("layout-year").textContent).toContain("年度: 不明");
    expect(screen.getByTestId("year-current").textContent).toBe(t.year.current(null));

    const input = screen.getByTestId("year-input") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "来年度" } });
    fireEvent.click(screen.getByRole("button", { name: t.year.save }));
    expect(await screen.findByText(t.year.invalid)).toBeTruthy();
    expect(host.settings.has(YEAR_SETTING)).toBe(false);

    fireEvent.change(input, { target: { value: "Ｒ６" } });
    fireEvent.click(screen.getByRole("button", { name: t.year.save }));
    await waitFor(() => expect(host.settings.get(YEAR_SETTING)).toBe(2024));
    await screen.findByText(t.year.saved(2024, true));
    expect(checkFn).toHaveBeenLastCalledWith(
      host.grids,
      expect.anything(),
      expect.objectContaining({ fiscalYear: 2024 }),
    );
    expect(screen.getByTestId("fiscal-year").textContent).toBe("令和6年度");
    expect(screen.getByTestId("layout-year").textContent).toBe(
      "年度: 令和6年度（指定した年度「令和6年度」）",
    );
    expect(input.value).toBe("令和6年度");
    // The columns are read by what their headers say, the year by what planning stated.
    const fields = screen.getAllByTestId("layout-column").map((c) => c.dataset.field);
    expect(fields.slice(5, 8)).toEqual(["previous", "actual", "target"]);

    fireEvent.click(screen.getByRole("button", { name: t.year.clear }));
    await waitFor(() => expect(host.settings.get(YEAR_SETTING)).toBeNull());
    expect(checkFn).toHaveBeenLastCalledWith(
      host.grids,
      expect.anything(),
      expect.objectContaining({ fiscalYear: null }),
    );
    await waitFor(() =>
      expect(screen.getByTestId("fiscal-year").textContent).toBe(t.summary.fiscalYearUnknown),
    );
  });

  test("a year saved in the workbook is used on open; a malformed one is ignored", async () => {
    const a = await setup([yearlessGrid()], (h) => h.settings.set(YEAR_SETTING, 2023));
    check();
    await screen.findByTestId("summary");
    expect(a.checkFn).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.anything(),
      expect.objectContaining({ fiscalYear: 2023 }),
    );
    expect(screen.getByTestId("fiscal-year").textContent).toBe("令和5年度");
    await a.controller.dispose();
  });

  test.each([["2023"], [20.5], [1500], [{ year: 2023 }]])("a saved year of %j is ignored", async (saved) => {
    const { checkFn, controller } = await setup([yearlessGrid()], (h) => h.settings.set(YEAR_SETTING, saved));
    check();
    await screen.findByTestId("summary");
    expect(checkFn).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.anything(),
      expect.objectContaining({ fiscalYear: null }),
    );
    await controller.dispose();
  });
});

describe("an ambiguous header in the pane", () => {
  test("stops the check, names both columns, and leaves 設定 open to see why", async () => {
    const g = verificationGrid("1-1", 3);
    // Last year's 実績値 relabelled with this year: two columns claim this year's actual.
    const h = g.cells.find((c) => c.row === 1 && c.col === 7)!;
    h.value = h.text = "令和5年度\n実績値";
    const { host } = await setup([g]);
    check();
    const err = await screen.findByTestId("file-error");
    expect(err.textContent).toContain(FILE_ERRORS["ambiguous-layout"].title);
    expect(err.textContent).toContain("H列「令和5年度 実績値」とI列「令和5年度 実績値」");
    expect(err.textContent).toContain(t.errors.layoutHint);
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(host.flags).toEqual([]);
    expect(screen.queryAllByTestId("finding")).toEqual([]);
    openSettings();
    const conflict = await screen.findByTestId("layout-conflict");
    expect(conflict.textContent).toContain("どちらも「令和5年度の実績値」");
    expect(
      screen
        .getAllByTestId("layout-column")
        .filter((c) => c.dataset.field === "actual")
        .map((c) => c.textContent?.slice(0, 1)),
    ).toEqual(["H", "I"]);
  });
});
