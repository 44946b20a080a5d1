/**
 * The batch cache (.zizhu-cache.json in the output folder): each file's result, keyed by its path
 * and the SHA-256 of its bytes, valid for one pack version, one "today" and one enrolment table.
 * A re-run checks only the files whose content changed.
 *
 * IDs are kept there only as HMAC-SHA-256 keys (with masked IDs for display). The HMAC secret is
 * not in the output folder: it lives in the user's own folder (~/.zizhu/batch-key), so the cache
 * alone cannot be turned back into ID numbers.
 */
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { readRegularFile, writeFileAtomic } from "../files";
import type { CheckedFile, FileResult } from "./types";

export const CACHE_FILE = ".zizhu-cache.json";
// /2: results carry the file's 帮联 coverage.
const FORMAT = "zizhu-batch-cache/2";

export interface CacheEntry {
  sha256: string;
  result: CheckedFile;
}

interface CacheData {
  format: typeof FORMAT;
  /** Which secret made the ID keys (a hash of it): entries made with another secret are useless. */
  keyId: string;
  /** Pack id@version | today | enrolment table hash. */
  context: string;
  entries: Record<string, CacheEntry>;
}

export const sha256 = (bytes: Uint8Array | string): string => createHash("sha256").update(bytes).digest("hex");

export function defaultKeyFile(): string {
  return process.env["ZIZHU_BATCH_KEY"] ?? join(homedir(), ".zizhu", "batch-key");
}

/** The ID-key secret: read from keyFile, or made there; a per-run secret when it cannot be written. */
export function loadSecret(keyFile: string): { secret: Uint8Array; persistent: boolean } {
  try {
    // The tool's own file (never an input); a regular file only, never read past a small size.
    const bytes = readRegularFile(keyFile, { what: "密钥文件", maxBytes: 4096, remember: false });
    if (bytes.length >= 32) return { secret: bytes, persistent: true };
  } catch {
    // Not made yet.
  }
  const secret = new Uint8Array(randomBytes(32));
  try {
    mkdirSync(dirname(keyFile), { recursive: true });
    // Whole or not at all (a temporary file renamed into place); a FIFO or device there is replaced, never written to.
    writeFileAtomic(keyFile, secret, [], 0o600);
    chmodSync(keyFile, 0o600);
    return { secret, persistent: true };
  } catch {
    return { secret, persistent: false };
  }
}

export class BatchCache {
  private readonly old: Record<string, CacheEntry>;
  private readonly next: Record<string, CacheEntry> = {};

  constructor(
    private readonly path: string,
    private readonly keyId: string,
    private readonly context: string,
    enabled: boolean,
  ) {
    this.old = enabled ? this.load() : {};
  }

  private load(): Record<string, CacheEntry> {
    try {
      const text = new TextDecoder().decode(
        readRegularFile(this.path, { what: "缓存文件", maxBytes: 256 * 1024 * 1024, remember: false }),
      );
      const data = JSON.parse(text) as Partial<CacheData>;
      if (data.format !== FORMAT || data.keyId !== this.keyId || data.context !== this.context) return {};
      return data.entries ?? {};
    } catch {
      return {};
    }
  }

  /**
   * The earlier result of an unchanged file. Only checked files count: an unreadable file (in a
   * cache an older zizhu wrote) is read again, so that it is reported again with its reason.
   */
  get(file: string, hash: string): CheckedFile | null {
    const e = this.old[file];
    return e && e.sha256 === hash && e.result.file === file && (e.result as FileResult).kind === "checked"
      ? e.result
      : null;
  }

  set(file: string, hash: string, result: CheckedFile): void {
    this.next[file] = { sha256: hash, result };
  }

  /**
   * Only the files of this run are kept: files removed from the folder drop out. Written through a
   * temporary file renamed into place, never onto one of `inputs` (the rosters).
   */
  save(inputs: readonly string[] = []): void {
    const data: CacheData = { format: FORMAT, keyId: this.keyId, context: this.context, entries: this.next };
    try {
      writeFileAtomic(this.path, JSON.stringify(data), inputs);
    } catch {
      // Without a cache the next run checks every file again; the results are unaffected.
    }
  }
}
