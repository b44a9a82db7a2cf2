import * as React from "react";
import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { validateYearInput } from "../yearInput";
import { fiscalYearLabel } from "../../core/layout/yearForms";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalL} 0 0`,
  },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FiscalYearSettingProps {
  /** The year stated now (Gregorian start year), or null when it is read from the workbook. */
  statedYear: number | null;
  busy: boolean;
  onSave(year: number | null): void;
}

/** 設定 → 年度の指定: the year for a workbook that cannot state it, saved with the workbook. */
export function FiscalYearSetting(props: FiscalYearSettingProps): React.JSX.Element {
  const styles = useStyles();
  const shown = (y: number | null) => (y === null ? "" : fiscalYearLabel(y));
  const [text, setText] = React.useState(shown(props.statedYear));
  const [error, setError] = React.useState<string | undefined>();

  // A year saved elsewhere (or loaded from the workbook) replaces what is on screen.
  React.useEffect(() => {
    setText(shown(props.statedYear));
    setError(undefined);
  }, [props.statedYear]);

  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const result = validateYearInput(text);
    setError(result.error);
    if (!result.error) props.onSave(result.year);
  };

  return (
    <section aria-labelledby="kensho-year-heading">
      <h3 id="kensho-year-heading" className={styles.heading}>
        {t.year.heading}
      </h3>
      <p className={styles.intro}>{t.year.intro}</p>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label={t.year.label}
          hint={t.year.hint}
          validationState={error ? "error" : "none"}
          validationMessage={error}
        >
          <Input value={text} onChange={(_e, d) => setText(d.value)} data-testid="year-input" />
        </Field>
        <Text className={styles.intro} data-testid="year-current">
          {t.year.current(props.statedYear)}
        </Text>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={props.busy}>
            {t.year.save}
          </Button>
          <Button
            type="button"
            disabled={props.busy || props.statedYear === null}
            onClick={() => {
              setText("");
              setError(undefined);
              props.onSave(null);
            }}
          >
            {t.year.clear}
          </Button>
        </div>
      </form>
    </section>
  );
}
