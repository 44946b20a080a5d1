/**
 * Node-only random access to a zip file with yauzl: the central directory is read from the end of
 * the file (nothing else), and each entry is then inflated on demand as a stream (node:zlib), in
 * whatever order the reader needs the parts. yauzl also checks that an entry never inflates to
 * more than its declared size, which bounds a lying zip bomb.
 */
import { closeSync, openSync, read } from "node:fs";
import { open as openFile } from "node:fs/promises";
import { Readable } from "node:stream";
import yauzl from "yauzl";
import type { PackageEntry } from "./package";
import { ZIP_TAIL_BYTES, zipEnd } from "./problems";

export interface OpenZip {
  /** Entries in central-directory order; empty when `entryCount` passes the limit given to openZip. */
  readonly entries: readonly PackageEntry[];
  /** The entry count the end-of-central-directory record declares. */
  readonly entryCount: number;
  stream(entry: PackageEntry): Promise<Readable>;
  close(): void;
}

/**
 * Opens the zip and lists its entries (up to `maxEntries`: a bomb of millions of tiny entries is
 * refused from the count alone). Rejects with yauzl's error when the zip structure is damaged.
 */
/** A read-only window on the file's first `size` bytes: yauzl sees the zip without trailing junk. */
class FileWindow extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    // Not fs.createReadStream({ fd }): destroying such a stream closes the shared descriptor,
    // and yauzl destroys every range stream it is done with.
    const fd = this.fd;
    let position = start;
    return new Readable({
      read(size) {
        const length = Math.min(Math.max(size, 64 * 1024), end - position);
        if (length <= 0) {
          this.push(null);
          return;
        }
        const buffer = Buffer.allocUnsafe(length);
        read(fd, buffer, 0, length, position, (error, bytes) => {
          if (error) this.destroy(error);
          else if (bytes === 0) this.push(null);
          else {
            position += bytes;
            this.push(buffer.subarray(0, bytes));
          }
        });
      },
    });
  }
  override close(callback: (err: Error | null) => void): void {
    closeSync(this.fd);
    callback(null);
  }
}

/** Where the zip ends (after its end record), or the file size when nothing trails it. */
async function zipSize(path: string): Promise<{ size: number; end: number }> {
  const handle = await openFile(path, "r");
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, ZIP_TAIL_BYTES);
    const tail = new Uint8Array(length);
    await handle.read(tail, 0, length, size - length);
    const end = zipEnd(tail, size - length);
    return { size, end: end === null ? size : size - length + end };
  } finally {
    await handle.close();
  }
}

export async function openZip(path: string, maxEntries = Infinity): Promise<OpenZip> {
  const options: yauzl.Options = {
    lazyEntries: true,
    // Streams are opened after the listing: the file must stay open until close().
    autoClose: false,
    validateEntrySizes: true,
    // Backslash-separated names (some Windows tools) are read as paths, not refused.
    strictFileNames: false,
  };
  const { size, end } = await zipSize(path);
  // yauzl insists that the end record is the file's last bytes; Excel ignores bytes after it.
  const zipfile =
    end < size
      ? await yauzl.fromRandomAccessReaderPromise(new FileWindow(openSync(path, "r")), end, options)
      : await yauzl.openPromise(path, options);
  const entries: PackageEntry[] = [];
  const raw = new Map<PackageEntry, yauzl.Entry>();
  try {
    if (zipfile.entryCount <= maxEntries) {
      for await (const entry of zipfile.eachEntry()) {
        const listed = { name: entry.fileName, compressed: entry.compressedSize, uncompressed: entry.uncompressedSize };
        entries.push(listed);
        raw.set(listed, entry);
      }
    }
  } catch (error) {
    zipfile.close();
    throw error;
  }
  return {
    entries,
    entryCount: zipfile.entryCount,
    stream(entry: PackageEntry) {
      const found = raw.get(entry);
      if (!found) return Promise.reject(new Error(`${entry.name} is not in this zip`));
      return zipfile.openReadStreamPromise(found);
    },
    close() {
      if (zipfile.isOpen) zipfile.close();
    },
  };
}
