/** The exit statuses of every kensho command (domain.md: "Exit status"). */
export const EXIT = {
  /** Nothing of error severity. */
  ok: 0,
  /** Some error-severity finding (or, for merge, a conflict to decide). */
  findings: 1,
  /** A file could not be read or written, or bad usage. */
  failure: 2,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
