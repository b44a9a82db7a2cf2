import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { HostSupport } from "../../adapters/excel/workbookHost";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalL} 0 0`,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The lines 設定 shows about this Excel: undo, what office.js lacks, and when to press 再検証する. */
export function capabilityLines(support: HostSupport): string[] {
  const c = t.capabilities;
  const lines = [c.version(support.excelApi), support.undo ? c.undoKept : c.undoCleared];
  if (support.libraryLacks.includes("notes"))
    lines.push(support.comments ? c.notesFromLibrary : c.notesNoComments);
  if (support.libraryLacks.includes("mergeUndoGroup")) lines.push(c.groupingFromLibrary);
  lines.push(c.recheck);
  return lines;
}

/** 設定 → この Excel について: what kensho does differently here, and why. */
export function HostCapabilities(props: { support: HostSupport }): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="kensho-capabilities-heading" data-testid="host-capabilities">
      <h2 id="kensho-capabilities-heading" className={styles.heading}>
        {t.capabilities.heading}
      </h2>
      <ul className={styles.list}>
        {capabilityLines(props.support).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
