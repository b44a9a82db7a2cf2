import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { HostSupport } from "../../adapters/excel/workbookHost";
import type { Notice } from "../notices";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  body: { whiteSpace: "pre-wrap" },
});

export function NoticeBar(props: { notice: Notice; onDismiss: () => void }): React.JSX.Element {
  const styles = useStyles();
  const { notice } = props;
  return (
    <MessageBar intent={notice.kind} layout="multiline" data-testid="notice">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{notice.title}</MessageBarTitle>
        {notice.body ? <div>{notice.body}</div> : null}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={props.onDismiss}>
          {t.errors.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** What this Office cannot do, said once, so staff are not surprised by a missing feature. */
export function SupportNotice(props: { support: HostSupport }): React.JSX.Element | null {
  const styles = useStyles();
  const { support } = props;
  const missing: string[] = [];
  if (!support.onChanged) missing.push(t.unavailable.liveRecheck);
  if (!support.notes && !support.comments) missing.push(t.unavailable.messagesInPane);
  if (!support.dataValidation) missing.push(t.unavailable.dropdown);
  if (!support.charts) missing.push(t.unavailable.charts);
  if (missing.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="support-notice">
      <MessageBarBody>
        <MessageBarTitle>{t.unavailable.heading}</MessageBarTitle>
        <div>{t.unavailable.version(support.excelApi)}</div>
        <ul className={styles.list}>
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Said before the first write on an Office whose API writes cannot join Excel's undo history
 * (below ExcelApi 1.20): every write there empties staff's Ctrl+Z history.
 */
export function UndoWarning(props: { onDismiss: () => void }): React.JSX.Element {
  const styles = useStyles();
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="undo-warning">
      <MessageBarBody className={styles.body}>
        <MessageBarTitle>{t.undoWarning.title}</MessageBarTitle>
        <div>{t.undoWarning.body}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" appearance="transparent" onClick={props.onDismiss}>
          {t.errors.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
