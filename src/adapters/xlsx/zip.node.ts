/**
 * Node-only random access to a zip file with yauzl: the central directory is read from the end of
 * the file (nothing else), and each entry is then inflated on demand as a stream (node:zlib), in
 * whatever order the reader needs the parts. yauzl also checks that an entry never inflates to
 * more than its declared size, which bounds a lying zip bomb.
 */
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import type { PackageEntry } from "./package";

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
export async function openZip(path: string, maxEntries = Infinity): Promise<OpenZip> {
  const zipfile = await yauzl.openPromise(path, {
    lazyEntries: true,
    // Streams are opened after the listing: the file must stay open until close().
    autoClose: false,
    validateEntrySizes: true,
    // Backslash-separated names (some Windows tools) are read as paths, not refused.
    strictFileNames: false,
  });
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
