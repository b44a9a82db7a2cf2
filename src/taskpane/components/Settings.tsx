import * as React from "react";
import { Button, Field, Input, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckOptions, Direction, ProgressRule } from "../../core/model";
import { DEFAULT_CHECK_OPTIONS, DEFAULT_RULE } from "../../core/model";
import { validateRuleInput, type RuleErrors } from "../ruleInput";
import { formatPlaceholders, parsePlaceholderInput } from "../checkOptionsInput";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 0`,
  },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  kpiLabel: { overflowWrap: "anywhere" },
});

const fmt = (n: number): string => n.toFixed(2);

export interface SettingsSectionProps {
  rule: ProgressRule;
  options: CheckOptions;
  kpis: string[];
  busy: boolean;
  onSave(rule: ProgressRule, options: CheckOptions): void;
}

export function SettingsSection(props: SettingsSectionProps): React.JSX.Element {
  const styles = useStyles();
  const [onTrack, setOnTrack] = React.useState(fmt(props.rule.onTrack));
  const [nearly, setNearly] = React.useState(fmt(props.rule.nearlyOnTrack));
  const [overrides, setOverrides] = React.useState<Record<string, Direction>>(props.rule.directionOverrides);
  const [errors, setErrors] = React.useState<RuleErrors>({});
  const [placeholders, setPlaceholders] = React.useState(
    formatPlaceholders(props.options.reasonPlaceholders),
  );

  // A rule saved elsewhere (or loaded from the workbook) replaces what is on screen.
  React.useEffect(() => {
    setOnTrack(fmt(props.rule.onTrack));
    setNearly(fmt(props.rule.nearlyOnTrack));
    setOverrides(props.rule.directionOverrides);
    setErrors({});
  }, [props.rule]);
  React.useEffect(() => {
    setPlaceholders(formatPlaceholders(props.options.reasonPlaceholders));
  }, [props.options]);

  // Overrides for KPIs not on this workbook are kept too: the rule travels between years.
  const kpis = React.useMemo(
    () => [...new Set([...props.kpis, ...Object.keys(overrides)])],
    [props.kpis, overrides],
  );

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const result = validateRuleInput({ onTrack, nearlyOnTrack: nearly });
    setErrors(result.errors);
    if (result.onTrack === undefined || result.nearlyOnTrack === undefined) return;
    props.onSave(
      { onTrack: result.onTrack, nearlyOnTrack: result.nearlyOnTrack, directionOverrides: overrides },
      { reasonPlaceholders: parsePlaceholderInput(placeholders) },
    );
  };

  const reset = (): void => {
    setOnTrack(fmt(DEFAULT_RULE.onTrack));
    setNearly(fmt(DEFAULT_RULE.nearlyOnTrack));
    setOverrides({});
    setErrors({});
    setPlaceholders(formatPlaceholders(DEFAULT_CHECK_OPTIONS.reasonPlaceholders));
  };

  return (
    <section aria-labelledby="kensho-settings-heading">
      <h2 id="kensho-settings-heading" className={styles.heading}>
        {t.settings.heading}
      </h2>
      <p className={styles.intro}>{t.settings.intro}</p>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label={t.settings.onTrack}
          hint={t.settings.thresholdHint}
          validationState={errors.onTrack ? "error" : "none"}
          validationMessage={errors.onTrack}
        >
          <Input inputMode="decimal" value={onTrack} onChange={(_e, d) => setOnTrack(d.value)} />
        </Field>
        <Field
          label={t.settings.nearlyOnTrack}
          hint={t.settings.thresholdHint}
          validationState={errors.nearlyOnTrack ? "error" : "none"}
          validationMessage={errors.nearlyOnTrack}
        >
          <Input inputMode="decimal" value={nearly} onChange={(_e, d) => setNearly(d.value)} />
        </Field>
        <Field label={t.settings.reasonPlaceholders} hint={t.settings.reasonPlaceholdersHint}>
          <Textarea
            value={placeholders}
            rows={5}
            resize="vertical"
            data-testid="reason-placeholders"
            onChange={(_e, d) => setPlaceholders(d.value)}
          />
        </Field>
        <h3 className={styles.sub}>{t.settings.directions}</h3>
        <Text className={styles.intro}>{kpis.length ? t.settings.directionsHint : t.settings.noKpis}</Text>
        {kpis.map((name) => (
          <Field key={name} label={<span className={styles.kpiLabel}>{name}</span>} size="small">
            <Select
              size="small"
              value={overrides[name] ?? ""}
              data-testid="direction-select"
              onChange={(_e, d) => {
                setOverrides((prev) => {
                  const next = { ...prev };
                  if (d.value) next[name] = d.value as Direction;
                  else delete next[name];
                  return next;
                });
              }}
            >
              <option value="">{t.directionAuto}</option>
              <option value="increase">{t.direction.increase}</option>
              <option value="decrease">{t.direction.decrease}</option>
              <option value="maintain">{t.direction.maintain}</option>
            </Select>
          </Field>
        ))}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={props.busy}>
            {t.actions.saveSettings}
          </Button>
          <Button type="button" onClick={reset} disabled={props.busy}>
            {t.actions.resetSettings}
          </Button>
        </div>
      </form>
    </section>
  );
}
