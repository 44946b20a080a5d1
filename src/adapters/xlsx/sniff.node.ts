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

/** Files up to this size are sniffed whole; larger ones by their head and their tail only. */
const WHOLE_BELOW = 2 * 1024 * 1024;
/**
 * The head of a larger file: the signatures, the first text of an HTML export, and in a CFB file
 * (.xls, encrypted .xlsx) the first directory sectors, where the stream names
 * "EncryptedPackage"/"EncryptionInfo" are found.
 */
const HEAD_BYTES = 1024 * 1024;
const TAIL_BYTES = 1024 * 1024;

/**
 * What is wrong with the file, reading at most its first and last megabyte: a multi-gigabyte
 * file (a disk image renamed .xlsx, a sparse file) is never read into memory.
 */
export async function sniffFile(path: string, fileName: string): Promise<ReadProblem | null> {
  const { size } = await stat(path);
  if (size === 0) return sniffXlsx(new Uint8Array(0), fileName);
  const handle = await open(path, "r");
  try {
    const read = async (length: number, position: number): Promise<Uint8Array> => {
      const bytes = new Uint8Array(length);
      let at = 0;
      while (at < length) {
        const { bytesRead } = await handle.read(bytes, at, length - at, position + at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      return bytes.subarray(0, at);
    };
    // Small enough: let the in-memory sniffer look at all of it.
    if (size <= WHOLE_BELOW) return sniffXlsx(await read(size, 0), fileName);
    const head = await read(HEAD_BYTES, 0);
    const tailLength = Math.max(TAIL_BYTES, ZIP_TAIL_BYTES);
    const tail = await read(tailLength, size - tailLength);
    const isZip = head[0] === 0x50 && head[1] === 0x4b;
    if (isZip) {
      if (!hasZipDirectory(tail)) return truncatedProblem(fileName);
      const name = Uint8Array.from("xl/workbook.xml", (ch) => ch.charCodeAt(0));
      if (indexOfBytes(tail, name) !== -1) return null;
    }
    // The head (the signature, a CFB directory, the first text) and the tail (a zip's entry names)
    // say what it is; the in-memory sniffer is given those bytes only.
    const both = new Uint8Array(head.length + tail.length);
    both.set(head);
    both.set(tail, head.length);
    return sniffXlsx(both, fileName);
  } finally {
    await handle.close();
  }
}
