/** @jest-environment jsdom */
// The pane's parts of issue 11: the actual's remark and assumed unit in the row detail, the
// one-click fix of a status word (undoable like 進捗状況を適用), and the placeholder reasons in 設定.
import * as React from "react";
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import {
  CHECK_OPTIONS_SETTING,
  RULE_SETTING,
  TaskpaneController,
  type CheckFn,
} from "../../src/taskpane/controller";
import { checkWorkbook } from "../../src/core/check";
import { DEFAULT_REASON_PLACEHOLDERS, type WorkbookCheck } from "../../src/core/model";
import { parseValue } from "../../src/core/values";
import { parsePlaceholderInput, sanitizeCheckOptions } from "../../src/taskpane/checkOptionsInput";
import { t } from "../../src/i18n/taskpane";
import { FULL_SUPPORT, StubHost, finding, sampleCheck } from "./stubs";
import { createFakeHostForTests } from "../fakes/fakeHost";
import { verificationSheet } from "../helpers/rowGrid";

async function setup(check: () => WorkbookCheck = sampleCheck, before?: (h: StubHost) => void) {
  const host = new StubHost(FULL_SUPPORT);
  before?.(host);
  const checkFn = jest.fn<WorkbookCheck, Parameters<CheckFn>>(() => check());
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook: checkFn });
  await controller.init();
  render(
    <React.StrictMode>
      <App controller={controller} theme={webLightTheme} />
    </React.StrictMode>,
  );
  fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
  await screen.findByTestId("summary");
  return { host, checkFn, controller };
}

/** The sample check with the second row's status typed as 遅れ, and an invalid-status finding. */
function withInvalidStatus(): WorkbookCheck {
  const c = sampleCheck();
  c.findings.push(
    finding({
      code: "invalid-status",
      severity: "error",
      sheet: "1-1",
      cell: "L8",
      row: 8,
      kpi: "新技術・新製品等の開発数",
      params: { entered: "遅れ", suggested: "進捗の遅れ" },
    }),
    finding({
      code: "invalid-status",
      severity: "error",
      sheet: "2-1",
      cell: "L7",
      row: 7,
      kpi: "観光入込客数",
      params: { entered: "○" },
    }),
  );
  return c;
}

describe("invalid-status: one click writes the word probably meant", () => {
  test("only for a finding that names a word; undone like an applied status", async () => {
    const { host } = await setup(withInvalidStatus);
    const buttons = screen.getAllByTestId("fix-status");
    expect(buttons).toHaveLength(1);
    expect(buttons[0].textContent).toBe(t.findings.fixStatus("進捗の遅れ"));
    expect(host.edits).toEqual([]);

    fireEvent.click(buttons[0]);
    await waitFor(() => expect(host.edits).toEqual([[{ sheet: "1-1", address: "L8", value: "進捗の遅れ" }]]));
    expect(host.readCalls).toContainEqual(["1-1"]);
    await screen.findByText(t.findings.statusFixed(1));

    fireEvent.click(screen.getByRole("tab", { name: t.tabs.progress }));
    const undo = screen.getByRole("button", { name: t.actions.undo }) as HTMLButtonElement;
    await waitFor(() => expect(undo.disabled).toBe(false));
    fireEvent.click(undo);
    await waitFor(() => expect(host.undoCalls).toBe(1));
    expect(host.edits).toEqual([]);
  });

  test("through the real core and adapter on the fake Excel: 順調 becomes 順調に進捗, and back", async () => {
    const grid = verificationSheet([
      {
        name: "新規求人数",
        baseline: "1,563件",
        previous: "1,486件",
        actual: "1,600件",
        target: "1,594件",
        finalTarget: "1,630件",
        status: "順調",
      },
    ]);
    const { fake, host } = await createFakeHostForTests([grid]);
    const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
    await controller.init();
    render(
      <React.StrictMode>
        <App controller={controller} theme={webLightTheme} />
      </React.StrictMode>,
    );
    fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
    const fix = await screen.findByTestId("fix-status");
    expect(fake.value("検証", "K3")).toBe("順調");
    fireEvent.click(fix);
    await screen.findByText(t.findings.statusFixed(1));
    expect(fake.value("検証", "K3")).toBe("順調に進捗");
    expect(screen.queryByTestId("fix-status")).toBeNull(); // re-checked: the finding is gone
    await act(() => controller.undo());
    expect(fake.value("検証", "K3")).toBe("順調");
    await controller.dispose();
  });
});

