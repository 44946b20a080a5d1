/**
 * Rules on the identity document a row names (证件类型): a number that fails its document's own
 * format, a type that does not match the number, and a number that clearly is another
 * document's when no type is given. The ID cells of a row are checked here.
 */
import type { RuleEntries } from "../findings/types";
import type { CellValue } from "../grid/types";
import {
  checkDocument,
  documentTexts,
  documentName,
  documentsAgree,
  lookalikeMessage,
  parseId,
  resembles,
  type FormatProblem,
  type IdDocument,
  type IdInfo,
} from "../id";
import { texts } from "../locale";
import { fieldLabel, type FieldKey } from "../roster";
import { colOf, isBlank, rawOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";
import { reportIdProblem, reportValidId, shownId } from "./id";

export interface IdDocumentRuleData {
  "id.document-format": { document: IdDocument; problem: FormatProblem };
  "id.document-mismatch": { declared: IdDocument; actual: IdDocument; valid: boolean };
  "id.other-document": { field: string; document: IdDocument; hasColumn: boolean };
}

export const ID_DOCUMENT_RULES: RuleEntries<IdDocumentRuleData> = {
  "id.document-format": {
    severity: "error",
    source: "外国人永久居留证（2004、2017版）号码规则；港澳居民来往内地通行证、台湾居民来往大陆通行证、护照的号码格式",
    title: texts("证件号码格式错误", "Malformed document number"),
    message: (d) => documentTexts(d.problem),
    hint: (d) =>
      texts(
        `对照${d.document}原件核对号码，并确认“证件类型”填写无误`,
        `Check the number against the ${documentName(d.document, "en-US")} and the document type`,
      ),
  },
  "id.document-mismatch": {
    severity: "error",
    source: "全国学生资助管理信息系统（身份证件类型与身份证件号码应一致）",
    title: texts("证件类型与号码不符", "Document type does not match the number"),
    message: (d) =>
      d.valid
        ? texts(
            `证件类型填为“${d.declared}”，但号码是有效的${d.actual}号码`,
            `The document type is ${documentName(d.declared, "en-US")}, but the number is a valid ${documentName(d.actual, "en-US")} number`,
          )
        : texts(
            `证件类型填为“${d.declared}”，但号码不符合${d.declared}的格式，看起来是${d.actual}号码`,
            `The document type is ${documentName(d.declared, "en-US")}, but the number looks like a ${documentName(d.actual, "en-US")} number`,
          ),
    hint: (d) =>
      texts(
        `将“证件类型”改为“${d.actual}”，或核对号码是否录错`,
        `Set the document type to ${documentName(d.actual, "en-US")}, or check the number`,
      ),
  },
  "id.other-document": {
    severity: "warning",
    source:
      "全国学生资助管理信息系统（身份证件类型：居民身份证、港澳台居民居住证、外国人永久居留身份证、通行证、护照等）",
    title: texts("不是居民身份证号", "Not a resident ID number"),
    message: (d) =>
      texts(
        `${d.field}${lookalikeMessage(d.document, true, "zh-CN", d.hasColumn)}`,
        `${d.field}: ${lookalikeMessage(d.document, true, "en-US", d.hasColumn)}`,
      ),
    hint: (d) =>
      d.hasColumn
        ? texts(
            `在“证件类型”列填写“${d.document}”`,
            `Fill in ${documentName(d.document, "en-US")} as the document type`,
          )
        : texts(
            `增加“证件类型”列，填写“${d.document}”；本人为居民的请核对身份证号`,
            `Add a 证件类型 column saying ${d.document}; for residents check the ID number`,
          ),
  },
};

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
      const data = { declared, actual: document, valid: true };
      ctx.out.push(finding("id.document-mismatch", sheet, row.row, col, shownId(raw), data, "warning"));
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
        finding("id.document-format", sheet, row.row, col, shownId(raw), { document: declared, problem: p }),
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
export function checkIdCell(ctx: SheetContext, row: RowContext, field: FieldKey): IdInfo | null {
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
  reportIdProblem(ctx, row, col, raw, label, p, like ? { document: like.document, hasColumn } : null);
  return null;
}
