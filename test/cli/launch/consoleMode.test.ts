import type { ConsoleFacts } from "../../../src/cli/launch/consoleFacts";
import { parseTasklistImageName } from "../../../src/cli/launch/consoleFacts";
import { startedByDoubleClick, writesReportFiles } from "../../../src/cli/launch/consoleMode";

const EXE = "C:\\Users\\kikaku\\Desktop\\kensho-win-x64.exe";

/** kensho.exe double-clicked in Explorer: a fresh console titled with the exe's path, no PROMPT. */
function explorer(overrides: Partial<ConsoleFacts> = {}): ConsoleFacts {
  return {
    platform: "win32",
    isSea: true,
    stdinIsTTY: true,
    stdoutIsTTY: true,
    env: {},
    execPath: EXE,
    consoleTitle: () => EXE,
    parentImageName: () => "explorer.exe",
    ...overrides,
  };
}

describe("startedByDoubleClick", () => {
  test("a double-click (console titled with the exe path) pauses, without asking for the parent", () => {
    const parentImageName = jest.fn(() => "explorer.exe");
    expect(startedByDoubleClick(explorer({ parentImageName }))).toBe(true);
    expect(parentImageName).not.toHaveBeenCalled();
  });

  test("the title comparison ignores case and quotes", () => {
    expect(
      startedByDoubleClick(
        explorer({ consoleTitle: () => `"${EXE.toUpperCase()}"`, parentImageName: () => null }),
      ),
    ).toBe(true);
  });

  test("a shortcut or a drop on it (title is the shortcut's) pauses because Explorer is the parent", () => {
    const f = explorer({ consoleTitle: () => "kensho", parentImageName: () => "EXPLORER.EXE" });
    expect(startedByDoubleClick(f)).toBe(true);
  });

  test("run from cmd.exe (PROMPT set) never pauses and never spawns tasklist", () => {
    const parentImageName = jest.fn(() => "explorer.exe");
    const f = explorer({
      env: { PROMPT: "$P$G" },
      consoleTitle: () => "コマンド プロンプト - kensho",
      parentImageName,
    });
    expect(startedByDoubleClick(f)).toBe(false);
    expect(parentImageName).not.toHaveBeenCalled();
  });

  test("run from PowerShell (no PROMPT, own title, parent powershell.exe) does not pause", () => {
    const f = explorer({ consoleTitle: () => "Windows PowerShell", parentImageName: () => "powershell.exe" });
    expect(startedByDoubleClick(f)).toBe(false);
  });

  test("an unknown parent does not pause", () => {
    expect(startedByDoubleClick(explorer({ consoleTitle: () => null, parentImageName: () => null }))).toBe(
      false,
    );
  });

  test("redirected input or output never pauses (scripts, `> 結果.txt`)", () => {
    expect(startedByDoubleClick(explorer({ stdoutIsTTY: false }))).toBe(false);
    expect(startedByDoubleClick(explorer({ stdinIsTTY: false }))).toBe(false);
  });

  test("only kensho.exe on Windows: node bin/kensho.js and Linux never pause", () => {
    expect(startedByDoubleClick(explorer({ isSea: false }))).toBe(false);
    expect(startedByDoubleClick(explorer({ platform: "linux" }))).toBe(false);
  });

  test("KENSHO_PAUSE=1 / 0 decide on Windows whatever the other facts say", () => {
    expect(startedByDoubleClick(explorer({ env: { KENSHO_PAUSE: "0" } }))).toBe(false);
    const fromCmd = explorer({ env: { KENSHO_PAUSE: "1", PROMPT: "$P$G" }, stdoutIsTTY: false });
    expect(startedByDoubleClick(fromCmd)).toBe(true);
    expect(startedByDoubleClick(explorer({ platform: "linux", env: { KENSHO_PAUSE: "1" } }))).toBe(false);
  });
});

describe("writesReportFiles", () => {
  test("kensho.exe writing to a console window writes report files; redirected output does not", () => {
    expect(writesReportFiles(explorer())).toBe(true);
    expect(writesReportFiles(explorer({ env: { PROMPT: "$P$G" } }))).toBe(true);
    expect(writesReportFiles(explorer({ stdoutIsTTY: false }))).toBe(false);
    expect(writesReportFiles(explorer({ isSea: false }))).toBe(false);
    expect(writesReportFiles(explorer({ platform: "linux" }))).toBe(false);
  });
});

describe("parseTasklistImageName", () => {
  test("reads the image name from tasklist's CSV line, whatever the console language", () => {
    expect(parseTasklistImageName('"explorer.exe","5124","Console","1","98,120 K"\r\n')).toBe("explorer.exe");
    expect(parseTasklistImageName('\r\n"cmd.exe","812","Console","1","4,004 K"\r\n')).toBe("cmd.exe");
  });

  test("anything else (no such process, an error) is unknown", () => {
    expect(
      parseTasklistImageName("INFO: No tasks are running which match the specified criteria.\r\n"),
    ).toBeNull();
    expect(parseTasklistImageName("")).toBeNull();
  });
});