describe("row detail: what staff wrote beside the figure", () => {
  test("the actual as written, its remark with what the words mean, and a unit kensho assumed", async () => {
    await setup(() => {
      const c = sampleCheck();
      const cell = (text: string) => parseValue({ value: text, text, format: "General" });
      c.rows[0].values.actual = cell("約1,472件（速報値）");
      c.rows[1].values.actual = { ...cell("5"), unit: "件", unitAssumed: "target" };
      return c;
    });
    fireEvent.click(screen.getByRole("tab", { name: t.tabs.progress }));
    const rows = screen.getAllByTestId("progress-row");
    expect(rows[0].querySelector('[data-testid="actual-raw"]')?.textContent).toBe("約1,472件（速報値）");
    expect(rows[0].querySelector('[data-testid="actual-remark"]')?.textContent).toBe(
      "約、速報値（概数・速報値）",
    );
    expect(rows[1].querySelector('[data-testid="actual-unit"]')?.textContent).toBe(
      t.progress.unitAssumed("件", false),
    );
    expect(rows[2].querySelector('[data-testid="actual-raw"]')).toBeNull(); // blank actual: nothing to show
  });
});

describe("設定: the texts that give no reason for a delay", () => {
  test("shown with the defaults, saved in the workbook, used to re-check, and reset", async () => {
    const { host, checkFn } = await setup();
    fireEvent.click(screen.getByRole("tab", { name: t.tabs.settings }));
    const box = screen.getByTestId("reason-placeholders") as HTMLTextAreaElement;
    expect(box.value.split("\n")).toEqual([...DEFAULT_REASON_PLACEHOLDERS]);

    fireEvent.change(box, { target: { value: "特になし\n検討中、 なし\n\n検討中" } });
    fireEvent.click(screen.getByRole("button", { name: t.actions.saveSettings }));
    await waitFor(() =>
      expect(host.settings.get(CHECK_OPTIONS_SETTING)).toEqual({
        reasonPlaceholders: ["特になし", "検討中", "なし"],
      }),
    );
    await waitFor(() =>
      expect(checkFn).toHaveBeenLastCalledWith(host.grids, host.settings.get(RULE_SETTING), {
        fiscalYear: null,
        reasonPlaceholders: ["特になし", "検討中", "なし"],
      }),
    );

    fireEvent.click(screen.getByRole("button", { name: t.actions.resetSettings }));
    expect(box.value.split("\n")).toEqual([...DEFAULT_REASON_PLACEHOLDERS]);
  });

  test("a list saved in the workbook is loaded; a malformed one gives the defaults", async () => {
    const { checkFn } = await setup(sampleCheck, (h) =>
      h.settings.set(CHECK_OPTIONS_SETTING, { reasonPlaceholders: ["なし", 3, "", "未定"] }),
    );
    expect(checkFn).toHaveBeenCalledWith(
      expect.anything(),
      expect.anything(),
      expect.objectContaining({ reasonPlaceholders: ["なし", "未定"] }),
    );
    expect(sanitizeCheckOptions({ reasonPlaceholders: "なし" }).reasonPlaceholders).toEqual([
      ...DEFAULT_REASON_PLACEHOLDERS,
    ]);
    expect(sanitizeCheckOptions(null).reasonPlaceholders).toEqual([...DEFAULT_REASON_PLACEHOLDERS]);
    expect(parsePlaceholderInput(" 特になし ,なし，無し、\n該当なし")).toEqual([
      "特になし",
      "なし",
      "無し",
      "該当なし",
    ]);
  });
});
