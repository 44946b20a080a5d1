/**
 * The privacy codes: personal data found on a sheet that travels (a 公示 notice, a copy sent out),
 * in cells, notes, headers and footers, hidden sheets and document properties. The scan is
 * ../privacy; these are its catalogue entries.
 */
import type { RuleEntries, RuleEntry } from "../findings/types";
import { texts } from "../locale";
import type { PrivacyRule } from "../privacy";

export interface PrivacyData {
  where?: string;
  precisionLost?: boolean;
  sheetState?: string;
  property?: string;
}

export type PrivacyRuleData = Record<PrivacyRule, PrivacyData>;

const WHERE_ZH: Record<string, string> = {
  cell: "",
  note: "（在单元格批注中）",
  "header-footer": "（在页眉页脚中）",
  property: "（在文档属性中）",
  "hidden-sheet": "（在隐藏工作表中）",
};

function privacyEntry(whatZh: string, whatEn: string): RuleEntry<PrivacyData> {
  return {
    severity: "warning",
    source: "方案7 三.2：公示内容不允许出现身份证号码、家庭住址、电话号码、出生日期、银行卡号等个人敏感信息",
    title: texts(`含有${whatZh}`, `Contains ${whatEn}`),
    message: (d) => {
      const where = WHERE_ZH[d.where ?? "cell"] ?? "";
      const hidden = d.sheetState
        ? texts("（该工作表已隐藏，但文件发出后仍可被看到）", " (the sheet is hidden, but travels with the file)")
        : texts("", "");
      const prop = d.property ? texts(`（属性“${d.property}”）`, ` (property "${d.property}")`) : texts("", "");
      const lost = d.precisionLost
        ? texts("；该号码被存为数字，末几位已丢失", "; stored as a number, its last digits are lost")
        : texts("", "");
      return texts(
        `含有${whatZh}${where}${prop["zh-CN"]}${hidden["zh-CN"]}${lost["zh-CN"]}`,
        `Contains ${whatEn}${prop["en-US"]}${hidden["en-US"]}${lost["en-US"]}`,
      );
    },
    hint: () =>
      texts(
        "公示表和对外材料中删除或脱敏（如 =ZIZHU.MASK()）；批注、页眉页脚、隐藏表和文档属性里也要清除",
        "Remove or mask it (=ZIZHU.MASK()) — also in notes, headers/footers, hidden sheets and properties",
      ),
  };
}

export const PRIVACY_ENTRIES: RuleEntries<PrivacyRuleData> = {
  "privacy.id-number": privacyEntry("身份证号", "an ID number"),
  "privacy.phone": privacyEntry("电话号码", "a phone number"),
  "privacy.bank-card": privacyEntry("银行卡号", "a bank card number"),
  "privacy.birth-date": privacyEntry("出生日期", "a birth date"),
  "privacy.address": privacyEntry("家庭住址", "a home address"),
};
