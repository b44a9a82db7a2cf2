import * as React from "react";
import { Switch, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 0`,
  },
  hint: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: "block" },
});

export interface LiveRecheckSettingProps {
  on: boolean;
  /** Excel keeps kensho's writes in the person's undo history (ExcelApi 1.20). */
  undo: boolean;
  busy: boolean;
  onChange(on: boolean): void;
}

/**
 * 設定 → 自動再検証. Where Excel cannot keep kensho's writes in its undo history, every write empties
 * the person's Ctrl+Z history: the setting is off by default there and says why.
 */
export function LiveRecheckSetting(props: LiveRecheckSettingProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <section aria-labelledby="kensho-live-heading">
      <h3 id="kensho-live-heading" className={styles.heading}>
        {t.liveSetting.heading}
      </h3>
      <Switch
        checked={props.on}
        disabled={props.busy}
        label={t.liveSetting.label}
        data-testid="live-recheck"
        onChange={(_e, d) => props.onChange(d.checked)}
      />
      <Text className={styles.hint}>{t.liveSetting.hint}</Text>
      {props.undo ? null : (
        <Text className={styles.hint} data-testid="live-recheck-undo">
          {t.liveSetting.noUndoHint}
        </Text>
      )}
    </section>
  );
}
