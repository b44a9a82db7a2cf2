/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import {
  FILTER_SETTING,
  RULE_SETTING,
  TaskpaneController,
  type CheckFn,
} from "../../src/taskpane/controller";
import { HostError, type HostSupport } from "../../src/adapters/excel/workbookHost";
import type { WorkbookCheck } from "../../src/core/model";
import { t } from "../../src/i18n/taskpane";
import { renderFinding } from "../../src/i18n/findings";
import { FULL_SUPPORT, OLD_SUPPORT, StubHost, sampleCheck } from "./stubs";

interface SetupOptions {
  support?: HostSupport;
  check?(): WorkbookCheck;
  before?(host: StubHost): void;
}

async function setup(opts: SetupOptions = {}) {
  const host = new StubHost(opts.support ?? FULL_SUPPORT);
  opts.before?.(host);
  const make = opts.check ?? sampleCheck;
  const checkFn = jest.fn<WorkbookCheck, Parameters<CheckFn>>(() => make());
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook: checkFn });
  await controller.init();
  render(
    <React.StrictMode>
      <App controller={controller} theme={webLightTheme} />
    </React.StrictMode>,
  );
  return { host, checkFn, controller };
}

async function runCheck(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
  await screen.findByTestId("summary");
}

function openTab(name: string): void {
  fireEvent.click(screen.getByRole("tab", { name }));
}

