/**
 * Saves bytes as a file through an <a download> link on a blob: URL: the browser writes it to the
 * user's downloads; nothing is sent anywhere (the standalone page's CSP allows its own origin only).
 */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function downloadBytes(bytes: Uint8Array, fileName: string, mime = XLSX_MIME): void {
  // Copy into a plain ArrayBuffer: Blob wants ArrayBuffer-backed views, not SharedArrayBuffer ones.
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const url = URL.createObjectURL(new Blob([copy.buffer], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute later is safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** "花名册.xlsx" → "花名册-校验结果.xlsx". */
export function derivedName(source: string, suffix: string): string {
  const base = source.replace(/\.(xlsx|xlsm|csv|txt)$/i, "") || "花名册";
  return `${base}-${suffix}.xlsx`;
}
