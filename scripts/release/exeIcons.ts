// The icon kensho-win-x64.exe carries: the add-in's own drawing (scripts/build-icons.ts), as PNG
// images at the sizes Explorer asks for at 100–200 % scaling and in large views.
import { PNG } from "pngjs";
import { drawIcon } from "../build-icons";

export const EXE_ICON_SIZES = [16, 24, 32, 48, 64, 256] as const;

/** The PNG of one icon size. */
export const iconPng = (size: number) => PNG.sync.write(drawIcon(size));
