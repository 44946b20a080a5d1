/**
 * A moment as the officer's wall clock shows it, with its offset: 2026-11-28T10:30:05+08:00. The
 * one place the engine reads local time: the seal records when it was made; every date rule works
 * on civil dates instead (civil.ts).
 */
export function localIsoTimestamp(date: Date = new Date()): string {
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}
