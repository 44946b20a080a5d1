/** Rules on the bank card of a row: its number, the bank a program requires, and the holder. */
import { cardIssuer, cardTexts, parseCard, type CardProblem } from "../bank";
import type { RuleEntries } from "../findings/types";
import { plainText } from "../id/cell-text";
import { texts } from "../locale";
import { maskCard, maskName } from "../mask";
import type { Program } from "../policy";
import { compact } from "../text/normalize";
import { colOf, isBlank, rawOf, type RowContext, type SheetContext } from "./context";
import { finding } from "./finding";

export interface BankRuleData {
  "bank.format": { problem: Extract<CardProblem, { code: "bank.format" }> };
  "bank.luhn": Record<string, never>;
  "bank.stored-as-number": Record<string, never>;
  "bank.issuer": { required: string; actual: string; source: string };
  "bank.holder-mismatch": { holder: string; name: string; guardian: string; source: string };
}

export const BANK_RULES: RuleEntries<BankRuleData> = {
  "bank.format": {
    severity: "error",
    source: "银行卡号 16–19 位",
    title: texts("银行卡号格式错误", "Malformed card number"),
    message: (d) => cardTexts(d.problem),
    hint: () => texts("对照银行卡或存折核对卡号", "Check against the card or passbook"),
  },
  "bank.luhn": {
    severity: "warning",
    source: "ISO/IEC 7812（Luhn）",
    title: texts("银行卡号校验未通过", "Card number fails Luhn"),
    message: () =>
      texts(
        "银行卡号未通过 Luhn 校验，可能录错（少数真实银联卡也不通过）",
        "Fails the Luhn check (a few real UnionPay cards do)",
      ),
    hint: () => texts("对照银行卡或存折逐位核对，避免发放失败", "Compare digit by digit with the card"),
  },
  "bank.stored-as-number": {
    severity: "error",
    source: "Excel 只保留 15 位有效数字",
    title: texts("银行卡号被存为数字", "Card stored as a number"),
    message: () =>
      texts(
        "银行卡号被存为数字，后几位已丢失（Excel 只保留 15 位有效数字），无法修复",
        "The card number was stored as a number; its last digits are lost",
      ),
    hint: () => texts("将该列设为文本格式，再从原始资料重新录入", "Format the column as text and re-enter the numbers"),
  },
  "bank.issuer": {
    severity: "error",
    source: "方案7 四（开户行需是建行卡）",
    title: texts("开户行不符合要求", "Wrong bank"),
    message: (d) =>
      texts(`要求${d.required}的卡，此卡为${d.actual}`, `A ${d.required} card is required; this is ${d.actual}`),
    hint: (d) =>
      texts(`更换为${d.required}卡号，并核对开户行一栏（${d.source}）`, `Use a ${d.required} card (${d.source})`),
  },
  "bank.holder-mismatch": {
    severity: "error",
    source: "方案7 四",
    title: texts("持卡人与学生、监护人都不一致", "Card holder is neither the student nor the guardian"),
    message: (d) =>
      texts(
        `持卡人“${d.holder}”既不是本人“${d.name}”，也不是监护人“${d.guardian || "（未填）"}”`,
        `Holder "${d.holder}" is neither "${d.name}" nor the guardian`,
      ),
    hint: () =>
      texts("核对持卡人姓名，避免姓名与卡号不符导致发放失败", "Check the holder's name to avoid failed payments"),
  },
};

type Payment = NonNullable<Program["payment"]>;

/** Whether the payment's bank or one of its aliases passes `test` (no list made per row). */
function someBankName(payment: Payment, test: (name: string) => boolean): boolean {
  return test(payment.bank) || payment.aliases.some(test);
}

export function checkCard(ctx: SheetContext, row: RowContext): void {
  const col = colOf(ctx, "account");
  const raw = rawOf(ctx, row, "account");
  if (col < 0 || isBlank(raw)) return;
  const sheet = ctx.grid.name;
  const shown = (): string => maskCard(compact(plainText(raw)));
  const r = parseCard(raw);
  if (!r.ok) {
    const p = r.problem;
    if (p.code === "bank.stored-as-number")
      ctx.out.push(finding("bank.stored-as-number", sheet, row.row, col, shown(), {}));
    else if (p.code === "bank.format")
      ctx.out.push(finding("bank.format", sheet, row.row, col, shown(), { problem: p }));
    return;
  }
  if (!r.value.luhnOk) ctx.out.push(finding("bank.luhn", sheet, row.row, col, shown(), {}));
  const payment = row.program?.payment;
  if (payment) {
    const issuer = cardIssuer(r.value.digits);
    if (issuer && !someBankName(payment, (n) => issuer.name.includes(n) || n.includes(issuer.name))) {
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
    if (bankCol >= 0 && bankText && !someBankName(payment, (n) => bankText.includes(n))) {
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

export function checkHolder(ctx: SheetContext, row: RowContext): void {
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
