// Entry point: office.js (loaded from the CDN before this bundle) calls onReady once the host is
// known. Outside Excel (a plain browser, Word…) the pane says where it belongs instead of failing.
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "./App";
import { TaskpaneController } from "./controller";
import { createHost } from "./hostFactory";
import { officeThemeColors, themeFromOffice } from "./theme";
import { checkWorkbook } from "../core/check";
import { t } from "../i18n/taskpane";

function NotInExcel(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.notInExcel.title}</MessageBarTitle>
            <div>{t.notInExcel.body}</div>
          </MessageBarBody>
        </MessageBar>
      </main>
    </FluentProvider>
  );
}

function mount(): HTMLElement {
  let el = document.getElementById("container");
  if (!el) {
    el = document.createElement("div");
    el.id = "container";
    document.body.appendChild(el);
  }
  return el;
}

function start(host: Office.HostType | null | undefined): void {
  const root = createRoot(mount());
  if (host !== Office.HostType.Excel) {
    root.render(<NotInExcel />);
    return;
  }
  const controller = new TaskpaneController({ createHost, checkWorkbook });
  void controller.init();
  root.render(<App controller={controller} theme={themeFromOffice(officeThemeColors())} />);
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or opened directly in a browser).
  createRoot(mount()).render(<NotInExcel />);
} else {
  void Office.onReady((info) => start(info.host));
}