describe("task pane", () => {
  test("検証する shows the year, what was read, the counts and the findings, and flags cells", async () => {
    const { host, checkFn } = await setup();
    await runCheck();
    const summary = screen.getByTestId("summary");
    expect(within(summary).getByTestId("fiscal-year").textContent).toBe("令和5年度");
    expect(within(summary).getByTestId("read-line").textContent).toBe(t.summary.readLine(2, 3));
    expect(screen.getByTestId("count-error").textContent).toBe(t.summary.count("error", 1));
    expect(screen.getByTestId("count-warning").textContent).toBe(t.summary.count("warning", 2));
    expect(screen.getByTestId("count-info").textContent).toBe(t.summary.count("info", 1));
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
    // Grouped by KPI by default: three KPIs.
    expect(screen.getAllByTestId("finding-group")).toHaveLength(3);
    expect(checkFn).toHaveBeenCalledWith(
      host.grids,
      expect.objectContaining({ onTrack: 1, nearlyOnTrack: 0.85 }),
      expect.objectContaining({ fiscalYear: null, reasonPlaceholders: expect.arrayContaining(["特になし"]) }),
    );
    // One flag per cell; M8 has two findings: worst severity, both messages.
    await waitFor(() => expect(host.flags).toHaveLength(3));
    const m8 = host.flags.find((f) => f.address === "M8")!;
    expect(m8.severity).toBe("error");
    const [reason, unit] = sampleCheck()
      .findings.filter((f) => f.cell === "M8")
      .map(renderFinding);
    expect(m8.message).toBe(`${reason}\n${unit}`);
    // Checking never writes values.
    expect(host.edits).toHaveLength(0);
  });

  test("activating a finding selects its cell", async () => {
    const { host } = await setup();
    await runCheck();
    const f = screen.getAllByTestId("finding").find((b) => b.textContent?.includes("M7"))!;
    fireEvent.click(f);
    await waitFor(() => expect(host.selected).toEqual([{ sheet: "2-1", address: "M7" }]));
  });

  test("findings can be grouped by severity", async () => {
    await setup();
    await runCheck();
    fireEvent.click(screen.getByRole("radio", { name: t.findings.groupBySeverity }));
    const groups = screen.getAllByTestId("finding-group");
    expect(groups.map((g) => g.querySelector("h3")!.textContent)).toEqual([
      expect.stringContaining(t.severity.error),
      expect.stringContaining(t.severity.warning),
      expect.stringContaining(t.severity.info),
    ]);
  });

  test("the 担当課 filter narrows findings and rows, and is saved with the workbook", async () => {
    const { host } = await setup();
    await runCheck();
    const select = screen.getByTestId("department-filter") as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([t.filter.all, "商工労働課", "文化観光課"]);
    fireEvent.change(select, { target: { value: "文化観光課" } });
    await waitFor(() => expect(host.settings.get(FILTER_SETTING)).toBe("文化観光課"));
    expect(screen.getAllByTestId("finding")).toHaveLength(1);
    expect(screen.getByTestId("count-error").textContent).toBe(t.summary.count("error", 0));
    openTab(t.tabs.progress);
    expect(screen.getAllByTestId("progress-row")).toHaveLength(1);
    fireEvent.change(screen.getByTestId("department-filter"), { target: { value: "" } });
    await waitFor(() => expect(host.settings.get(FILTER_SETTING)).toBe(""));
    expect(screen.getAllByTestId("progress-row")).toHaveLength(3);
  });

  test("a remembered 担当課 is applied on open", async () => {
    await setup({ before: (h) => h.settings.set(FILTER_SETTING, "商工労働課") });
    await runCheck();
    expect((screen.getByTestId("department-filter") as HTMLSelectElement).value).toBe("商工労働課");
    expect(screen.getAllByTestId("finding")).toHaveLength(3);
  });

  test("進捗状況 shows computed beside entered, highlights differences, applies only on click, and undoes", async () => {
    const { host } = await setup();
    await runCheck();
    openTab(t.tabs.progress);
    const rows = screen.getAllByTestId("progress-row");
    expect(rows.map((r) => r.dataset.differing)).toEqual(["true", "false", "false"]);
    expect(rows[0].textContent).toContain("92.4%");
    expect(rows[0].textContent).toContain("順調に進捗");
    expect(rows[0].textContent).toContain("概ね順調に進捗");
    expect(host.edits).toHaveLength(0);

    fireEvent.click(screen.getByRole("button", { name: t.progress.applyRowLabel("新規求人数") }));
    await waitFor(() =>
      expect(host.edits).toEqual([[{ sheet: "1-1", address: "L6", value: "概ね順調に進捗" }]]),
    );
    // Re-reads the written sheet to re-check.
    expect(host.readCalls).toContainEqual(["1-1"]);
    await screen.findByText(t.progress.applied(1));

    const undo = screen.getByRole("button", { name: t.actions.undo });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(undo);
    await waitFor(() => expect(host.undoCalls).toBe(1));
    await screen.findByText(t.progress.undone);

    fireEvent.click(screen.getByRole("button", { name: t.actions.applyAll }));
    await waitFor(() =>
      expect(host.edits).toEqual([[{ sheet: "1-1", address: "L6", value: "概ね順調に進捗" }]]),
    );

    fireEvent.click(screen.getByRole("checkbox", { name: t.progress.onlyDiffering }));
    expect(screen.getAllByTestId("progress-row")).toHaveLength(1);
  });

  test("drop-downs go to the status cells of the rows shown", async () => {
    const { host } = await setup();
    await runCheck();
    openTab(t.tabs.progress);
    fireEvent.click(screen.getByRole("button", { name: t.actions.addDropdown }));
    await waitFor(() => expect(host.dropdowns).toHaveLength(1));
    expect(host.dropdowns[0]).toEqual([
      { sheet: "1-1", address: "L6" },
      { sheet: "1-1", address: "L8" },
      { sheet: "2-1", address: "L7" },
    ]);
  });

  test("フラグを消す clears flags", async () => {
    const { host } = await setup();
    await runCheck();
    fireEvent.click(screen.getByRole("button", { name: t.actions.clearFlags }));
    await waitFor(() => expect(host.clearCalls).toBe(1));
    await screen.findByText(t.flags.cleared);
  });

  test("settings are validated, saved in the workbook, and used to re-check", async () => {
    const { host, checkFn } = await setup();
    await runCheck();
    openTab(t.tabs.settings);
    const [onTrack, nearly] = screen.getAllByRole("textbox") as HTMLInputElement[];
    expect(onTrack.value).toBe("1.00");
    expect(nearly.value).toBe("0.85");

    fireEvent.change(nearly, { target: { value: "1.2" } });
    fireEvent.click(screen.getByRole("button", { name: t.actions.saveSettings }));
    expect(await screen.findByText(t.settings.invalidRange)).toBeTruthy();
    fireEvent.change(nearly, { target: { value: "abc" } });
    fireEvent.click(screen.getByRole("button", { name: t.actions.saveSettings }));
    expect(await screen.findByText(t.settings.invalidNumber)).toBeTruthy();
    fireEvent.change(nearly, { target: { value: "0" } });
    fireEvent.click(screen.getByRole("button", { name: t.actions.saveSettings }));
    expect(await screen.findByText(t.settings.invalidRange)).toBeTruthy();
    expect(host.settings.has(RULE_SETTING)).toBe(false);

    fireEvent.change(nearly, { target: { value: "０.８" } }); // full-width digits are accepted
    const selects = screen.getAllByTestId("direction-select") as HTMLSelectElement[];
    expect(selects).toHaveLength(3);
    fireEvent.change(selects[0], { target: { value: "decrease" } });
    fireEvent.click(screen.getByRole("button", { name: t.actions.saveSettings }));
    await waitFor(() =>
      expect(host.settings.get(RULE_SETTING)).toEqual({
        onTrack: 1,
        nearlyOnTrack: 0.8,
        directionOverrides: { 新規求人数: "decrease" },
      }),
    );
    await waitFor(() =>
      expect(checkFn).toHaveBeenLastCalledWith(
        host.grids,
        host.settings.get(RULE_SETTING),
        expect.objectContaining({ fiscalYear: null }),
      ),
    );
  });

  test("a rule saved in the workbook is loaded, and a malformed one is ignored", async () => {
    const { checkFn } = await setup({
      before: (h) =>
        h.settings.set(RULE_SETTING, { onTrack: 1.1, nearlyOnTrack: 0.9, directionOverrides: { a: "up" } }),
    });
    await runCheck();
    expect(checkFn).toHaveBeenCalledWith(
      expect.anything(),
      { onTrack: 1.1, nearlyOnTrack: 0.9, directionOverrides: {} },
      expect.objectContaining({ fiscalYear: null }),
    );
  });

  test("live re-check re-reads only the changed sheet and re-flags", async () => {
    const { host, checkFn } = await setup();
    await runCheck();
    await screen.findByText(t.summary.liveOn);
    expect(host.changeHandler).not.toBeNull();
    await act(async () => {
      host.changeHandler!([{ sheet: "2-1", address: "L7" }]);
    });
    await waitFor(() => expect(checkFn).toHaveBeenCalledTimes(2));
    expect(host.readCalls).toEqual([undefined, ["2-1"]]);
  });

  test("an old Office: says what is unavailable, still checks, no live re-check or drop-downs", async () => {
    const { host } = await setup({ support: OLD_SUPPORT });
    const notice = screen.getByTestId("support-notice");
    expect(notice.textContent).toContain(t.unavailable.liveRecheck);
    expect(notice.textContent).toContain(t.unavailable.messagesInPane);
    expect(notice.textContent).toContain(t.unavailable.dropdown);
    await runCheck();
    expect(screen.getAllByTestId("finding")).toHaveLength(4);
    expect(host.changeHandler).toBeNull();
    expect(screen.queryByText(t.summary.liveOn)).toBeNull();
    openTab(t.tabs.progress);
    expect(screen.queryByRole("button", { name: t.actions.addDropdown })).toBeNull();
  });

  test("a current Office shows no unavailable-feature notice", async () => {
    await setup();
    expect(screen.queryByTestId("support-notice")).toBeNull();
    expect(screen.queryByTestId("undo-warning")).toBeNull();
  });

  test("an Office that cannot keep kensho's writes in Excel's undo history says so before the first write", async () => {
    const { host } = await setup({ support: { ...FULL_SUPPORT, undo: false } });
    const warning = screen.getByTestId("undo-warning");
    expect(warning.textContent).toContain(t.undoWarning.title);
    expect(host.flags).toEqual([]); // nothing written yet
    fireEvent.click(within(warning).getByRole("button", { name: t.errors.dismiss }));
    expect(screen.queryByTestId("undo-warning")).toBeNull();
    await runCheck();
    expect(screen.queryByTestId("undo-warning")).toBeNull(); // once
  });

  test("a zero count is neutral, whatever its severity", async () => {
    await setup({
      check: () => {
        const c = sampleCheck();
        return { ...c, findings: c.findings.filter((f) => f.severity === "info") };
      },
    });
    await runCheck();
    const error = screen.getByTestId("count-error");
    const warning = screen.getByTestId("count-warning");
    const info = screen.getByTestId("count-info");
    expect([error.dataset.zero, warning.dataset.zero, info.dataset.zero]).toEqual([
      "true",
      "true",
      undefined,
    ]);
    expect(error.className).toBe(warning.className);
    expect(error.className).not.toBe(info.className);
  });

  test("a workbook without a verification sheet says so", async () => {
    await setup({
      check: () => ({
        fiscalYear: null,
        sheets: [],
        rows: [],
        findings: [],
        fileError: { code: "no-verification-sheet" },
      }),
    });
    fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
    const err = await screen.findByTestId("file-error");
    expect(err.textContent).toContain(t.errors.noVerificationSheet);
    expect(screen.queryByTestId("summary")).toBeNull();
  });

  test("a protected sheet is explained in Japanese", async () => {
    const { host } = await setup();
    host.failWrites = new HostError("sheet-protected", "protected");
    await runCheck();
    openTab(t.tabs.progress);
    fireEvent.click(screen.getByRole("button", { name: t.actions.applyAll }));
    expect(await screen.findByText(t.errors.sheetProtected)).toBeTruthy();
    expect(screen.getByText(t.errors.sheetProtectedHint)).toBeTruthy();
  });

  test("集計シートを作成 adds a sheet of the last check in one action; 集計シートを削除 removes it, saying the undo history goes", async () => {
    const { host } = await setup();
    expect(screen.getByTestId("create-summary-sheet").hasAttribute("disabled")).toBe(true);
    expect(screen.queryByTestId("remove-summary-sheet")).toBeNull();
    await runCheck();
    fireEvent.click(screen.getByTestId("create-summary-sheet"));
    await screen.findByText(t.summarySheet.created("集計"));
    expect(host.summarySheets).toHaveLength(1);
    const spec = host.summarySheets[0];
    expect(spec.name).toBe("集計");
    expect(spec.values[5]).toEqual([
      "基本目標",
      "順調に進捗",
      "概ね順調に進捗",
      "進捗の遅れ",
      "未判定",
      "計",
    ]);
    // Ctrl+Z is offered where kensho's writes join Excel's undo history.
    expect(screen.getByText(t.summarySheet.undoHint)).toBeTruthy();
    fireEvent.click(await screen.findByTestId("remove-summary-sheet"));
    await screen.findByText(t.summarySheet.removed);
    expect(screen.getByText(t.summarySheet.removedUndoCleared)).toBeTruthy();
    expect(host.summaryPresent).toBe(false);
    await waitFor(() => expect(screen.queryByTestId("remove-summary-sheet")).toBeNull());
  });

  test("without charts the pane says the counts are shown as symbols", async () => {
    const { host } = await setup({ support: { ...FULL_SUPPORT, charts: false } });
    await runCheck();
    fireEvent.click(screen.getByTestId("create-summary-sheet"));
    await screen.findByText(t.summarySheet.created("集計"));
    expect(screen.getByText(new RegExp(t.summarySheet.noChart.slice(0, 20)))).toBeTruthy();
    expect(host.summarySheets).toHaveLength(1);
  });

  test("元に戻す names the cells it left alone because they changed since kensho wrote them", async () => {
    const { host } = await setup();
    await runCheck();
    openTab(t.tabs.progress);
    fireEvent.click(screen.getByRole("button", { name: t.progress.applyRowLabel("新規求人数") }));
    await screen.findByText(t.progress.applied(1));
    host.changedOnUndo = [{ sheet: "1-1", address: "L6" }];
    fireEvent.click(screen.getByRole("button", { name: t.actions.undo }));
    const notice = await screen.findByText(t.undoOutcome.partly(0));
    expect(notice.closest("[data-testid=notice]")!.textContent).toContain(
      t.undoOutcome.changedSince("1-1!L6"),
    );
  });

  test("an action Excel would not group says Ctrl+Z takes it back in several steps", async () => {
    const { host } = await setup();
    await runCheck();
    openTab(t.tabs.progress);
    host.notes = ["ungrouped-retry"];
    fireEvent.click(screen.getByRole("button", { name: t.progress.applyRowLabel("新規求人数") }));
    const notice = await screen.findByText(t.progress.applied(1));
    expect(notice.closest("[data-testid=notice]")!.textContent).toContain(t.hostNotes["ungrouped-retry"]);
  });

  test("設定 says what this Excel lacks and why: office.js without notes, no undo, and when to re-check", async () => {
    await setup({ support: { ...FULL_SUPPORT, undo: false, undoGrouping: false, libraryLacks: ["notes"] } });
    openTab(t.tabs.settings);
    const section = screen.getByTestId("host-capabilities");
    expect(section.textContent).toContain(t.capabilities.notesFromLibrary);
    expect(section.textContent).toContain(t.capabilities.undoCleared);
    expect(section.textContent).toContain(t.capabilities.recheck);
    expect(section.textContent).not.toContain(t.capabilities.groupingFromLibrary);
  });
});
