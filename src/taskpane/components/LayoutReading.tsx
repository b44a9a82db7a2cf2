import * as React from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { SheetLayout } from "../../core/model";
import { fiscalYearLabel } from "../../core/layout/yearForms";
import { renderConflict } from "../../i18n/findings";
import {
  LAYOUT_TEXT,
  SCALE_NAMES,
  claimInWords,
  readingInWords,
  sameReadings,
  yearClaimsOf,
} from "../../i18n/layout";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalL} 0 0`,
  },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  sheet: { marginTop: tokens.spacingVerticalM, fontSize: tokens.fontSizeBase200 },
  sheetHeading: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  column: { marginTop: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  letter: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  muted: { color: tokens.colorNeutralForeground2 },
  differs: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

function SheetReading(props: { layout: SheetLayout }): React.JSX.Element {
  const styles = useStyles();
  const { layout } = props;
  const { used, others } = yearClaimsOf(layout);
  return (
    <div className={styles.sheet} data-testid="layout-sheet" data-sheet={layout.sheet}>
      <h4 className={styles.sheetHeading}>{LAYOUT_TEXT.sheet(layout.sheet)}</h4>
      <div data-testid="layout-year">
        {layout.fiscalYear && used
          ? LAYOUT_TEXT.fiscalYear(layout.fiscalYear, claimInWords(used))
          : LAYOUT_TEXT.fiscalYearUnknown}
      </div>
      {layout.scale ? (
        <div data-testid="layout-scale">{t.layout.scale(SCALE_NAMES[layout.scale] ?? layout.scale)}</div>
      ) : null}
      {others.length > 0 ? (
        <ul className={styles.list}>
          {others.map((c, i) => {
            const fy = fiscalYearLabel(c.year);
            const agrees = fy === layout.fiscalYear;
            return (
              <li key={i} className={agrees ? styles.muted : styles.differs} data-testid="layout-claim">
                {LAYOUT_TEXT.otherClaim(claimInWords(c), fy, agrees)}
              </li>
            );
          })}
        </ul>
      ) : null}
      {layout.blocks.map((block, i) => (
        <div key={i}>
          <div className={styles.muted}>
            {LAYOUT_TEXT.headerRows(
              layout.blocks.length > 1 ? LAYOUT_TEXT.numberedHeader(i + 1) : LAYOUT_TEXT.header,
              block.headerRows.map((r) => r + 1),
              block.firstDataRow + 1,
            )}
          </div>
          {/* A repeated header that reads as the one before it is not listed again. */}
          {i > 0 && sameReadings(block.readings, layout.blocks[i - 1].readings) ? (
            <div className={styles.muted}>{LAYOUT_TEXT.sameAsBefore}</div>
          ) : (
            <ul className={styles.list}>
              {block.readings.map((r, j) => {
                const w = readingInWords(r, layout.fiscalYear);
                return (
                  <li
                    key={j}
                    className={styles.column}
                    data-testid="layout-column"
                    data-field={r.field ?? ""}
                  >
                    <span className={styles.letter}>{w.column}</span>
                    {LAYOUT_TEXT.fieldFrom(w.field, w.header)}
                    <span className={styles.muted}>{LAYOUT_TEXT.basis(w.basis)}</span>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
      {layout.conflict ? (
        <MessageBar intent="error" layout="multiline" data-testid="layout-conflict">
          <MessageBarBody>{renderConflict(layout.sheet, layout.conflict)}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** 設定 → 読み取り結果: how each sheet was read, as `kensho --explain-layout` prints it. */
export function LayoutReading(props: {
  sheets: SheetLayout[] | null;
  /** Why no sheet was read: the headings found with their meanings, what is missing, the next step. */
  refusal?: string | null;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="kensho-layout-heading" data-testid="layout-reading">
      <h3 id="kensho-layout-heading" className={styles.heading}>
        {t.layout.heading}
      </h3>
      <p className={styles.intro}>{t.layout.intro}</p>
      {props.sheets === null ? <Text className={styles.muted}>{t.layout.notYetChecked}</Text> : null}
      {props.sheets?.length === 0 ? <Text className={styles.muted}>{t.layout.noSheets}</Text> : null}
      {props.refusal ? (
        <MessageBar intent="warning" layout="multiline" data-testid="layout-refusal">
          <MessageBarBody style={{ whiteSpace: "pre-wrap" }}>{props.refusal}</MessageBarBody>
        </MessageBar>
      ) : null}
      {props.sheets?.map((l) => (
        <SheetReading key={l.sheet} layout={l} />
      ))}
    </section>
  );
}
