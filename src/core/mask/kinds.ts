import { compact } from "../text/normalize";
import type { MaskKind } from "./problems";

/** Kind names as users type them in a formula or a setting, English or Chinese. */
const KIND_NAMES: Readonly<Record<string, MaskKind>> = {
  id: "id",
  身份证: "id",
  身份证号: "id",
  身份证号码: "id",
  证件号: "id",
  证件号码: "id",
  证件: "id",
  card: "card",
  银行卡: "card",
  卡号: "card",
  银行卡号: "card",
  账号: "card",
  银行账号: "card",
  phone: "phone",
  电话: "phone",
  手机: "phone",
  手机号: "phone",
  手机号码: "phone",
  电话号码: "phone",
  联系电话: "phone",
  name: "name",
  姓名: "name",
  名字: "name",
};

export type KindChoice = { kind: "detect" } | { kind: "known"; value: MaskKind } | { kind: "unknown"; text: string };

/** Case, space and full-width insensitive; an empty kind means "detect it from the value". */
export function resolveKind(kind: unknown): KindChoice {
  if (kind === null || kind === undefined) return { kind: "detect" };
  if (typeof kind !== "string")
    return { kind: "unknown", text: typeof kind === "number" ? String(kind) : `[${typeof kind}]` };
  const key = compact(kind).toLowerCase();
  if (key === "") return { kind: "detect" };
  // hasOwn: "constructor" or "__proto__" typed as a kind must not find Object.prototype members.
  const value = Object.hasOwn(KIND_NAMES, key) ? KIND_NAMES[key] : undefined;
  return value ? { kind: "known", value } : { kind: "unknown", text: kind.trim() };
}
