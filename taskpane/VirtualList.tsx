import { useState, type ReactNode, type UIEvent } from "react";

/**
 * A fixed-row-height windowed list: only the rows in view (plus a few either side) are in the
 * DOM, so 50,000 issues scroll as smoothly as 50. The viewport height is given, not measured, so
 * it behaves the same in jsdom, in Excel's webview and in a browser.
 */
export function VirtualList<T>(props: {
  items: readonly T[];
  rowHeight: number;
  height: number;
  renderRow: (item: T, index: number) => ReactNode;
  overscan?: number;
  label?: string;
  testId?: string;
}) {
  const { items, rowHeight, height } = props;
  const overscan = props.overscan ?? 4;
  const [scrollTop, setScrollTop] = useState(0);
  // A shorter list (a filter) may leave scrollTop past its end until the browser clamps it.
  const top = Math.min(scrollTop, Math.max(0, items.length * rowHeight - height));
  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div
        key={i}
        role="listitem"
        style={{ position: "absolute", top: i * rowHeight, left: 0, right: 0, height: rowHeight }}
      >
        {props.renderRow(items[i] as T, i)}
      </div>,
    );
  }
  return (
    <div
      role="list"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ height, overflowY: "auto", position: "relative" }}
      onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <div style={{ height: items.length * rowHeight, position: "relative" }}>{rows}</div>
    </div>
  );
}
