import { Message } from "../components/Message";
import type { Strings } from "../strings";
import type { LiveResult } from "./useLiveCheck";

/** The live check's line: the changed rows are clean, or their first issues. */
export function LiveResultBar(props: { result: LiveResult; strings: Strings }) {
  const { result, strings: s } = props;
  const rows = s.liveRows(result.rows);
  const found = result.issues.length;
  return (
    <Message intent={found > 0 ? "warning" : "success"} testId="live-result">
      {found > 0
        ? `${s.liveFound(rows, found)}：${result.issues
            .slice(0, 3)
            .map((i) => `${i.cell || i.row} ${i.message}`)
            .join("；")}`
        : s.liveClean(rows)}
    </Message>
  );
}
