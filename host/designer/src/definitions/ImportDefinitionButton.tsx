import { useRef, type ChangeEvent } from "react";

/** A button that picks a .json file and hands over its text. */
export function ImportDefinitionButton({ disabled, title, onFile }: { disabled: boolean; title?: string; onFile: (text: string) => void }) {
  const input = useRef<HTMLInputElement>(null);

  const picked = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ""; // picking the same file again should import it again
    if (file) onFile(await file.text());
  };

  return (
    <>
      <button onClick={() => input.current?.click()} disabled={disabled} title={title}>
        Import…
      </button>
      <input ref={input} type="file" accept=".json,application/json" hidden onChange={picked} />
    </>
  );
}
