import * as React from "react";
import {
  Badge,
  Button,
  Radio,
  RadioGroup,
  Field,
  Text,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
  createFocusOutlineStyle,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../core/model";
import type { CellLocation } from "../../adapters/excel/workbookHost";
import type { GroupBy } from "../controller";
import { t } from "../../i18n/taskpane";
import { kpiLabel, renderFinding } from "../../i18n/findings";

const useStyles = makeStyles({
  group: { marginTop: tokens.spacingVerticalM },
  groupHeading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    overflowWrap: "anywhere",
  },
  groupMeta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: { marginTop: tokens.spacingVerticalXS },
  finding: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    textAlign: "left",
    cursor: "pointer",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ...createFocusOutlineStyle(),
  },
  error: { borderLeftWidth: "4px", borderLeftColor: tokens.colorStatusDangerBorderActive },
  // The warning colour (Fluent's status warning), not a red: errors are the red cards.
  warning: { borderLeftWidth: "4px", borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftWidth: "4px", borderLeftColor: tokens.colorPaletteBlueBorderActive },
  top: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  message: { overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
  fix: { marginTop: tokens.spacingVerticalXXS },
});

const BADGE_COLOR: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const SEVERITIES: Severity[] = ["error", "warning", "info"];

interface Group {
  key: string;
  title: string;
  meta: string | null;
  findings: Finding[];
}

export function groupFindings(findings: Finding[], by: GroupBy): Group[] {
  if (by === "severity") {
    return SEVERITIES.map((s) => ({
      key: s,
      title: t.severity[s],
      meta: null,
      findings: findings.filter((f) => f.severity === s),
    })).filter((g) => g.findings.length > 0);
  }
  const groups = new Map<string, Group>();
  for (const f of findings) {
    // The same KPI name may sit on two sheets; keep them apart.
    const key = `${f.sheet}\u0000${f.kpi ?? ""}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        key,
        title: f.kpi === null ? t.findings.wholeSheet : kpiLabel(f.kpi),
        meta: f.row !== null && f.sheet !== null ? t.findings.rowLabel(f.sheet, f.row) : f.sheet,
        findings: [],
      };
      groups.set(key, g);
    }
    g.findings.push(f);
  }
  return [...groups.values()];
}

export interface FindingsListProps {
  findings: Finding[];
  groupBy: GroupBy;
  busy?: boolean;
  onGroupBy(groupBy: GroupBy): void;
  onSelect(cell: CellLocation): void;
  /** Writes the word an invalid-status finding names; absent where the pane cannot write. */
  onFixStatus?(finding: Finding): void;
}

export function FindingsList(props: FindingsListProps): React.JSX.Element {
  const styles = useStyles();
  const groups = React.useMemo(
    () => groupFindings(props.findings, props.groupBy),
    [props.findings, props.groupBy],
  );
  return (
    <section aria-labelledby="kensho-findings-heading">
      <h2 id="kensho-findings-heading" className={styles.groupHeading}>
        {t.findings.heading} ({t.findings.count(props.findings.length)})
      </h2>
      <Field label={t.findings.groupBy}>
        <RadioGroup
          layout="horizontal"
          value={props.groupBy}
          onChange={(_e, data) => props.onGroupBy(data.value as GroupBy)}
        >
          <Radio value="kpi" label={t.findings.groupByKpi} />
          <Radio value="severity" label={t.findings.groupBySeverity} />
        </RadioGroup>
      </Field>
      {props.findings.length === 0 ? <Text>{t.summary.noFindings}</Text> : null}
      {groups.map((g) => (
        <div key={g.key} className={styles.group} data-testid="finding-group">
          <h3 className={styles.groupHeading}>
            {g.title}{" "}
            <span className={styles.groupMeta}>{g.meta ?? t.findings.count(g.findings.length)}</span>
          </h3>
          <ul className={styles.list}>
            {g.findings.map((f, i) => (
              <li key={`${f.code}-${f.sheet}-${f.cell}-${i}`} className={styles.item}>
                <button
                  type="button"
                  className={mergeClasses(styles.finding, styles[f.severity])}
                  title={
                    f.sheet !== null && f.cell !== null ? t.findings.goToCell(f.sheet, f.cell) : undefined
                  }
                  data-testid="finding"
                  data-code={f.code}
                  data-severity={f.severity}
                  onClick={() => {
                    if (f.sheet !== null && f.cell !== null)
                      props.onSelect({ sheet: f.sheet, address: f.cell });
                  }}
                >
                  <span className={styles.top}>
                    <Badge appearance="tint" color={BADGE_COLOR[f.severity]} size="small">
                      {t.severity[f.severity]}
                    </Badge>
                    <span>{t.findings.location(f.sheet, f.cell)}</span>
                  </span>
                  <span className={styles.message}>{renderFinding(f)}</span>
                </button>
                {f.code === "invalid-status" && f.params.suggested && props.onFixStatus ? (
                  <Button
                    size="small"
                    className={styles.fix}
                    disabled={props.busy}
                    data-testid="fix-status"
                    aria-label={t.findings.fixStatusLabel(
                      f.params.suggested,
                      t.findings.location(f.sheet, f.cell),
                    )}
                    onClick={() => props.onFixStatus?.(f)}
                  >
                    {t.findings.fixStatus(f.params.suggested)}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
