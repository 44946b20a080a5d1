/** Office reports its theme as colours; a body background darker than mid-grey means a dark theme. */
export function isDarkBackground(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? "");
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? "ff", 16));
  // ITU-R BT.601 luma
  return 0.299 * (r ?? 255) + 0.587 * (g ?? 255) + 0.114 * (b ?? 255) < 128;
}
