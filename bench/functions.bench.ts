/**
 * `npm run bench`: the core checks on 100,000 rows, reported as time per run and as a ratio to a
 * baseline measured in the same process on the same inputs (these machines are noisy, so ratios
 * are what compare across runs). Baseline: NFKC-normalising each value and testing it against a
 * regular expression — the least any cell check does.
 */
import { timeMedian } from "./timing";
import "../src/cli/custom-functions-host";
import * as fx from "../functions/identity";
import { provideContext } from "../functions/context";
import { parseId } from "../src/core/id";
import { parseCard, cardIssuer } from "../src/core/bank";
import { rmbUppercase } from "../src/core/money";
import { addWorkdays, noticeEnd } from "../src/core/calendar";
import { maskValue } from "../src/core/mask";
import { parsePhone } from "../src/core/phone";
import { syntheticAmounts, syntheticCards, syntheticIds } from "./rows";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 7);
const TODAY = { y: 2026, m: 11, d: 28 };

let sink = 0;
const consume = (v: unknown): void => {
  sink += typeof v === "string" ? v.length : v ? 1 : 0;
};

const ids = syntheticIds(ROWS);
const cards = syntheticCards(ROWS);
const amounts = syntheticAmounts(ROWS);
const phones = ids.map((_, i) => `138${String(i).padStart(8, "0")}`);
provideContext({ today: () => TODAY });

const baseline = timeMedian(() => {
  for (const v of ids) consume(/^\d{17}[\dX]$/.test(v.normalize("NFKC")));
}, REPEAT);

const cases: [string, () => void][] = [
  ["parseId (core)", () => ids.forEach((v) => consume(parseId(v, TODAY).ok))],
  ["ZIZHU.ID_VALID (function layer)", () => ids.forEach((v) => consume(fx.idValid(v)))],
  ["ZIZHU.ID_ERROR", () => ids.forEach((v) => consume(fx.idError(v)))],
  ["ZIZHU.ID_REGION", () => ids.forEach((v) => consume(safe(() => fx.idRegion(v))))],
  [
    "parseCard + cardIssuer",
    () =>
      cards.forEach((v) => {
        const c = parseCard(v);
        consume(c.ok && cardIssuer(c.value.digits));
      }),
  ],
  ["parsePhone", () => phones.forEach((v) => consume(parsePhone(v).ok))],
  ["rmbUppercase", () => amounts.forEach((v) => consume(rmbUppercase(v)))],
  ["maskValue (detect kind)", () => ids.forEach((v) => consume(maskValue(v)))],
  [
    "noticeEnd (5 working days)",
    () => {
      for (let i = 0; i < ROWS; i++) consume(noticeEnd({ y: 2025, m: 1 + (i % 12), d: 1 + (i % 28) }, 5));
    },
  ],
  [
    "addWorkdays (250 days)",
    () => {
      for (let i = 0; i < ROWS / 10; i++) consume(addWorkdays({ y: 2024, m: 1 + (i % 12), d: 1 + (i % 28) }, 250));
    },
  ],
];

function safe(f: () => unknown): unknown {
  try {
    return f();
  } catch {
    return "";
  }
}

const lines = [
  `rows: ${ROWS}, median of ${REPEAT} runs; baseline (NFKC + regex on each ID): ${baseline.toFixed(1)} ms`,
  "",
];
lines.push("| case | ms per run | rows/s | × baseline |", "|---|---:|---:|---:|");
for (const [name, run] of cases) {
  const ms = timeMedian(run, REPEAT);
  const rows = name.startsWith("addWorkdays") ? ROWS / 10 : ROWS;
  lines.push(
    `| ${name} | ${ms.toFixed(1)} | ${Math.round((rows / ms) * 1000).toLocaleString("en-US")} | ${(ms / baseline).toFixed(1)} |`,
  );
}
lines.push("", `(checksum ${sink})`);
process.stdout.write(lines.join("\n") + "\n");
