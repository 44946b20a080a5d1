/**
 * Node-only: what is wrong with an .xlsx file on disk, if anything, from its head and tail only
 * (a zip's entry names and its end record sit in the central directory at the end).
 */
import { open, stat } from "node:fs/promises";
import {
  ZIP_TAIL_BYTES,
  type ReadProblem,
  hasZipDirectory,
  indexOfBytes,
  sniffXlsx,
  truncatedProblem,
} from "./problems";

const WHOLE_BELOW = 2 * 1024 * 1024;
const TAIL_BYTES = 1024 * 1024;

export async function sniffFile(path: string, fileName: string): Promise<ReadProblem | null> {
  const { size } = await stat(path);
  if (size === 0) return sniffXlsx(new Uint8Array(0), fileName);
  const handle = await open(path, "r");
  try {
    const head = new Uint8Array(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    if (!isZip || size <= WHOLE_BELOW) {
      // Not a zip (CFB, HTML, text…) or small enough: let the in-memory sniffer look at all of it.
      const all = new Uint8Array(size);
      await handle.read(all, 0, size, 0);
      return sniffXlsx(all, fileName);
    }
    const tailLength = Math.min(size, Math.max(TAIL_BYTES, ZIP_TAIL_BYTES));
    const tail = new Uint8Array(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    if (!hasZipDirectory(tail)) return truncatedProblem(fileName);
    const name = Uint8Array.from("xl/workbook.xml", (ch) => ch.charCodeAt(0));
    if (indexOfBytes(tail, name) !== -1) return null;
    // Not an xlsx: the head (the zip signature) and the tail (the entry names) say what it is.
    const both = new Uint8Array(head.length + tail.length);
    both.set(head);
    both.set(tail, head.length);
    return sniffXlsx(both, fileName);
  } finally {
    await handle.close();
  }
}
