import * as React from "react";
import {
  Badge,
  Button,
  Checkbox,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from "@fluentui/react-components";
import type { CheckedRow } from "../../core/model";
import type { HostSupport } from "../../adapters/excel/workbookHost";
import { isDiffering } from "../selectors";
import { t } from "../../i18n/taskpane";
import { QUALIFIER_LABELS, kpiLabel, renderNoStatus } from "../../i18n/findings";
import { writtenUnit } from "../../core/values/units";

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  row: {
    marginTop: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
  },
  // Colour alone is not enough: differing rows also carry a "differs" badge.
  differing: {
    backgroundColor: tokens.colorPaletteYellowBackground1,
    borderLeftWidth: "4px",
    borderLeftColor: tokens.colorStatusWarningBorderActive,
  },
  name: {
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  grid: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalXXS} 0`,
    fontSize: tokens.fontSizeBase200,
  },
  dt: { color: tokens.colorNeutralForeground2 },
  dd: { margin: 0, overflowWrap: "anywhere" },
});

function statusText(s: string | null): string {
  return s && s.trim() ? s : t.progress.none;
}

/** This year's figure as staff wrote it, with what was read around it: remark and assumed unit. */
function ActualDetail(props: { row: CheckedRow; dt: string; dd: string }): React.JSX.Element | null {
  const actual = props.row.values.actual;
  if (actual.kind === "blank") return null;
  const kinds = [...new Set(actual.qualifiers.map((q) => QUALIFIER_LABELS[q]))].join("・");
  return (
    <>
      <dt className={props.dt}>{t.progress.actual}</dt>
      <dd className={props.dd} data-testid="actual-raw">
        {actual.raw.trim()}
      </dd>
      {actual.remark ? (
        <>
          <dt className={props.dt}>{t.progress.remark}</dt>
          <dd className={props.dd} data-testid="actual-remark">
            {t.progress.remarkText(actual.remark, kinds)}
          </dd>
        </>
      ) : null}
      {actual.unitAssumed ? (
        <>
          <dt className={props.dt}>{t.progress.unit}</dt>
          <dd className={props.dd} data-testid="actual-unit">
            {t.progress.unitAssumed(writtenUnit(actual.unit, actual.scale), actual.unitAssumed === "format")}
          </dd>
        </>
      ) : null}
    </>
  );
}

export interface ProgressSectionProps {
  rows: CheckedRow[];
  busy: boolean;
  canUndo: boolean;
  support: HostSupport;
  onApply(rows: CheckedRow[]): void;
  onUndo(): void;
  onAddDropdown(rows: CheckedRow[]): void;
}

export function ProgressSection(props: ProgressSectionProps): React.JSX.Element {
  const styles = useStyles();
  const differing = props.rows.filter(isDiffering);
  const [onlyDiffering, setOnlyDiffering] = React.useState(false);
  const shown = onlyDiffering ? differing : props.rows;
  return (
    <section aria-labelledby="kensho-progress-heading">
      <h2 id="kensho-progress-heading" className={styles.heading}>
        {t.progress.heading}
      </h2>
      <p className={styles.intro}>{t.progress.intro}</p>
      <Text role="status">
        {differing.length ? t.progress.differingCount(differing.length) : t.progress.noDiffering}
      </Text>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={props.busy || differing.length === 0}
          onClick={() => props.onApply(differing)}
        >
          {t.actions.applyAll}
        </Button>
        <Button disabled={props.busy || !props.canUndo} onClick={props.onUndo}>
          {t.actions.undo}
        </Button>
        {props.support.dataValidation ? (
          <Button
            appearance="secondary"
            disabled={props.busy || props.rows.length === 0}
            title={t.settings.dropdownHint}
            onClick={() => props.onAddDropdown(props.rows)}
          >
            {t.actions.addDropdown}
          </Button>
        ) : null}
      </div>
      <Checkbox
        checked={onlyDiffering}
        onChange={(_e, d) => setOnlyDiffering(d.checked === true)}
        label={t.progress.onlyDiffering}
      />
      {shown.length === 0 ? <Text>{t.progress.noRows}</Text> : null}
      <ul className={styles.list}>
        {shown.map((r) => {
          const diff = isDiffering(r);
          return (
            <li
              key={`${r.sheet}-${r.row}`}
              className={mergeClasses(styles.row, diff && styles.differing)}
              data-testid="progress-row"
              data-differing={diff ? "true" : "false"}
            >
              <h3 className={styles.name}>
                {kpiLabel(r.name)}{" "}
                {diff ? (
                  <Badge color="warning" appearance="tint" size="small">
                    {t.progress.differs}
                  </Badge>
                ) : null}
              </h3>
              <div className={styles.meta}>
                {t.progress.rowMeta(t.findings.rowLabel(r.sheet, r.row), r.department)}
              </div>
              <dl className={styles.grid}>
                <ActualDetail row={r} dt={styles.dt} dd={styles.dd} />
                <dt className={styles.dt}>{t.progress.entered}</dt>
                <dd className={styles.dd}>{statusText(r.enteredStatus)}</dd>
                <dt className={styles.dt}>{t.progress.computed}</dt>
                <dd className={styles.dd}>
                  {r.computedStatus ?? (r.noStatus ? renderNoStatus(r.noStatus) : t.progress.notComputed)}
                </dd>
                <dt className={styles.dt}>{t.progress.achievement}</dt>
                <dd className={styles.dd}>{r.achievement === null ? "—" : t.percent(r.achievement)}</dd>
                {r.direction ? (
                  <>
                    <dt className={styles.dt}>{t.progress.direction}</dt>
                    <dd className={styles.dd}>
                      {t.direction[r.direction]}
                      {r.directionSource ? ` (${t.directionSource[r.directionSource]})` : ""}
                    </dd>
                  </>
                ) : null}
              </dl>
              {diff ? (
                <Button
                  size="small"
                  disabled={props.busy}
                  aria-label={t.progress.applyRowLabel(kpiLabel(r.name))}
                  onClick={() => props.onApply([r])}
                >
                  {t.actions.applyRow}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
