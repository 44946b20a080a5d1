/**
 * Rules on the identifiers of a row: ID numbers (the person's and the guardian's), 学籍号, bank
 * card, card holder, phone, and the text hygiene of those cells.
 */
import { plainNumber } from "../roster/typed-amounts";
import { cardIssuer, cardMessage, parseCard } from "../bank";
import { wholeYearsBetween } from "../date/civil";
import {
  checkDocument,
  documentMessage,
  documentsAgree,
  idMessage,
  lookalikeMessage,
  MIN_BIRTH_YEAR,
  parseId,
  regionName,
  resembles,
  type IdDocument,
  type IdInfo,
  type IdProblem,
} from "../id";
import { timeline } from "../id/region-data";
import { plainText } from "../id/cell-text";
import { maskCard, maskId, maskName, maskPhone } from "../mask";
import { parsePhone, phoneMessage } from "../phone";
import { fieldLabel, type FieldKey, type Stage } from "../roster";
import type { CellValue } from "../grid/types";
import { compact } from "../text/normalize";
import { colOf, isBlank, rawOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

/** Typical ages per stage (a wide band: late entry and repeated years are common). */
const AGE_BANDS: Record<Stage, [number, number]> = {
  学前: [2, 8],
  小学: [5, 16],
  初中: [10, 19],
  普通高中: [13, 22],
  中职: [13, 26],
  高职: [15, 32],
  本科: [15, 35],
  研究生: [19, 55],
};

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0]/;

function shownId(v: CellValue): string {
  return maskId(compact(plainText(v)));
}

/** Findings for a valid identity number: an unknown county, a birth date before 1900. */
function reportValidId(
  ctx: SheetContext,
  row: RowContext,
  col: number,
  raw: CellValue,
  id: IdInfo,
  label: string,
): void {
  const sheet = ctx.grid.name;
  // An unknown county code is only a warning (codes are retired and re-used); the timeline
  // lookup is cheap, regionName only runs for the rare unknown code.
  const code = id.regionCode;
  if (!code.endsWith("00") && timeline(code).length === 0 && regionName(code, id.birth.y)?.county === "") {
    ctx.out.push(
      finding("id.region", sheet, row.row, col, shownId(raw), { level: "county", code: id.regionCode }, "warning"),
    );
  }
  // A real date before 1900 is a well-formed number with an implausible birth date, not a broken number.
  if (id.bornBefore1900)
    ctx.out.push(finding("id.birthdate-implausible", sheet, row.row, col, shownId(raw), { field: label }));
}

/** Findings for a value that is not a valid identity number; `hint` is added to a malformed one's message. */
function reportIdProblem(
  ctx: SheetContext,
  row: RowContext,
  col: number,
  raw: CellValue,
  label: string,
  p: IdProblem,
  hint = "",
): void {
  const sheet = ctx.grid.name;
  switch (p.code) {
    case "id.empty":
      return;
    case "id.stored-as-number":
      ctx.out.push(finding("id.stored-as-number", sheet, row.row, col, shownId(raw), { field: label }));
      return;
    case "id.region": {
      const level =
        p.document === "外国人永久居留身份证"
          ? "foreign-province"
          : p.document === "港澳台居民居住证"
            ? "permit-region"
            : "province";
      const code = level === "permit-region" ? (p.region ?? p.province) : p.province;
      ctx.out.push(finding("id.region", sheet, row.row, col, shownId(raw), { level, code }));
      return;
    }
    case "id.checksum":
      ctx.out.push(
        finding("id.checksum", sheet, row.row, col, shownId(raw), { expected: p.expected, actual: p.actual }),
      );
      return;
    case "id.birthdate": {
      // An impossible date (02-30) is no one's birth date and helps to find the typo; a real date
      // in the future or before 1870 is personal data, so the message does not repeat it.
      const detail =
        p.reason === "invalid"
          ? idMessage(p)
          : p.reason === "future"
            ? `${label}中的出生日期晚于今天`
            : `${label}中的出生日期早于${MIN_BIRTH_YEAR}年，不可能是持证人的出生日期`;
      ctx.out.push(finding("id.birthdate", sheet, row.row, col, shownId(raw), { detail }));
      return;
    }
    case "id.format":
      ctx.out.push(
        finding("id.format", sheet, row.row, col, shownId(raw), {
          detail: `${label}：${idMessage(p)}${hint === "" ? "" : `（${hint}）`}`,
        }),
      );
      return;
  }
}

