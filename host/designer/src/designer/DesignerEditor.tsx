import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useReactFlow, type Connection } from "@xyflow/react";
import type { ActivityDescriptor, DefinitionDocument, DraftResponse, NodeSpec, ValidationError, ValidationResult, VersionResponse, VersionSummary } from "../api/types";
import { ApiError } from "../api/ApiError";
import { Link } from "../router/router";
import { useSession } from "../session/session";
import { ErrorBanner } from "../ui/ErrorBanner";
import { Canvas, type NodeDrag } from "./canvas/Canvas";
import { toElements, type DesignEdge } from "./canvas/elements";
import { useFitGraph } from "./canvas/useFitGraph";
import { Inspector } from "./inspector/Inspector";
import { JsonView } from "./json/JsonView";
import { copyNodes, pasteNodes, type Clipboard } from "./model/clipboard";
import type { Candidate } from "./model/candidates";
import { activityNode, addNode, connect, disconnect, loopNode, removeNodes, renameNode, uniqueId, updateDocument, updateNode } from "./model/edit";
import { errorsByNode } from "./model/errorsByNode";
import { toFlow } from "./model/flow";
import { loopPadding, type Position } from "./model/geometry";
import { layout } from "./model/layout";
import { moveNodes } from "./model/move";
import { join, scopeOf } from "./model/paths";
import { RunDialog } from "./RunDialog";
import { useLayoutSaving, type LayoutResponse } from "./sharedLayout";
import { Toolbox } from "./Toolbox";
import { useHistory } from "./useHistory";

