import { useRef } from "react";
import { Button, type ButtonProps } from "@fluentui/react-components";

/** A button that opens a hidden file input; the picked file goes to `onFile` (the same file can be picked again). */
export function FileButton(props: ButtonProps & { accept: string; inputTestId: string; onFile: (file: File) => void }) {
  const { accept, inputTestId, onFile, ...button } = props;
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button {...button} onClick={() => input.current?.click()} />
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        data-testid={inputTestId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </>
  );
}
