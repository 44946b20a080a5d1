import { loadPack, packProblemText, seedPack, type Pack, type PackProblem } from "../core";
import { UsageError } from "./commands/fn";
import { readTextFile } from "./files";

/** Reads and validates a user pack file (it may extend the seed pack). */
export function readPackFile(file: string): { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] } {
  const text = readTextFile(file, "政策包文件");
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