interface EditorState {
  doc: DefinitionDocument;
  positions: Record<string, Position>;
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** A position kept clear of a loop's header and left border (a loop grows to the right and down, not up or left). */
const insideLoop = (scope: string, at: Position): Position => (scope ? { x: Math.max(at.x, 10), y: Math.max(at.y, loopPadding.top - 20) } : at);

/** A stored position's path after a move: the moved nodes and their bodies under their new paths. */
function relocatedPath(path: string, moved: Map<string, string>): string {
  for (const [from, to] of moved) if (path === from || path.startsWith(from + "/")) return to + path.slice(from.length);
  return path;
}

/** The designer: toolbox, canvas, inspector and JSON view over one definition document, with undo, save and publish. */
export function DesignerEditor({ draft, layout: storedLayout, activities }: { draft: DraftResponse; layout: LayoutResponse; activities: ActivityDescriptor[] }) {
  const { client, me } = useSession();
  const readOnly = !me.may.editDefinitions;
  const flow = useReactFlow();
  const activityMap = useMemo(() => new Map(activities.map((a) => [a.name, a])), [activities]);
  const history = useHistory<EditorState>({ doc: draft.definition, positions: storedLayout.positions });
  const { doc, positions } = history.present;
  const [savedText, setSavedText] = useState(JSON.stringify(draft.definition));
  const [selection, setSelection] = useState<{ nodes: string[]; edges: string[] }>({ nodes: [], edges: [] });
  const [errors, setErrors] = useState<ValidationError[]>([]);
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<unknown>();
  const [showJson, setShowJson] = useState(false);
  const [runVersion, setRunVersion] = useState<VersionResponse>();
  const [busy, setBusy] = useState(false);
  const clipboard = useRef<Clipboard>(undefined);
  const dirty = JSON.stringify(doc) !== savedText;

  const view = useMemo(() => toFlow(doc, activityMap), [doc, activityMap]);
  const errorMap = useMemo(() => errorsByNode(doc, errors), [doc, errors]);
  const selected = useMemo(() => new Set([...selection.nodes, ...selection.edges]), [selection]);
  const elements = useMemo(() => toElements(view, positions, errorMap, selected), [view, positions, errorMap, selected]);

  const commitDoc = useCallback((next: DefinitionDocument, nextPositions = positions) => history.commit({ doc: next, positions: nextPositions }), [history, positions]);
  const fitGraph = useFitGraph(elements.nodes);
  // A fit asked for together with new positions (a layout) happens once the canvas has them.
  const [fitRequested, setFitRequested] = useState(false);

  // A definition opened without a stored layout is laid out once; until then (and its fit) nodes still move.
  const [laidOut, setLaidOut] = useState(() => view.nodes.every((n) => positions[n.path]) || Object.keys(positions).length > 0);
  useEffect(() => {
    if (laidOut) return;
    void layout(view).then((laid) => {
      history.replace({ doc, positions: Object.fromEntries(laid) });
      setFitRequested(true);
    });
    // Only on open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!fitRequested) return;
    fitGraph();
    setFitRequested(false);
    setLaidOut(true);
  }, [fitRequested, fitGraph]);

  useLayoutSaving(client, draft.id, positions, storedLayout.updatedAt === null ? {} : storedLayout.positions, !readOnly, (caught) =>
    setNotice(`The layout was not saved: ${caught instanceof Error ? caught.message : String(caught)}`),
  );

  // The server's validator checks every change (debounced); its errors are drawn on the nodes they concern.
  useEffect(() => {
    const timer = setTimeout(() => {
      client.post<ValidationResult>("/api/definitions/validate", doc).then(
        (result) => setErrors(result.errors),
        (caught: unknown) => setErrors([{ pointer: caught instanceof ApiError && caught.field ? `/${caught.field.replace(/^\$\.?/, "").replace(/\./g, "/")}` : "", reason: (caught as Error).message }]),
      );
    }, 300);
    return () => clearTimeout(timer);
  }, [client, doc]);

  const connection = (c: Connection) => connect(doc, { path: c.source, handle: c.sourceHandle ?? "" }, { path: c.target, handle: c.targetHandle ?? "" }, activityMap);
  const onConnect = (c: Connection) => {
    const result = connection(c);
    if (typeof result === "string") setNotice(result);
    else commitDoc(result);
  };
  const onDelete = (nodes: string[], edges: DesignEdge[]) => {
    const gone = new Set(nodes);
    let next = edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)).reduce((d, e) => disconnect(d, e.data!.view.meaning), doc);
    next = removeNodes(next, nodes);
    const kept = Object.fromEntries(Object.entries(positions).filter(([path]) => !nodes.some((n) => path === n || path.startsWith(n + "/"))));
    commitDoc(next, kept);
  };
  const onMoved = (drag: NodeDrag): boolean => {
    // A loop dragged together with nodes of its body carries them: only the outermost dragged nodes count.
    const dragged = drag.nodes.filter((n) => !drag.nodes.some((other) => n.path.startsWith(other.path + "/")));
    const scope = scopeOf(dragged[0].path);
    if (dragged.some((n) => scopeOf(n.path) !== scope) || drag.scope === scope) {
      const next = { ...positions };
      for (const n of dragged) next[n.path] = insideLoop(scopeOf(n.path), n.position);
      commitDoc(doc, next);
      return true;
    }
    const result = moveNodes(doc, dragged.map((n) => n.path), drag.scope);
    if (typeof result === "string") {
      setNotice(`Not moved: ${result}`);
      return false;
    }
    const next = Object.fromEntries(Object.entries(positions).map(([path, at]) => [relocatedPath(path, result.moved), at]));
    for (const n of dragged) next[result.moved.get(n.path)!] = insideLoop(drag.scope, { x: n.absolute.x - drag.origin.x, y: n.absolute.y - drag.origin.y });
    commitDoc(result.doc, next);
    setSelection({ nodes: [...result.moved.values()], edges: [] });
    return true;
  };
  const add = (item: string, scope: string, position: Position) => {
    const activity = item.startsWith("activity:") ? item.slice("activity:".length) : undefined;
    const id = uniqueId(doc, scope, activity ?? "iterations");
    const spec = activity ? activityNode(id, activity) : loopNode(id);
    const path = join(scope, id);
    commitDoc(addNode(doc, scope, spec), { ...positions, [path]: position });
    setSelection({ nodes: [path], edges: [] });
  };
  const addAtCentre = (item: string) => {
    const box = document.querySelector("[data-testid=canvas]")?.getBoundingClientRect();
    const point = box ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
    add(item, "", point);
  };
  const onSelection = useCallback((nodes: string[], edges: string[]) => setSelection((s) => (sameIds(s.nodes, nodes) && sameIds(s.edges, edges) ? s : { nodes, edges })), []);

  const copy = () => {
    clipboard.current = copyNodes(doc, selection.nodes);
    if (clipboard.current) setNotice(`${clipboard.current.nodes.length} node(s) copied`);
  };
  const paste = () => {
    if (!clipboard.current || readOnly) return;
    const scope = selection.nodes.length === 1 && doc && view.nodes.find((n) => n.path === selection.nodes[0])?.spec.loop ? selection.nodes[0] : selection.nodes.length ? scopeOf(selection.nodes[0]) : "";
    const { doc: next, paths } = pasteNodes(doc, scope, clipboard.current);
    const nextPositions = { ...positions };
    paths.forEach((p, i) => (nextPositions[p] = { x: 60 + i * 30, y: 60 + i * 30 }));
    commitDoc(next, nextPositions);
    setSelection({ nodes: paths, edges: [] });
  };
  const autoLayout = async () => {
    const laid = await layout(view);
    commitDoc(doc, Object.fromEntries(laid));
    setFitRequested(true);
  };

  const save = async (): Promise<boolean> => {
    setBusy(true);
    try {
      const saved = await client.put<DraftResponse>(`/api/definitions/${encodeURIComponent(draft.id)}/draft`, doc);
      setSavedText(JSON.stringify(saved.definition));
      setFailure(undefined);
      setNotice("Draft saved");
      return true;
    } catch (caught) {
      setFailure(caught);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    if (errors.length) {
      setNotice(`Fix the ${errors.length} problem(s) first: they are listed in the inspector when nothing is selected`);
      return;
    }
    if (!(await save())) return;
    setBusy(true);
    try {
      const published = await client.post<VersionSummary>(`/api/definitions/${encodeURIComponent(draft.id)}/publish`);
      setNotice(`Published version ${published.version}`);
      const latest = await client.get<DraftResponse>(`/api/definitions/${encodeURIComponent(draft.id)}/draft`);
      history.replace({ doc: latest.definition, positions });
      setSavedText(JSON.stringify(latest.definition));
    } catch (caught) {
      setFailure(caught);
    } finally {
      setBusy(false);
    }
  };
  const openRun = async () => {
    try {
      const versions = await client.get<VersionSummary[]>(`/api/definitions/${encodeURIComponent(draft.id)}/versions`);
      const latest = versions.reduce<VersionSummary | undefined>((best, v) => (!best || v.version > best.version ? v : best), undefined);
      if (!latest) {
        setNotice("Publish the definition before running it");
        return;
      }
      if (dirty) setNotice(`The run uses published version ${latest.version}, not your unsaved changes`);
      setRunVersion(await client.get<VersionResponse>(`/api/definitions/${encodeURIComponent(draft.id)}/versions/${latest.version}`));
    } catch (caught) {
      setFailure(caught);
    }
  };
  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${doc.id}.draft.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // Keyboard shortcuts, except while typing in a field or the JSON editor.
  const keys = useRef({ undo: history.undo, redo: history.redo, copy, paste, save });
  keys.current = { undo: history.undo, redo: history.redo, copy, paste, save };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      if (target.closest("input, textarea, select, .monaco-editor")) return;
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      const action = key === "z" && !event.shiftKey ? "undo" : (key === "z" && event.shiftKey) || key === "y" ? "redo" : key === "c" ? "copy" : key === "v" ? "paste" : key === "s" ? "save" : undefined;
      if (!action || (readOnly && action !== "copy")) return;
      event.preventDefault();
      void keys.current[action]();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [readOnly]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  return (
    <div className="designer">
      <div className="designer-toolbar toolbar">
        <strong>{doc.name}</strong>
        <span className="hint">{draft.id}</span>
        {dirty ? <span className="badge status-running">unsaved</span> : <span className="badge">saved</span>}
        <span className={`badge ${errors.length ? "status-failed" : "status-succeeded"}`} data-testid="problem-count">
          {errors.length ? `${errors.length} problem(s)` : "valid"}
        </span>
        <span className="spacer" />
        {!readOnly && (
          <>
            <button onClick={history.undo} disabled={!history.canUndo} title="Undo (Ctrl+Z)">Undo</button>
            <button onClick={history.redo} disabled={!history.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
            <button onClick={copy} disabled={!selection.nodes.length} title="Copy (Ctrl+C)">Copy</button>
            <button onClick={paste} title="Paste (Ctrl+V)">Paste</button>
          </>
        )}
        <button onClick={autoLayout} title="Arrange the nodes left to right">Auto-layout</button>
        <button onClick={() => fitGraph()}>Zoom to fit</button>
        <button onClick={() => setShowJson(!showJson)} className={showJson ? "active" : ""} data-testid="toggle-json">JSON</button>
        <button onClick={exportJson}>Export</button>
        <Link to={`/definitions/${encodeURIComponent(draft.id)}/diff`} className="button">Versions</Link>
        {!readOnly && (
          <>
            <button onClick={save} disabled={busy || !dirty} data-testid="save-draft">Save draft</button>
            <button className="primary" onClick={publish} disabled={busy} data-testid="publish">Publish</button>
          </>
        )}
        {me.may.operateRuns && <button onClick={openRun} data-testid="run">Run…</button>}
      </div>
      {readOnly && <div className="read-only-note">Your key's role ({me.role}) may not edit definitions: this is a read-only view.</div>}
      <ErrorBanner error={failure} onDismiss={() => setFailure(undefined)} />
      {notice && <div className="notice" role="status">{notice}</div>}
      <div className="designer-body">
        <Toolbox activities={activities} readOnly={readOnly} onAdd={addAtCentre} />
        <Canvas
          laidOut={laidOut}
          nodes={elements.nodes}
          edges={elements.edges}
          readOnly={readOnly}
          onConnect={onConnect}
          canConnect={(c) => typeof connection(c) !== "string"}
          onDelete={onDelete}
          onMoved={onMoved}
          onDropItem={add}
          onSelection={onSelection}
        />
        {showJson && <JsonView value={doc} readOnly={readOnly} onChange={(value) => commitDoc(value as DefinitionDocument)} />}
        <Inspector
          doc={doc}
          selection={selection.nodes}
          activities={activityMap}
          errors={errorMap}
          readOnly={readOnly}
          onDocChange={(change) => commitDoc(updateDocument(doc, change))}
          onNodeChange={(path, change: (node: NodeSpec) => void) => commitDoc(updateNode(doc, path, change))}
          onRename={(path, id) => {
            const result = renameNode(doc, path, id);
            if (typeof result === "string") {
              setNotice(`Not renamed: ${result}`);
              return;
            }
            const renamed = join(scopeOf(path), id);
            const moved = Object.fromEntries(Object.entries(positions).map(([p, at]) => [p === path ? renamed : p.startsWith(path + "/") ? renamed + p.slice(path.length) : p, at]));
            commitDoc(result, moved);
            setSelection({ nodes: [renamed], edges: [] });
          }}
          onBind={(path, input, candidate: Candidate) => {
            if (candidate.source) onConnect({ source: candidate.source.path, sourceHandle: candidate.source.handle, target: path, targetHandle: `in:${input}` });
            else commitDoc(updateNode(doc, path, (n) => (n.inputs = { ...n.inputs, [input]: candidate.binding })));
          }}
          onSelect={(path) => setSelection({ nodes: [path], edges: [] })}
        />
      </div>
      {runVersion && <RunDialog version={runVersion} onClose={() => setRunVersion(undefined)} />}
    </div>
  );
}