/**
 * The person's number checked as the document the row's 证件类型 names: a valid number of another
 * identity document is a warning (the number is right, the type is not); a number that fails its
 * document and clearly is another's is an error naming both; otherwise the document's own problem.
 */
function checkDeclaredDocument(
  ctx: SheetContext,
  row: RowContext,
  col: number,
  raw: CellValue,
  declared: IdDocument,
): IdInfo | null {
  const sheet = ctx.grid.name;
  const label = fieldLabel("idNumber");
  const r = checkDocument(raw, declared, ctx.today);
  if (r.ok) {
    const { document, id } = r.value;
    if (!documentsAgree(declared, document)) {
      ctx.out.push(
        finding(
          "id.document-mismatch",
          sheet,
          row.row,
          col,
          shownId(raw),
          { declared, actual: document, valid: true },
          "warning",
        ),
      );
    }
    if (id) reportValidId(ctx, row, col, raw, id, label);
    return id;
  }
  const p = r.problem;
  switch (p.code) {
    case "doc.mismatch":
      ctx.out.push(
        finding("id.document-mismatch", sheet, row.row, col, shownId(raw), {
          declared: p.declared,
          actual: p.looksLike,
          valid: false,
        }),
      );
      return null;
    case "doc.format":
    case "doc.region":
    case "doc.birthdate":
    case "doc.checksum":
      ctx.out.push(
        finding("id.document-format", sheet, row.row, col, shownId(raw), {
          document: declared,
          detail: documentMessage(p),
        }),
      );
      return null;
    default:
      reportIdProblem(ctx, row, col, raw, label, p);
      return null;
  }
}

/**
 * An ID cell → its info, with findings for what is wrong. The person's number is checked as the
 * document the row's 证件类型 names, when there is one; otherwise as an identity number, and a
 * value that is not one but is clearly another document's number is said to be that (a warning:
 * the roster should say which document it is).
 */
function checkIdCell(ctx: SheetContext, row: RowContext, field: FieldKey): IdInfo | null {
  const col = colOf(ctx, field);
  const raw = rawOf(ctx, row, field);
  if (col < 0 || isBlank(raw)) return null;
  const declared = field === "idNumber" ? row.record.idType : undefined;
  if (declared !== undefined) return checkDeclaredDocument(ctx, row, col, raw, declared);

  const label = fieldLabel(field);
  const r = parseId(raw, ctx.today);
  if (r.ok) {
    reportValidId(ctx, row, col, raw, r.value, label);
    return r.value;
  }
  const p = r.problem;
  if (p.code === "id.empty" || p.code === "id.stored-as-number") {
    reportIdProblem(ctx, row, col, raw, label, p);
    return null;
  }
  const hasColumn = field === "idNumber" && colOf(ctx, "idType") >= 0;
  const like = resembles(raw, ctx.today);
  if (like?.strong) {
    ctx.out.push(
      finding("id.other-document", ctx.grid.name, row.row, col, shownId(raw), {
        field: label,
        document: like.document,
        hasColumn,
      }),
    );
    return null;
  }
  reportIdProblem(ctx, row, col, raw, label, p, like ? lookalikeMessage(like.document, false, "zh-CN", hasColumn) : "");
  return null;
}

