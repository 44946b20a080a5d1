import type { CivilDate } from "../src/core/date/civil";

/**
 * "Today" for the functions, as Excel's TODAY() means it: the local calendar date of the machine
 * running the workbook. Hosts that need a fixed day (the CLI's --today, tests) replace it.
 */
let clock: () => CivilDate = () => {
  const now = new Date();
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
};

export function today(): CivilDate {
  return clock();
}

export function setClock(next: () => CivilDate): void {
  clock = next;
}
