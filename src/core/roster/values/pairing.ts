/** 一对一帮扶 ledgers: 结对方式, the 类型 of a record, and 是否建档立卡. */
import synonyms from "./synonyms.json";
import { labelReader, lookup, yesNoTable } from "./lookup";
import { normalizeYesNo } from "./yes-no";

export type PairMode = "一帮一" | "一帮多";
export type RecordType = "走访" | "家访" | "辅导" | "谈心" | "资助" | "其他";

/** 结对方式: 一帮一 (一对一, 1对1); 一帮多 (一对多, 一帮二 …). */
export const normalizePairMode = labelReader<PairMode>(synonyms.pairMode);

/** A record's 类型: 走访 (入户走访, 慰问), 家访, 辅导 (补课, 面批), 谈心 (谈话, 心理疏导), 资助 (捐助, 物资), 其他. */
export const normalizeRecordType = labelReader<RecordType>(synonyms.recordType);

const REGISTERED = yesNoTable(synonyms.registered);

/** 是否建档立卡: yes/no, or the status written out (建档户, 脱贫户 / 非建档立卡). */
export function normalizeRegistered(v: unknown): boolean | null {
  return lookup(REGISTERED, v) ?? normalizeYesNo(v);
}
