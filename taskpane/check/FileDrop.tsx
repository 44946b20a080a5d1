import { useState } from "react";
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Strings } from "../strings";
import { FileButton } from "../components/FileButton";
import { useLayoutStyles } from "../components/layout";
import type { Loaded } from "./useColumnMapping";

const useStyles = makeStyles({
  drop: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
    padding: tokens.spacingHorizontalM,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

/** Standalone: the roster file, picked, dropped here, or the bundled sample; and what was read. */
export function FileDrop(props: {
  strings: Strings;
  busy: boolean;
  loaded: Loaded | null;
  onFile: (file: File) => void;
  onSample: () => void;
}) {
  const { strings: s, busy, loaded } = props;
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [dragging, setDragging] = useState(false);
  return (
    <div
      className={mergeClasses(styles.drop, dragging && styles.dropActive)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer.files[0];
        if (file) props.onFile(file);
      }}
    >
      <div className={layout.row}>
        <FileButton
          disabled={busy}
          data-testid="pick-file"
          accept=".xlsx,.xlsm,.csv,.txt"
          inputTestId="file-input"
          onFile={props.onFile}
        >
          {s.pickFile}
        </FileButton>
        <Button disabled={busy} onClick={props.onSample} data-testid="load-sample">
          {s.loadSample}
        </Button>
      </div>
      <Text size={200}>{s.dropHere}</Text>
      {loaded && (
        <Text size={200} data-testid="loaded">
          {s.fileLoaded(loaded.source, loaded.workbook.sheets.length)}
        </Text>
      )}
    </div>
  );
}