function checkCard(ctx: SheetContext, row: RowContext): void {
  const col = colOf(ctx, "account");
  const raw = rawOf(ctx, row, "account");
  if (col < 0 || isBlank(raw)) return;
  const sheet = ctx.grid.name;
  const shown = (): string => maskCard(compact(plainText(raw)));
  const r = parseCard(raw);
  if (!r.ok) {
    if (r.problem.code === "bank.stored-as-number")
      ctx.out.push(finding("bank.stored-as-number", sheet, row.row, col, shown(), {}));
    else if (r.problem.code !== "bank.empty")
      ctx.out.push(finding("bank.format", sheet, row.row, col, shown(), { detail: cardMessage(r.problem) }));
    return;
  }
  if (!r.value.luhnOk) ctx.out.push(finding("bank.luhn", sheet, row.row, col, shown(), {}));
  const payment = row.program?.payment;
  if (payment) {
    const names = [payment.bank, ...payment.aliases];
    const issuer = cardIssuer(r.value.digits);
    if (issuer && !names.some((n) => issuer.name.includes(n) || n.includes(issuer.name))) {
      ctx.out.push(
        finding("bank.issuer", sheet, row.row, col, shown(), {
          required: payment.bank,
          actual: issuer.name,
          source: payment.source,
        }),
      );
      return;
    }
    const bankCol = colOf(ctx, "bank");
    const bankText = row.record.bank;
    if (bankCol >= 0 && bankText && !names.some((n) => bankText.includes(n))) {
      ctx.out.push(
        finding("bank.issuer", sheet, row.row, bankCol, bankText, {
          required: payment.bank,
          actual: bankText,
          source: payment.source,
        }),
      );
    }
  }
}

function checkHolder(ctx: SheetContext, row: RowContext): void {
  const { holder, name, guardianName } = row.record;
  if (!holder || !name) return;
  if (holder === name || holder === guardianName) return;
  ctx.out.push(
    finding("bank.holder-mismatch", ctx.grid.name, row.row, colOf(ctx, "holder"), maskName(holder), {
      holder: maskName(holder),
      name: maskName(name),
      guardian: guardianName ? maskName(guardianName) : "",
      source: "方案7 四",
    }),
  );
}

function checkPhone(ctx: SheetContext, row: RowContext): void {
  const col = colOf(ctx, "phone");
  const raw = rawOf(ctx, row, "phone");
  if (col < 0 || isBlank(raw)) return;
  const r = parsePhone(raw);
  if (!r.ok && r.problem.code === "phone.format") {
    ctx.out.push(
      finding("phone.format", ctx.grid.name, row.row, col, maskPhone(plainText(raw)), {
        detail: phoneMessage(r.problem),
      }),
    );
  }
}

const TEMP_STUDENT_NO = /^[LJ][0-9A-Z]{6,}$/;

function checkStudentNo(ctx: SheetContext, row: RowContext, id: IdInfo | null): void {
  const col = colOf(ctx, "studentNo");
  const no = row.record.studentNo;
  if (col < 0 || !no) return;
  const sheet = ctx.grid.name;
  const shown = (): string => (no.length > 10 ? `${no.charAt(0)}${maskId(no.slice(1))}` : no);
  if (no.startsWith("G")) {
    const rest = no.slice(1);
    if (id && rest !== id.id18 && rest !== id.value) {
      ctx.out.push(
        finding("studentno.format", sheet, row.row, col, shown(), { detail: "学籍号“G”后的号码与本人身份证号不一致" }),
      );
    } else if (!/^\d{17}[\dX]$/.test(rest)) {
      ctx.out.push(
        finding("studentno.format", sheet, row.row, col, shown(), { detail: "学籍号“G”后应为 18 位身份证号" }),
      );
    }
    return;
  }
  if (!TEMP_STUDENT_NO.test(no)) {
    ctx.out.push(
      finding("studentno.format", sheet, row.row, col, shown(), {
        detail: "学籍号应为 G + 身份证号，或 L、J 开头的临时学籍号",
      }),
    );
  }
}

