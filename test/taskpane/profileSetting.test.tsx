/** @jest-environment jsdom */
// 設定 → 市の設定: a city's profile loaded in the pane is validated (each problem with its key and
// line), kept in the workbook's settings, applied to the check (the city's scale, its columns), and
// its scale's words are what the status drop-down offers. A refused workbook shows the headings found.
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { PROFILE_SETTING, TaskpaneController } from "../../src/taskpane/controller";
import { checkWorkbook } from "../../src/core/check";
import { gridFromArrays } from "../../src/core/grid";
import type { SheetGrid } from "../../src/core/model";
import { t } from "../../src/i18n/taskpane";
import { CITY_LAYOUTS } from "../helpers/cityLayouts";
import { StubHost } from "./stubs";

const layout = (id: string) => CITY_LAYOUTS.map((m) => m()).find((l) => l.id === id)!;

async function setup(grids: SheetGrid[], before?: (host: StubHost) => void) {
  const host = new StubHost();
  host.grids = grids;
  before?.(host);
  const controller = new TaskpaneController({ createHost: () => host, checkWorkbook });
  await controller.init();
  render(
    <React.StrictMode>
      <App controller={controller} theme={webLightTheme} />
    </React.StrictMode>,
  );
  return { host, controller };
}

const check = () => fireEvent.click(screen.getByRole("button", { name: t.actions.check }));
const openSettings = () => fireEvent.click(screen.getByRole("tab", { name: t.tabs.settings }));

function pickFile(text: string, name = "市の設定.json"): void {
  const input = screen.getByTestId("profile-file") as HTMLInputElement;
  const file = new File([text], name, { type: "application/json" });
  Object.defineProperty(file, "text", { value: () => Promise.resolve(text) });
  fireEvent.change(input, { target: { files: [file] } });
}

test("a profile loaded in 設定 is kept in the workbook and reads the sheet with the city's scale", async () => {
  const kitsuki = layout("kitsuki");
  const { host, controller } = await setup(kitsuki.grids);
  check();
  await waitFor(() => expect(controller.getState().phase).toBe("ready"));
  // Without the profile, A/B/C are not 伊勢崎's words.
  expect(controller.getState().check!.findings.some((f) => f.code === "invalid-status")).toBe(true);
  openSettings();
  pickFile(JSON.stringify(kitsuki.profile));
  await waitFor(() => expect(screen.getByTestId("profile-current").textContent).toContain("市の設定"));
  await waitFor(() => expect(controller.getState().check!.scale?.id).toBe("abcd"));
  expect(controller.getState().check!.findings.some((f) => f.code === "invalid-status")).toBe(false);
  expect(host.settings.get(PROFILE_SETTING)).toEqual({
    text: JSON.stringify(kitsuki.profile),
    name: "市の設定",
  });
  expect(screen.getAllByTestId("layout-scale")[0].textContent).toContain("A・B・C・D");
  // The drop-down offers the city's levels.
  await controller.addStatusDropdown(controller.getState().check!.rows);
  expect(host.dropdownLevels).toEqual(["A", "B", "C", "D"]);
});

test("a bad profile is not kept: each problem is shown with its key and line", async () => {
  const { host } = await setup(layout("kitsuki").grids);
  openSettings();
  pickFile('{\n  "version": 1,\n  "scale": "stars"\n}');
  await waitFor(() =>
    expect(screen.getByTestId("profile-problems").textContent).toContain("市の設定.json:3行目"),
  );
  expect(screen.getByTestId("profile-problems").textContent).toContain("「scale」");
  expect(host.settings.has(PROFILE_SETTING)).toBe(false);
});

test("a profile kept in the workbook is applied when the pane opens", async () => {
  const kitsuki = layout("kitsuki");
  const { controller } = await setup(kitsuki.grids, (host) =>
    host.settings.set(PROFILE_SETTING, { text: JSON.stringify(kitsuki.profile), name: "杵築市" }),
  );
  check();
  await waitFor(() => expect(controller.getState().phase).toBe("ready"));
  expect(controller.getState().check!.scale?.id).toBe("abcd");
});

test("読み取り結果 on a refused workbook lists the headings found and the next step", async () => {
  const grid = gridFromArrays("指標", [
    ["名称", "今年度", "目標値", "所管課"],
    ["図書館", "52万冊", "50万冊", "生涯学習課"],
  ]);
  const { controller } = await setup([grid]);
  check();
  await waitFor(() => expect(controller.getState().check?.fileError?.code).toBe("no-verification-sheet"));
  openSettings();
  await waitFor(() =>
    expect(screen.getByTestId("layout-refusal").textContent).toContain("C1「目標値」→ 目標値"),
  );
  expect(screen.getByTestId("layout-refusal").textContent).toContain("kensho profile init");
});
