// 提出ファイルを取り込む: the file picker, 元に戻す, and the merge report. The report's words come ready
// from the on-demand chunk (the CLI's catalogue, src/i18n/cycle.ts); this only lays them out.
import * as React from "react";
import { Button, Text, makeStyles, shorthands, tokens } from "@fluentui/react-components";
import type { CellLocation } from "../../adapters/excel/workbookHost";
import { t } from "../../i18n/taskpane";
import type { PickedFile, ReportLine, SubmissionsReport } from "../submissions/types";

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subheading: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 0 0`,
  },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  hidden: { display: "none" },
  list: { listStyleType: "none", margin: 0, padding: 0, fontSize: tokens.fontSizeBase200 },
  item: { overflowWrap: "anywhere", marginTop: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  problem: { color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  conflict: {
    marginTop: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderLeftWidth: "4px",
    borderLeftColor: tokens.colorStatusWarningBorderActive,
    borderRadius: tokens.borderRadiusMedium,
    overflowWrap: "anywhere",
  },
  muted: { color: tokens.colorNeutralForeground2 },
  // A cell reference that selects the cell: reads as a link, wraps like text.
  cellLink: {
    ...shorthands.border(0),
    ...shorthands.padding(0),
    backgroundColor: "transparent",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    textAlign: "left",
    textDecorationLine: "underline",
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { color: tokens.colorBrandForegroundLinkHover },
  },
});

function Line(props: { line: ReportLine; onSelect(cell: CellLocation): void }): React.JSX.Element {
  const styles = useStyles();
  const { line } = props;
  if (!line.cell) return <>{line.text}</>;
  const cell = line.cell;
  return (
    <button
      type="button"
      className={styles.cellLink}
      aria-label={line.label}
      onClick={() => props.onSelect(cell)}
    >
      {line.text}
    </button>
  );
}

function Report(props: { report: SubmissionsReport; onSelect(cell: CellLocation): void }): React.JSX.Element {
  const styles = useStyles();
  const { report } = props;
  return (
    <section aria-labelledby="kensho-submissions-report" data-testid="submissions-report">
      <h3 id="kensho-submissions-report" className={styles.subheading}>
        {t.submissions.reportHeading}
      </h3>
      {report.undone ? <Text role="status">{t.submissions.undone}</Text> : null}

      {report.problems.length > 0 ? (
        <>
          <h4 className={styles.subheading}>{t.submissions.problemsHeading}</h4>
          <ul className={styles.list}>
            {report.problems.map((p, i) => (
              <li key={i} className={styles.problem} data-testid="submission-problem" data-file={p.file}>
                {p.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h4 className={styles.subheading}>{t.submissions.filesHeading}</h4>
      <ul className={styles.list}>
        {report.files.length === 0 ? <li className={styles.muted}>{report.none}</li> : null}
        {report.files.map((f, i) => (
          <li key={i} className={styles.item} data-testid="submission-file" data-file={f.file}>
            {f.text}
          </li>
        ))}
      </ul>

      <h4 className={styles.subheading}>{t.submissions.appliedHeading}</h4>
      <ul className={styles.list}>
        {report.applied.length === 0 ? <li className={styles.muted}>{report.none}</li> : null}
        {report.applied.map((line, i) => (
          <li key={i} className={styles.item} data-testid="submission-applied">
            <Line line={line} onSelect={props.onSelect} />
          </li>
        ))}
      </ul>

      {report.formulaCells.length > 0 ? (
        <>
          <h4 className={styles.subheading}>{t.submissions.formulaHeading}</h4>
          <ul className={styles.list}>
            {report.formulaCells.map((text, i) => (
              <li key={i} className={styles.item} data-testid="submission-formula">
                {text}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h4 className={styles.subheading}>{report.headings.conflicts}</h4>
      <ul className={styles.list}>
        {report.conflicts.length === 0 ? <li className={styles.muted}>{report.none}</li> : null}
        {report.conflicts.map((c, i) => (
          <li key={i} className={styles.conflict} data-testid="submission-conflict" data-kind={c.kind}>
            <div>{c.title}</div>
            {c.sources.map((s, j) => (
              <div key={j} className={styles.muted}>
                {s}
              </div>
            ))}
            {c.master ? (
              <div>
                <Line line={c.master} onSelect={props.onSelect} />
              </div>
            ) : null}
            <div>{c.hint}</div>
          </li>
        ))}
      </ul>

      <p className={styles.item} data-testid="submission-unchanged">
        {report.unchanged}
      </p>
      <p className={styles.item} data-testid="submission-missing">
        {report.missing}
      </p>
    </section>
  );
}

export interface SubmissionsSectionProps {
  report: SubmissionsReport | null;
  busy: boolean;
  canUndo: boolean;
  onPick(files: PickedFile[]): void;
  onUndo(): void;
  onSelect(cell: CellLocation): void;
}

export function SubmissionsSection(props: SubmissionsSectionProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <section aria-labelledby="kensho-submissions-heading">
      <h2 id="kensho-submissions-heading" className={styles.heading}>
        {t.submissions.heading}
      </h2>
      <p className={styles.intro}>{t.submissions.intro}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.hidden}
        aria-label={t.submissions.inputLabel}
        data-testid="submissions-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Emptied so that picking the same files again is a new pick.
          e.currentTarget.value = "";
          if (files.length > 0) props.onPick(files);
        }}
      />
      <div className={styles.actions}>
        <Button appearance="primary" disabled={props.busy} onClick={() => input.current?.click()}>
          {props.busy ? t.submissions.picking : t.submissions.pick}
        </Button>
        <Button disabled={props.busy || !props.canUndo} onClick={props.onUndo}>
          {t.actions.undo}
        </Button>
      </div>
      {props.report ? <Report report={props.report} onSelect={props.onSelect} /> : null}
    </section>
  );
}