/** Spaces and full-width characters where they do harm: identifiers, names, amounts. */
const HYGIENE_FIELDS: readonly FieldKey[] = [
  "name",
  "idNumber",
  "guardianId",
  "guardianName",
  "holder",
  "account",
  "phone",
  "studentNo",
  "amount",
];
const IDENTIFIERS: ReadonlySet<FieldKey> = new Set(["idNumber", "guardianId", "account", "phone", "studentNo"]);

/** The masked form of a hygiene cell, computed only when there is something to report. */
function hygieneShown(field: FieldKey, raw: string): string {
  if (field === "account") return maskCard(compact(raw));
  if (field === "phone") return maskPhone(raw);
  if (IDENTIFIERS.has(field)) return maskId(compact(raw));
  return field === "amount" ? raw.trim() : maskName(raw.trim());
}

/** Text that needs no look: printable ASCII without spaces, or CJK ideographs only (most cells). */
const CLEAN = /^(?:[\x21-\x7e]+|[\u4e00-\u9fff·]+)$/;

/** An amount typed as text ("450" in a cell Excel treats as text): the sheet's own totals skip it. */
function checkAmountText(ctx: SheetContext, row: RowContext): void {
  const col = colOf(ctx, "amount");
  const raw = col >= 0 ? row.cells[col] : null;
  // Spaces and full-width digits are reported (and fixed to a number) by the hygiene rules.
  if (typeof raw !== "string" || !CLEAN.test(raw) || plainNumber(raw) === null) return;
  ctx.out.push(finding("amount.text", ctx.grid.name, row.row, col, raw, { field: fieldLabel("amount") }));
}

function checkHygiene(ctx: SheetContext, row: RowContext): void {
  checkAmountText(ctx, row);
  for (const field of HYGIENE_FIELDS) {
    const col = colOf(ctx, field);
    const raw = col >= 0 ? row.cells[col] : null;
    if (typeof raw !== "string" || raw === "" || CLEAN.test(raw)) continue;
    const label = fieldLabel(field);
    const spaced =
      raw !== raw.trim() || INVISIBLE.test(raw) || /\s{2,}/.test(raw) || (IDENTIFIERS.has(field) && /\s/.test(raw));
    if (spaced)
      ctx.out.push(finding("text.whitespace", ctx.grid.name, row.row, col, hygieneShown(field, raw), { field: label }));
    if (FULL_WIDTH.test(raw) && field !== "name" && field !== "guardianName" && field !== "holder") {
      ctx.out.push(finding("text.fullwidth", ctx.grid.name, row.row, col, hygieneShown(field, raw), { field: label }));
    }
  }
}

function checkGenderAndAge(ctx: SheetContext, row: RowContext, id: IdInfo): void {
  const sheet = ctx.grid.name;
  const { gender, stage } = row.record;
  if (gender && gender !== id.gender) {
    ctx.out.push(
      finding("id.gender-mismatch", sheet, row.row, colOf(ctx, "gender"), gender, { fromId: id.gender, given: gender }),
    );
  }
  // A birth date before 1900 has its own warning; an age of 126 for the stage would repeat it.
  if (stage && ctx.layout.kind === "students" && !id.bornBefore1900) {
    const age = wholeYearsBetween(id.birth, ctx.today);
    const [min, max] = AGE_BANDS[stage];
    if (age < min || age > max) {
      ctx.out.push(
        finding("id.age-stage", sheet, row.row, colOf(ctx, "idNumber"), maskId(id.value), { age, stage, min, max }),
      );
    }
  }
}

/** Identity rules for one row; returns the person's parsed ID (for duplicate detection). */
export function checkIdentity(ctx: SheetContext, row: RowContext): IdInfo | null {
  const id = checkIdCell(ctx, row, "idNumber");
  checkIdCell(ctx, row, "guardianId");
  if (id) checkGenderAndAge(ctx, row, id);
  checkStudentNo(ctx, row, id);
  checkCard(ctx, row);
  checkHolder(ctx, row);
  checkPhone(ctx, row);
  checkHygiene(ctx, row);
  return id;
}
