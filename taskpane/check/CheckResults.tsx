import type { ReactNode } from "react";
import { Text } from "@fluentui/react-components";
import type { PaneHost } from "../../src/adapters/pane-host";
import type { Strings, UiLocale } from "../strings";
import { Fixes } from "./Fixes";
import { Results } from "./Results";
import type { Phase } from "./useCheckRun";

/**
 * A finished check: its issues, the safe fixes on the sheet it checked, then the header mapping
 * (below them: the issues are what the user came for), marked when edited since the check.
 */
export function CheckResults(props: {
  phase: Extract<Phase, { kind: "results" }>;
  host: PaneHost;
  strings: Strings;
  locale: UiLocale;
  listHeight?: number;
  onRecheck: () => void;
  mappingEdited: boolean;
  mapping: ReactNode;
}) {
  const { phase, host, strings: s } = props;
  const { result, workbook, plan } = phase;
  return (
    <>
      <Results
        report={result.report}
        host={host}
        strings={s}
        locale={props.locale}
        listHeight={props.listHeight}
        titles={phase.titles}
      />
      {plan && (
        <Fixes
          // A new check is a new plan: selections and status start afresh.
          key={phase.run}
          plan={plan}
          workbook={workbook}
          host={host}
          strings={s}
          onRecheck={props.onRecheck}
        />
      )}
      {props.mappingEdited && (
        <Text size={200} data-testid="mapping-edited">
          {s.mappingEdited}
        </Text>
      )}
      {props.mapping}
    </>
  );
}
