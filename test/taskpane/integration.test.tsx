/** @jest-environment jsdom */
// The pane over the real core and the real Office adapter, on the stateful fake Excel.
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
  await waitFor(() => expect(fake.fill(sheet, address)).not.toBeNull());
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
  expect(fake.fill(sheet, address)).toBeNull();
  await controller.dispose();
});
