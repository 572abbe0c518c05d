// A node's runtime path names the iteration of every loop around it ("iterations/2/train"); its definition path
// does not ("iterations/train"). Iteration segments are the numbers that follow a loop's id.

/** The definition path of a runtime path: "iterations/2/train" → "iterations/train". */
export function definitionPathOf(runtimePath: string): string {
  return runtimePath
    .split("/")
    .filter((_, i) => i % 2 === 0)
    .join("/");
}

/** The iteration indices of a runtime path by loop definition path: "a/1/b/0/x" → {a: 1, "a/b": 0}. */
export function iterationsOf(runtimePath: string): Map<string, number> {
  const segments = runtimePath.split("/");
  const result = new Map<string, number>();
  const loop: string[] = [];
  for (let i = 0; i + 1 < segments.length; i += 2) {
    loop.push(segments[i]);
    result.set(loop.join("/"), Number(segments[i + 1]));
  }
  return result;
}

/** The runtime path of the scope a definition scope names around a runtime path: ("a/1/b/0/x", "a") → "a/1". */
export function runtimeScope(runtimePath: string, definitionScope: string): string {
  if (!definitionScope) return "";
  return runtimePath
    .split("/")
    .slice(0, definitionScope.split("/").length * 2)
    .join("/");
}
