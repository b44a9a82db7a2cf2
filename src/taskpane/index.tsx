// Entry point: office.js (loaded from the CDN before this bundle) calls onReady once the host is
// known. Outside Excel (a plain browser, Word…) the pane says where it belongs instead of failing.
// Where the preflight script in taskpane.html has already spoken (an old webview, no office.js),
// nothing is mounted over its message.
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
import { PREFLIGHT_MESSAGES } from "../i18n/preflight";

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

/** office.js did not load: said in the same words as the preflight script. */
function NoOfficeJs(): React.JSX.Element {
  const m = PREFLIGHT_MESSAGES.officeJs;
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{m.title}</MessageBarTitle>
            {m.body.map((p) => (
              <div key={p}>{p}</div>
            ))}
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

if (document.documentElement.getAttribute("data-kensho-preflight")) {
  // The preflight script's message stays: this webview or this page cannot run the pane.
} else if (typeof Office === "undefined") {
  // office.js did not load (no network to the CDN, a missing local copy): not "open it in Excel".
  createRoot(mount()).render(<NoOfficeJs />);
} else {
  void Office.onReady((info) => start(info.host));
}
