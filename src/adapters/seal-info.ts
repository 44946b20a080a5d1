/** What a seal records about its making (the tool's version, the time) and its Chinese summary: every host's. */
import { localIsoTimestamp, type Seal } from "../core";

/** The zizhu version (set by the build), for the seal. */
declare const ZIZHU_VERSION: string;
export function toolVersion(): string {
  return typeof ZIZHU_VERSION === "string" ? ZIZHU_VERSION : "dev";
}

/** Now as ISO 8601 with the machine's offset: 2026-11-28T10:30:00+08:00. */
export function isoNow(date = new Date()): string {
  return localIsoTimestamp(date);
}

/** The seal as a Chinese summary: pack, time, rows, total and the digest's first 12 hex digits. */
export function sealSummary(seal: Seal): string {
  return (
    `已写入校验凭证：工作表“${seal.sheet}”，${seal.rows} 行，金额合计 ${seal.total.toFixed(2)} 元；` +
    `政策包 ${seal.pack.id} ${seal.pack.version}；校验时间 ${seal.sealedAt}；内容摘要 ${seal.digest.slice(0, 12)}…`
  );
}
