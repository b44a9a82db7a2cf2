import * as React from "react";
import {
  Button,
  Field,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
  type Theme,
} from "@fluentui/react-components";
import type { Severity, WorkbookCheck } from "../core/model";
import type { TaskpaneController } from "./controller";
import { copyScope, countBySeverity, departmentsOf, findingsInFilter, rowsInFilter } from "./selectors";
import { FindingsList } from "./components/Findings";
import { ProgressSection } from "./components/Progress";
import { SettingsSection } from "./components/Settings";
import { LiveRecheckSetting } from "./components/LiveRecheckSetting";
import { SubmissionsSection } from "./components/Submissions";
import { PreviousYearSection } from "./components/PreviousYear";
import { FiscalYearSetting } from "./components/FiscalYearSetting";
import { LayoutReading } from "./components/LayoutReading";
import { ProfileSetting } from "./components/ProfileSetting";
import { NoticeBar, SupportNotice, UndoWarning } from "./components/Notices";
import { HostCapabilities } from "./components/HostCapabilities";
import { t } from "../i18n/taskpane";
import { FILE_ERRORS, renderFileError } from "../i18n/findings";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  summary: {
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
  },
  summaryHeading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  counts: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
    margin: 0,
    padding: 0,
    listStyleType: "none",
  },
  count: { fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorNeutralForeground1 },
  /** A count of zero is no alarm: neutral, whatever its severity. */
  none: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  panel: { paddingTop: tokens.spacingVerticalS },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];

type TabKey = "check" | "progress" | "submissions" | "settings";

function Summary(props: {
  check: WorkbookCheck;
  department: string | null;
  live: boolean;
  scope: { department: string; otherRows: number } | null;
}): React.JSX.Element {
  const styles = useStyles();
  const { check } = props;
  const counts = countBySeverity(findingsInFilter(check, props.department));
  return (
    <section className={styles.summary} aria-labelledby="kensho-summary-heading" data-testid="summary">
      <h2 id="kensho-summary-heading" className={styles.summaryHeading}>
        {t.summary.heading}
      </h2>
      <div>
        {t.summary.fiscalYear}:{" "}
        <span data-testid="fiscal-year">{check.fiscalYear ?? t.summary.fiscalYearUnknown}</span>
      </div>
      <div data-testid="read-line">{t.summary.readLine(check.sheets.length, check.rows.length)}</div>
      <ul className={styles.counts}>
        {SEVERITIES.map((s) => (
          <li
            key={s}
            className={`${styles.count} ${counts[s] === 0 ? styles.none : styles[s]}`}
            data-testid={`count-${s}`}
            data-zero={counts[s] === 0 ? "true" : undefined}
          >
            {t.summary.count(s, counts[s])}
          </li>
        ))}
      </ul>
      {props.scope ? (
        <div className={styles.muted} data-testid="copy-scope">
          {t.summary.copyScope(props.scope.department, props.scope.otherRows)}
        </div>
      ) : props.department ? (
        <div className={styles.muted}>{t.summary.filtered(props.department)}</div>
      ) : null}
      {props.live ? <div className={styles.muted}>{t.summary.liveOn}</div> : null}
    </section>
  );
}

