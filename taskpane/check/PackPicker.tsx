import { useState } from "react";
import { Button, Text } from "@fluentui/react-components";
import { loadPack, packProblemText, seedPack, type Pack } from "../../src/core";
import type { Strings } from "../strings";
import { FileButton } from "../components/FileButton";
import { Message, type Status } from "../components/Message";
import { useLayoutStyles } from "../components/layout";

/** The policy pack in use: the seed pack unless the user loads their own (validated whole; a broken pack is not used). */
export function PackPicker(props: { strings: Strings; pack: Pack; onChange: (pack: Pack) => void }) {
  const { strings: s, pack } = props;
  const layout = useLayoutStyles();
  const [message, setMessage] = useState<Status | null>(null);

  async function loadPackFile(file: File): Promise<void> {
    const loaded = loadPack(new TextDecoder().decode(await file.arrayBuffer()), [seedPack()]);
    if (loaded.ok) {
      props.onChange(loaded.value);
      setMessage({ intent: "success", text: s.packLoaded(loaded.value.name, loaded.value.version) });
    } else {
      setMessage({ intent: "error", text: `${s.packBroken(file.name)}\n${packProblemText(loaded.problem)}` });
    }
  }

  return (
    <>
      <div className={layout.row}>
        <Text size={200} data-testid="pack-name">
          {s.packLabel(pack.name, pack.version)}
        </Text>
        <FileButton
          size="small"
          data-testid="load-pack"
          accept=".json,application/json"
          inputTestId="pack-input"
          onFile={(file) => void loadPackFile(file)}
        >
          {s.packLoad}
        </FileButton>
        {pack !== seedPack() && (
          <Button
            size="small"
            appearance="subtle"
            onClick={() => {
              props.onChange(seedPack());
              setMessage(null);
            }}
          >
            {s.packReset}
          </Button>
        )}
      </div>
      {message && (
        <Message intent={message.intent} bodyTestId="pack-message" wrap>
          {message.text}
        </Message>
      )}
    </>
  );
}
