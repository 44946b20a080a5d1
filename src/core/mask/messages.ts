import { field } from "../id/messages";
import { problemMessages, texts } from "../locale";
import type { MaskProblem } from "./problems";

/** A masking problem's message, zh-CN by default. */
export const maskMessage = problemMessages<MaskProblem>(
  {
    "mask.empty": () => texts("内容为空，无需脱敏", "The value is empty: nothing to mask"),
    "mask.unknown-kind": (p) =>
      texts(
        `不认识的脱敏类型：${field(p.kind)}（可用：身份证、银行卡、电话、姓名）`,
        `Unknown masking kind: ${field(p.kind)} (use id, card, phone or name)`,
      ),
    // The value itself is not repeated: it may be personal data the user wanted hidden.
    "mask.undetected": () =>
      texts(
        "无法识别内容的类型，请指定脱敏类型（身份证、银行卡、电话、姓名）",
        "Cannot tell what the value is; give the masking kind (id, card, phone or name)",
      ),
    "mask.stored-as-number": (p) =>
      texts(
        `数字已丢失精度（Excel 只保留15位有效数字，显示为 ${field(p.shown)}），请将该列设为文本后重新录入`,
        `The number has lost digits (Excel keeps 15 significant digits; shown as ${field(p.shown)}); format the column as Text and enter it again`,
      ),
  },
  texts("无法脱敏", "Cannot mask the value"),
);
