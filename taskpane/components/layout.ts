import { makeStyles, tokens } from "@fluentui/react-components";

/** The tabs' shared layout: a column of sections, a wrapping row of controls, a grid of option fields. */
export const useLayoutStyles = makeStyles({
  box: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  options: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(14em, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  // Fluent's Combobox, Select and Input have a minimum width; in a narrow pane they must shrink.
  fill: { minWidth: 0, width: "100%", boxSizing: "border-box" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});
