import * as React from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { ProfileProblem } from "../../core/profile/validateProfile";
import { PROFILE_TEXT } from "../../i18n/profile";
import { t } from "../../i18n/taskpane";

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalM} 0 0`,
  },
  intro: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalS,
  },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** A limit like the CLI's: a profile is a page of JSON. */
const MAX_PROFILE_BYTES = 1024 * 1024;

export interface ProfileSettingProps {
  current: { name: string } | null;
  busy: boolean;
  /** Keeps the profile's text in the workbook (null removes it); returns its problems, if any. */
  onSave(text: string | null, name: string): Promise<ProfileProblem[]>;
}

/** 設定 → 市の設定: load a profile drafted by `kensho profile init`, kept in the workbook's settings. */
export function ProfileSetting(props: ProfileSettingProps): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [problems, setProblems] = React.useState<string[]>([]);

  const pick = async (e: React.ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > MAX_PROFILE_BYTES) {
      setProblems([PROFILE_TEXT.tooLarge(file.name)]);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setProblems([t.profile.unreadable]);
      return;
    }
    const found = await props.onSave(text, file.name.replace(/\.json$/i, ""));
    setProblems(found.map((p) => PROFILE_TEXT.problemLine(file.name, p)));
  };

  return (
    <section aria-labelledby="kensho-profile-heading" data-testid="profile-setting">
      <h3 id="kensho-profile-heading" className={styles.heading}>
        {t.profile.heading}
      </h3>
      <p className={styles.intro}>{t.profile.intro}</p>
      <Text data-testid="profile-current">
        {props.current ? t.profile.current(props.current.name) : t.profile.none}
      </Text>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="profile-file"
        onChange={(e) => void pick(e)}
      />
      <div className={styles.actions}>
        <Button type="button" disabled={props.busy} onClick={() => input.current?.click()}>
          {t.profile.choose}
        </Button>
        {props.current ? (
          <Button type="button" disabled={props.busy} onClick={() => void props.onSave(null, "")}>
            {t.profile.remove}
          </Button>
        ) : null}
      </div>
      {problems.length > 0 ? (
        <MessageBar intent="error" layout="multiline" data-testid="profile-problems">
          <MessageBarBody>
            {t.profile.invalid}
            <ul className={styles.problems}>
              {problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
