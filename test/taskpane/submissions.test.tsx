/** @jest-environment jsdom */
// The 取り込み tab over the real controller, the real Office adapter on the fake Excel, and the
// on-demand merge code: pick files, read the report, select a cell, take the merge back.
import "./textCodecs";
import * as React from "react";
import * as path from "path";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { TaskpaneController } from "../../src/taskpane/controller";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookFile } from "../../src/adapters/xlsx/readWorkbook";
import { CYCLE_TEXT } from "../../src/i18n/cycle";
import { t } from "../../src/i18n/taskpane";
import { createFakeHostForTests } from "../fakes/fakeHost";
import { picked, returned, set } from "../helpers/returnedCopies";

const SAMPLE = path.join(__dirname, "..", "..", "assets", "sample", "kensho-sample-r5.xlsx");

test("取り込み: pick returned files, see the report per file, select a cell, and 元に戻す", async () => {
  const { fake, host } = await createFakeHostForTests(await readWorkbookFile(SAMPLE));
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  const own = await returned((rows) => set(rows, "防犯灯設置数", { actual: "17,500基" }));
  const other = await returned((rows) => {
    set(rows, "創業相談件数", { actual: "30件" });
    return set(rows, "製造品出荷額等", { actual: "11,500億円 (令和3年)" });
  });
  const before = JSON.stringify(fake.snapshot());
  render(<App controller={controller} theme={webLightTheme} />);

  fireEvent.click(screen.getByRole("tab", { name: t.tabs.submissions }));
  expect(screen.getByRole("button", { name: t.submissions.pick })).toBeTruthy();
  const input = screen.getByLabelText(t.submissions.inputLabel) as HTMLInputElement;
  expect(input.type).toBe("file");
  expect(input.multiple).toBe(true);
  expect(input.accept).toContain(".xlsx");
  fireEvent.change(input, {
    target: {
      files: [
        picked("原本_安心安全課.xlsx", own),
        picked("壊れた.xlsx", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0])),
        picked("原本_商工労働課.xlsx", other),
      ],
    },
  });

  const report = await screen.findByTestId("submissions-report", {}, { timeout: 20000 });
  await screen.findByText(t.submissions.done(2, 2));
  // Per file: who sent what, in the CLI's words; the broken file said in Japanese, the others went in.
  const filesShown = within(report).getAllByTestId("submission-file");
  expect(filesShown.map((f) => f.dataset.file)).toEqual(["原本_安心安全課.xlsx", "原本_商工労働課.xlsx"]);
  expect(filesShown[0].textContent).toBe(
    CYCLE_TEXT.submittedLine("原本_安心安全課.xlsx", "安心安全課", 1, 0, "file-name").trim(),
  );
  const problem = within(report).getByTestId("submission-problem");
  expect(problem.dataset.file).toBe("壊れた.xlsx");
  expect(problem.textContent).toContain("「壊れた.xlsx」");
  // 製造品出荷額等 belongs to 企業誘致課: a decision, not applied.
  const conflicts = within(report).getAllByTestId("submission-conflict");
  expect(conflicts.map((c) => c.dataset.kind)).toEqual(["other-department"]);
  expect(conflicts[0].textContent).toContain(CYCLE_TEXT.paneConflictHint["other-department"]);
  expect(within(report).getAllByTestId("submission-applied")).toHaveLength(2);

  // A cell in the report selects it in the workbook.
  const line = within(report).getAllByTestId("submission-applied")[0];
  fireEvent.click(within(line).getByRole("button"));
  await waitFor(() => expect(fake.selection).not.toBeNull());
  expect(fake.value(fake.selection!.sheet, fake.selection!.address)).not.toBeNull();

  fireEvent.click(screen.getByRole("button", { name: t.actions.undo }));
  await screen.findByText(t.progress.undone);
  expect(within(screen.getByTestId("submissions-report")).getByText(t.submissions.undone)).toBeTruthy();
  expect(JSON.stringify(fake.snapshot())).toBe(before);
  await controller.dispose();
});
