// The text report shows the words staff wrote beside this year's figure on the row's line.
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";

test("the sample's 健康寿命 row carries its ※変更後 remark, 急患センター its 閏年", async () => {
  let stdout = "";
  const io: CliIo = {
    stdout: (t) => (stdout += t),
    stderr: () => undefined,
    stderrIsTTY: false,
    cwd: path.join(__dirname, "..", ".."),
  };
  expect(await main([], io)).toBe(0);
  expect(stdout).toMatch(/健康寿命.*実績値の注記「※変更後」/);
  expect(stdout).toMatch(/休日夜間急患センターの開設日数.*実績値の注記「閏年」/);
  expect(stdout).not.toMatch(/新規求人数.*実績値の注記/);
});