export function App(props: { controller: TaskpaneController; theme: Theme }): React.JSX.Element {
  const { controller } = props;
  const state = React.useSyncExternalStore(controller.subscribe, controller.getState);
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabKey>("check");
  const { check, support } = state;

  const departments = React.useMemo(() => departmentsOf(check), [check]);
  const rows = React.useMemo(
    () => rowsInFilter(check, state.departmentFilter),
    [check, state.departmentFilter],
  );
  const findings = React.useMemo(
    () => findingsInFilter(check, state.departmentFilter),
    [check, state.departmentFilter],
  );
  const kpis = React.useMemo(() => [...new Set((check?.rows ?? []).map((r) => r.name))], [check]);
  const checking = state.phase === "checking";
  const usable = support !== null && !check?.fileError;
  // A header kensho cannot read without guessing: 設定 stays open to show why and to state the year.
  const layoutStop =
    check?.fileError?.code === "ambiguous-layout" || check?.fileError?.code === "year-column-missing";
  // No sheet read: 設定 stays open too, to load a city's profile and to show the headings found.
  const refused = check?.fileError?.code === "no-verification-sheet";

  return (
    <FluentProvider theme={props.theme}>
      <main className={styles.root}>
        <h1 className={styles.title}>{t.appTitle}</h1>
        {state.phase === "starting" ? <Spinner size="small" label={t.loading} /> : null}
        {support ? <SupportNotice support={support} /> : null}
        {state.undoWarning ? <UndoWarning onDismiss={() => controller.dismissUndoWarning()} /> : null}
        {/* Polite live region: outcomes are announced without stealing focus. */}
        <div aria-live="polite">
          {state.notice ? (
            <NoticeBar notice={state.notice} onDismiss={() => controller.dismissNotice()} />
          ) : null}
        </div>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={!support || checking}
            onClick={() => void controller.check()}
            data-testid="check-button"
          >
            {checking ? t.actions.checking : check ? t.actions.recheck : t.actions.check}
          </Button>
          {/* Marks left by a previous session, a co-author or the CLI can be cleared without a check. */}
          <Button
            disabled={!support || state.busy || !(check || state.hasMarks)}
            onClick={() => void controller.clearFlags()}
            data-testid="clear-flags"
          >
            {t.actions.clearFlags}
          </Button>
          <Button
            disabled={!support || state.busy || !check || Boolean(check.fileError)}
            onClick={() => void controller.createSummarySheet()}
            data-testid="create-summary-sheet"
          >
            {t.actions.createSummarySheet}
          </Button>
          {state.summarySheet ? (
            <Button
              disabled={!support || state.busy}
              title={t.summarySheet.removeHint}
              onClick={() => void controller.removeSummarySheet()}
              data-testid="remove-summary-sheet"
            >
              {t.actions.removeSummarySheet}
            </Button>
          ) : null}
        </div>
        {checking ? <Spinner size="tiny" label={t.actions.checking} /> : null}

        {check?.fileError ? (
          <MessageBar intent="error" layout="multiline" data-testid="file-error">
            <MessageBarBody>
              <MessageBarTitle>
                {check.fileError.code === "no-verification-sheet"
                  ? t.errors.noVerificationSheet
                  : layoutStop
                    ? FILE_ERRORS[check.fileError.code].title
                    : t.errors.unreadable}
              </MessageBarTitle>
              <div>
                {check.fileError.code === "no-verification-sheet"
                  ? t.errors.noVerificationSheetHint
                  : renderFileError(check.fileError)}
              </div>
              {layoutStop ? <div>{t.errors.layoutHint}</div> : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}

        {check && usable ? (
          <>
            {departments.length > 0 ? (
              <Field label={t.filter.label}>
                <Select
                  value={state.departmentFilter ?? ""}
                  data-testid="department-filter"
                  onChange={(_e, d) => void controller.setDepartmentFilter(d.value || null)}
                >
                  <option value="">{t.filter.all}</option>
                  {departments.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            <Summary
              check={check}
              department={state.departmentFilter}
              live={state.live}
              scope={copyScope(check, state.copyOf, state.departmentFilter)}
            />
          </>
        ) : null}

        {support && (usable || !check || layoutStop || refused) ? (
          <>
            <TabList
              selectedValue={tab}
              onTabSelect={(_e, d) => setTab(d.value as TabKey)}
              size="small"
              aria-label={t.appTitle}
            >
              <Tab value="check" id="kensho-tab-check">
                {t.tabs.check}
              </Tab>
              <Tab value="progress" id="kensho-tab-progress">
                {t.tabs.progress}
              </Tab>
              <Tab value="submissions" id="kensho-tab-submissions">
                {t.tabs.submissions}
              </Tab>
              <Tab value="settings" id="kensho-tab-settings">
                {t.tabs.settings}
              </Tab>
            </TabList>
            <div role="tabpanel" aria-labelledby={`kensho-tab-${tab}`} className={styles.panel}>
              {tab === "check" && check && usable ? (
                <FindingsList
                  findings={findings}
                  groupBy={state.groupBy}
                  busy={state.busy}
                  onGroupBy={(g) => controller.setGroupBy(g)}
                  onSelect={(cell) => void controller.select(cell)}
                  onFixStatus={(f) => void controller.fixStatuses([f])}
                />
              ) : null}
              {tab === "progress" && check && usable ? (
                <ProgressSection
                  rows={rows}
                  busy={state.busy}
                  canUndo={state.canUndo}
                  support={support}
                  onApply={(r) => void controller.applyStatuses(r)}
                  onUndo={() => void controller.undo()}
                  onAddDropdown={(r) => void controller.addStatusDropdown(r)}
                />
              ) : null}
              {tab === "submissions" ? (
                <>
                  <SubmissionsSection
                    report={state.submissions}
                    busy={state.busy || checking}
                    canUndo={state.canUndo}
                    onPick={(files) => void controller.importSubmissions(files)}
                    onUndo={() => void controller.undo()}
                    onSelect={(cell) => void controller.select(cell)}
                  />
                  <PreviousYearSection
                    previous={state.previous}
                    busy={state.busy || checking}
                    onPick={(files) => void controller.setPreviousYear(files)}
                    onClear={() => void controller.clearPreviousYear()}
                  />
                </>
              ) : null}
              {(tab === "check" || tab === "progress") && !check ? (
                <Text className={styles.muted}>{t.summary.notYetChecked}</Text>
              ) : null}
              {(tab === "check" || tab === "progress") && layoutStop ? (
                <Text className={styles.muted}>{t.errors.layoutHint}</Text>
              ) : null}
              {tab === "settings" ? (
                <>
                  <SettingsSection
                    rule={state.rule}
                    options={state.options}
                    kpis={kpis}
                    busy={state.busy}
                    onSave={(r, o) => void controller.saveRule(r, o)}
                  />
                  {support.onChanged ? (
                    <LiveRecheckSetting
                      on={state.liveWanted}
                      undo={support.undo}
                      busy={state.busy}
                      onChange={(on) => void controller.setLiveRecheck(on)}
                    />
                  ) : null}
                  <FiscalYearSetting
                    statedYear={state.statedYear}
                    busy={state.busy}
                    onSave={(y) => void controller.saveStatedYear(y)}
                  />
                  <ProfileSetting
                    current={state.profile}
                    busy={state.busy}
                    onSave={(text, name) => controller.saveProfile(text, name)}
                  />
                  <LayoutReading
                    sheets={check ? check.sheets : null}
                    refusal={check?.fileError?.found ? renderFileError(check.fileError) : null}
                  />
                  <HostCapabilities support={support} />
                </>
              ) : null}
            </div>
          </>
        ) : null}
      </main>
    </FluentProvider>
  );
}
