import { readFileSync } from "node:fs";
import { loadPack, packProblemText, seedPack, type Pack, type PackProblem } from "../core/policy";
import { UsageError } from "./commands/fn";

/** Reads and validates a user pack file (it may extend the seed pack). */
export function readPackFile(file: string): { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      code === "ENOENT" ? `找不到政策包文件：${file}` : `无法读取政策包文件 ${file}（${code ?? "未知原因"}）`,
    );
  }
  const loaded = loadPack(text, [seedPack()]);
  return loaded.ok ? { ok: true, pack: loaded.value } : { ok: false, problems: loaded.problem };
}

/** The pack for a command: the file's, or the seed pack. A broken file stops the command. */
export function packFor(file: string | undefined): Pack {
  if (file === undefined || file === seedPack().id) return seedPack();
  const r = readPackFile(file);
  if (!r.ok) throw new UsageError(`政策包 ${file} 有误，未加载：\n${packProblemText(r.problems)}`);
  return r.pack;
}
