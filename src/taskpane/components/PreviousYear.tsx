// 取り込み's 昨年度のファイル: a file picker for last year's workbooks (the CLI's --previous). The check
// then compares this year's 前年度実績値, ①②③, reasons, baselines and final targets with them, and
// the 見通し uses their actuals. Nothing is written to the workbook.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { PickedFile } from "../submissions/types";
import type { PreviousReport } from "../controller";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalL },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
  item: { fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXS} 0` },
  problem: { fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteRedForeground1 },
});

export interface PreviousYearSectionProps {
  previous: PreviousReport | null;
  busy: boolean;
  onPick(files: PickedFile[]): void;
  onClear(): void;
}

export function PreviousYearSection(props: PreviousYearSectionProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const used = props.previous?.files ?? [];
  return (
    <section className={styles.section} aria-labelledby="kensho-previous-heading">
      <h3 id="kensho-previous-heading" className={styles.heading}>
        {t.previous.heading}
      </h3>
      <p className={styles.intro}>{t.previous.intro}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.hidden}
        aria-label={t.previous.inputLabel}
        data-testid="previous-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          if (files.length > 0) props.onPick(files);
        }}
      />
      <div className={styles.actions}>
        <Button disabled={props.busy} onClick={() => input.current?.click()}>
          {t.previous.pick}
        </Button>
        {used.length > 0 ? (
          <Button disabled={props.busy} onClick={props.onClear}>
            {t.previous.clear}
          </Button>
        ) : null}
      </div>
      {used.length > 0 ? (
        <p className={styles.item} data-testid="previous-files">
          {t.previous.using(used.map((f) => `${f.file}（${f.fiscalYear ?? "年度不明"}）`).join("、"))}
        </p>
      ) : null}
      {(props.previous?.problems ?? []).map((p) => (
        <p key={p.file} className={styles.problem} data-testid="previous-problem">
          {p.message}
        </p>
      ))}
    </section>
  );
}
