import { useCallback, useState } from "react";

const limit = 200;

/** A value with undo and redo: commit() records a step, replace() changes the present without one. */
export function useHistory<T>(initial: T) {
  const [state, setState] = useState({ past: [] as T[], present: initial, future: [] as T[] });

  const commit = useCallback((next: T) => {
    setState((s) => (Object.is(next, s.present) ? s : { past: [...s.past, s.present].slice(-limit), present: next, future: [] }));
  }, []);
  const replace = useCallback((next: T) => setState((s) => ({ ...s, present: next })), []);
  const reset = useCallback((next: T) => setState({ past: [], present: next, future: [] }), []);
  const undo = useCallback(
    () => setState((s) => (s.past.length ? { past: s.past.slice(0, -1), present: s.past[s.past.length - 1], future: [s.present, ...s.future] } : s)),
    [],
  );
  const redo = useCallback(() => setState((s) => (s.future.length ? { past: [...s.past, s.present], present: s.future[0], future: s.future.slice(1) } : s)), []);

  return { present: state.present, canUndo: state.past.length > 0, canRedo: state.future.length > 0, commit, replace, reset, undo, redo };
}
