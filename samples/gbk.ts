/**
 * Encoding text as GBK (GB18030's two-byte part) without an encoding library: the platform's
 * TextDecoder("gb18030") decodes every two-byte sequence once, and the inverse table encodes.
 * Only for writing the GBK sample CSV; characters outside GBK are an error.
 */
let table: Map<string, number[]> | undefined;

function gbkTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder("gb18030");
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const out: number[] = [];
  const t = gbkTable();
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = t.get(ch);
    if (!bytes) throw new Error(`not in GBK: ${ch}`);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
