import { useEffect, useRef, useState } from "react";
import type * as Monaco from "monaco-editor/editor/editor.api";

type MonacoApi = typeof Monaco;

/** Loads Monaco (a large chunk of its own) with only the JSON language and its worker. */
async function loadMonaco(): Promise<MonacoApi> {
  const [monaco, { default: EditorWorker }, { default: JsonWorker }] = await Promise.all([
    import("monaco-editor/editor/editor.api"),
    import("monaco-editor/editor/editor.worker?worker"),
    import("monaco-editor/language/json/json.worker?worker"),
    import("monaco-editor/language/json/monaco.contribution"),
  ]);
  self.MonacoEnvironment = { getWorker: (_: string, label: string) => (label === "json" ? new JsonWorker() : new EditorWorker()) };
  return monaco;
}

/**
 * The definition as JSON, kept in step with the canvas both ways: edits on the canvas replace the text (unless it is
 * the text being typed), and text that parses to an object replaces the definition; text that does not parse is
 * kept in the editor with the reason, and the canvas keeps the last good definition.
 */
export function JsonView({ value, readOnly, onChange }: { value: unknown; readOnly: boolean; onChange: (value: unknown) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<Monaco.editor.IStandaloneCodeEditor>(undefined);
  const lastSent = useRef<string>("");
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    let disposed = false;
    loadMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const text = JSON.stringify(value, null, 2);
      lastSent.current = text;
      editor.current = monaco.editor.create(host.current, { value: text, language: "json", readOnly, automaticLayout: true, minimap: { enabled: false }, fontSize: 12, tabSize: 2, scrollBeyondLastLine: false });
      let timer: ReturnType<typeof setTimeout> | undefined;
      editor.current.onDidChangeModelContent(() => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const current = editor.current!.getValue();
          if (current === lastSent.current) return;
          try {
            const parsed: unknown = JSON.parse(current);
            if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("a definition is a JSON object");
            setError(undefined);
            lastSent.current = JSON.stringify(parsed, null, 2);
            onChangeRef.current(parsed);
          } catch (caught) {
            setError((caught as Error).message);
          }
        }, 400);
      });
      setLoading(false);
    });
    return () => {
      disposed = true;
      editor.current?.dispose();
      editor.current = undefined;
    };
    // The editor is created once; value and readOnly changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const text = JSON.stringify(value, null, 2);
    if (!editor.current || text === lastSent.current) return;
    lastSent.current = text;
    // Keep the view where the user was looking.
    const position = editor.current.getPosition();
    editor.current.setValue(text);
    if (position) editor.current.setPosition(position);
    setError(undefined);
  }, [value]);

  useEffect(() => editor.current?.updateOptions({ readOnly }), [readOnly]);

  return (
    <div className="json-view" data-testid="json-view">
      {loading && <p className="hint">Loading the editor…</p>}
      {error && <div className="field-error json-error">Not applied: {error}</div>}
      <div ref={host} className="json-editor" />
    </div>
  );
}
