/**
 * SAX parsing of the package's XML parts with saxes (the parser ExcelJS itself uses), reduced to
 * what the readers need: open / text / close with namespace prefixes dropped. Writers differ in
 * prefixes (`<x:worksheet xmlns:x=…>` from the .NET Open XML SDK, `r:id` vs `rel:id`) and in
 * namespaces (Transitional vs Strict OOXML), never in local names, so local names are what we
 * match. Browser-safe: strings in, events out.
 */
import { SaxesParser } from "saxes";

export interface XmlHandler {
  /**
   * An element opens: its local name and its attributes as written. SpreadsheetML attributes are
   * unqualified (r, t, s, ref…); only a few are prefixed (r:id, xml:space), and those by any
   * prefix a writer chose: look them up with prefixedAttribute().
   */
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  /** Character data (text or CDATA) inside the current element. */
  text(value: string): void;
  close(name: string): void;
}

/** The XML part is not well-formed: a damaged (or truncated) part, never a bug of ours. */
export class XmlError extends Error {
  override name = "XmlError";
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** The value of a prefixed attribute by its local name, whatever the prefix (r:id, rel:id…). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
  const suffix = `:${local}`;
  for (const key in attributes) if (key.endsWith(suffix) && !key.startsWith("xmlns")) return attributes[key];
  return undefined;
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Decodes the escapes of SpreadsheetML text (ECMA-376 Part 1, §22.9.2.19 ST_Xstring): `_xHHHH_` is
 * the UTF-16 code unit HHHH, so Excel writes a carriage return in a cell as `_x000D_` and a literal
 * `_x0041_` as `_x005F_x0041_` (`_x005F_` is "_"). One pass left to right, as ExcelJS decodes them:
 * the text after a decoded `_x005F_` is not decoded again.
 */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface XmlSink {
  write(chunk: string): void;
  close(): void;
}

/** A push parser: write the part's text in chunks of any size, then close. Throws XmlError. */
export function xmlSink(handler: XmlHandler): XmlSink {
  // position: false — saxes then skips line/column bookkeeping (messages name no position).
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on("opentag", (tag) => handler.open(localName(tag.name), tag.attributes));
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  parser.on("closetag", (tag) => handler.close(localName(tag.name)));
  let failure: Error | null = null;
  parser.on("error", (error) => {
    failure ??= error;
  });
  const check = (): void => {
    if (failure) throw new XmlError(failure.message);
  };
  return {
    write(chunk: string) {
      if (failure) return;
      parser.write(chunk);
      check();
    },
    close() {
      if (!failure) parser.close();
      check();
    },
  };
}

/**
 * Decodes a part's bytes in chunks (UTF-8, or UTF-16 with a byte-order mark, as a few writers
 * emit) so that no string the size of the whole part is ever built: a 300 MB sheet would
 * otherwise need one 300-million-character string (V8 stops at 2^29 − 24). Chunks may be cut
 * anywhere (an inflater's output is), even inside the byte-order mark.
 */
export class PartDecoder {
  private decoder: TextDecoder | null = null;
  /** The part's first byte while only one has come: the byte-order mark needs two. */
  private head: Uint8Array | null = null;

  decode(bytes: Uint8Array): string {
    if (!this.decoder) {
      if (this.head) {
        const joined = new Uint8Array(this.head.length + bytes.length);
        joined.set(this.head);
        joined.set(bytes, this.head.length);
        bytes = joined;
        this.head = null;
      }
      if (bytes.length < 2) {
        if (bytes.length === 1) this.head = bytes.slice();
        return "";
      }
      this.decoder = PartDecoder.for(bytes);
    }
    return this.decoder.decode(bytes, { stream: true });
  }

  end(): string {
    // A part of one byte has no byte-order mark: UTF-8.
    if (!this.decoder) return this.head ? new TextDecoder().decode(this.head) : "";
    return this.decoder.decode();
  }

  private static for(bytes: Uint8Array): TextDecoder {
    const utf16le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const utf16be = bytes[0] === 0xfe && bytes[1] === 0xff;
    // TextDecoder drops a UTF-8 or UTF-16 byte-order mark itself (ignoreBOM: false).
    return new TextDecoder(utf16le ? "utf-16le" : utf16be ? "utf-16be" : "utf-8");
  }
}
