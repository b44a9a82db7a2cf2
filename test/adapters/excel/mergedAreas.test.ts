import { joinMergedAreas, MERGED_AREA_LIMIT, planTiles } from "../../../src/adapters/excel/mergedAreas";
import type { CellArea } from "../../../src/core/model";

const cells = (a: CellArea) => (a.bottom - a.top + 1) * (a.right - a.left + 1);

describe("merged areas in tiles under the 512-area limit", () => {
  test.each([
    [{ top: 0, left: 0, bottom: 5001, right: 13 }],
    [{ top: 3, left: 2, bottom: 40, right: 1500 }],
    [{ top: 0, left: 0, bottom: 9999, right: 0 }],
  ])("every tile and seam of %o can hold at most 512 merged areas, and tiles cover the area", (area) => {
    const { tiles, seams } = planTiles(area);
    for (const t of [...tiles, ...seams])
      expect(Math.floor(cells(t) / 2)).toBeLessThanOrEqual(MERGED_AREA_LIMIT);
    expect(tiles.reduce((n, t) => n + cells(t), 0)).toBe(cells(area));
  });

  test("pieces clipped at tile edges join into the whole merge; abutting merges stay apart", () => {
    // One tall merge A3:A30 cut by tiles at rows 10/11 and 20/21, and two merges C9:C10 and C11:C12
    // that only touch at the edge.
    const pieces = [
      { top: 2, left: 0, bottom: 9, right: 0 },
      { top: 10, left: 0, bottom: 19, right: 0 },
      { top: 20, left: 0, bottom: 29, right: 0 },
      { top: 8, left: 2, bottom: 9, right: 2 },
      { top: 10, left: 2, bottom: 11, right: 2 },
    ];
    const seams = [
      { top: 9, left: 0, bottom: 10, right: 0 }, // the tall merge, clipped to the seam
      { top: 19, left: 0, bottom: 20, right: 0 },
      { top: 9, left: 2, bottom: 9, right: 2 }, // C9:C10 clipped: ends at row 10 (index 9)
      { top: 10, left: 2, bottom: 10, right: 2 },
    ];
    expect(joinMergedAreas(pieces, seams)).toEqual([
      { top: 2, left: 0, bottom: 29, right: 0 },
      { top: 8, left: 2, bottom: 9, right: 2 },
      { top: 10, left: 2, bottom: 11, right: 2 },
    ]);
  });

  test("whole areas reported by several tiles are one", () => {
    const whole = { top: 2, left: 0, bottom: 29, right: 0 };
    expect(joinMergedAreas([whole, whole, { ...whole }], [whole])).toEqual([whole]);
  });
});
