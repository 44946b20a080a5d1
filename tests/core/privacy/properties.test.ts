import fc from "fast-check";
import { makeGrid, type CellValue } from "../../../src/core/grid/types";
import { checkDigit } from "../../../src/core/id";
import { detectPii, scanSheet, scanWorkbook, type ScanMode } from "../../../src/core/privacy";
import type { FieldKey } from "../../../src/core/roster";
import type { Finding } from "../../../src/core/report/types";

/** A valid-looking ID: a real province, a real birth date, any sequence, the right or a wrong check digit. */
const idArb = fc
  .tuple(
    fc.constantFrom("110105", "430381", "440524", "650102", "820000"),
    fc.date({ min: new Date(Date.UTC(1940, 0, 1)), max: new Date(Date.UTC(2024, 11, 31)), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
    fc.boolean(),
  )
  .map(([region, date, seq, right]) => {
    const first17 = `${region}${date.toISOString().slice(0, 10).replace(/-/g, "")}${String(seq).padStart(3, "0")}`;
    const check = checkDigit(first17);
    return first17 + (right ? check : check === "0" ? "1" : "0");
  });

/** 16, 17 or 19 digits with a valid Luhn digit (18 could also be an ID, 62 being 甘肃). */
const cardArb = fc.stringMatching(/^62(?:\d{13}|\d{14}|\d{16})$/).map((body) => {
  for (let d = 0; d <= 9; d++) {
    const candidate = body + d;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let n = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  return body;
});

const mobileArb = fc.stringMatching(/^1[3-9]\d{9}$/);

/** Text made of the characters the detectors look at, to reach their inner branches. */
const nearMissArb = fc.string({
  unit: fc.constantFrom(..."0123456789 -XxG+()村组号栋室省市县镇区路出生日期年月于:：一三某", "１", "Ｘ"),
  maxLength: 30,
});

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  nearMissArb,
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  fc.double({ min: 1e14, max: 1e20, noNaN: true }),
  idArb.map((id) => `备注${id}号`),
  cardArb,
  mobileArb,
);

const gridArb = fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 12 });

const fieldArb: fc.Arbitrary<FieldKey | null> = fc.constantFrom<FieldKey | null>(
  null,
  "name",
  "idNumber",
  "guardianId",
  "studentNo",
  "phone",
  "account",
  "address",
  "birthDate",
  "remarks",
  "amount",
);

const modeArb = fc.constantFrom<ScanMode>("notice", "roster", "inventory");

/** A Finding's value never shows a full ID or card: no run of 16+ digits, no 17 digits + X. */
function leaks(findings: readonly Finding[]): string[] {
  return findings.map((f) => f.value).filter((v) => /\d{16,}|\d{17}[Xx]/.test(v.replace(/[\s-]/g, "")));
}

describe("privacy properties", () => {
  it("scanSheet never throws and never shows a full identifier", () => {
    fc.assert(
      fc.property(
        gridArb,
        modeArb,
        fc.option(fc.array(fieldArb, { maxLength: 8 }), { nil: undefined }),
        fc.option(fc.integer({ min: -2, max: 12 }), { nil: undefined }),
        (rows, mode, columnFields, headerRow) => {
          const grid = makeGrid("表", rows, { notes: [{ row: 0, col: 0, text: String(rows[0]?.[0] ?? "") }] });
          const findings = scanSheet(grid, { mode, columnFields, headerRow });
          expect(leaks(findings)).toEqual([]);
          for (const f of findings) {
            expect(f.rule).toMatch(/^privacy\./);
            expect(f.severity).toBe(mode === "notice" ? "error" : "warning");
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("scanWorkbook never throws and never shows a full identifier", () => {
    fc.assert(
      fc.property(
        fc.array(gridArb, { maxLength: 3 }),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), nearMissArb, mobileArb, idArb)),
        modeArb,
        (sheets, properties, mode) => {
          const grids = sheets.map((rows, i) =>
            makeGrid(`S${i}`, rows, { state: i === 1 ? "hidden" : "visible", headerFooter: [String(rows[0]?.[0])] }),
          );
          expect(leaks(scanWorkbook({ sheets: grids, properties }, { mode }))).toEqual([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("finds every ID embedded in text and masks it", () => {
    fc.assert(
      fc.property(
        idArb,
        fc.constantFrom("", "身份证", "G", "号码:"),
        fc.constantFrom("", "已核", "。"),
        (id, pre, post) => {
          const hits = detectPii(`${pre}${id}${post}`);
          expect(hits).toEqual([
            expect.objectContaining({ kind: "id-number", masked: `${id.slice(0, 6)}********${id.slice(-4)}` }),
          ]);
          expect(hits[0]?.checksumOk).toBe(checkDigit(id.slice(0, 17)) === id.charAt(17));
        },
      ),
    );
  });

  it("finds every card after a card label, whatever its Luhn digit", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^62(?:\d{14}|\d{15}|\d{17})$/),
        fc.constantFrom("银行卡号：", "卡号 ", "账号:", "帐号", "存折号 "),
        (card, label) => {
          expect(detectPii(`${label}${card}`)).toEqual([
            expect.objectContaining({ kind: "bank-card", masked: `${"*".repeat(card.length - 4)}${card.slice(-4)}` }),
          ]);
        },
      ),
    );
  });

  it("finds every mobile number written with a country code", () => {
    fc.assert(
      fc.property(mobileArb, fc.constantFrom("+86 ", "0086", "0086 ", "86", "+86-"), (mobile, prefix) => {
        expect(detectPii(`${prefix}${mobile}`)).toEqual([
          { kind: "phone", masked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`, by: "content" },
        ]);
      }),
    );
  });

  it("finds every Luhn-valid card and every mobile number", () => {
    fc.assert(
      fc.property(cardArb, mobileArb, (card, mobile) => {
        expect(detectPii(`卡${card}`).map((h) => h.kind)).toEqual(["bank-card"]);
        expect(detectPii(`电话${mobile}`)).toEqual([
          { kind: "phone", masked: `${mobile.slice(0, 3)}****${mobile.slice(-4)}`, by: "content" },
        ]);
      }),
    );
  });
});
