import type { RunDetail } from "../api/types";
import { formatBytes } from "../ui/format";
import { ArtifactDownload } from "./ArtifactDownload";

/** Every artifact the run committed, with a download. */
export function ArtifactsTable({ run }: { run: RunDetail }) {
  if (!run.artifacts.length) return <p className="empty">No artifacts yet.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th>Node</th>
          <th>Output</th>
          <th className="num">Size</th>
          <th>Media type</th>
          <th>sha256</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {run.artifacts.map((a) => (
          <tr key={`${a.node}.${a.output}`}>
            <td className="mono">{a.node}</td>
            <td>{a.output}</td>
            <td className="num">{formatBytes(a.length)}</td>
            <td>{a.mediaType}</td>
            <td className="mono" title={a.sha256}>
              {a.sha256.slice(0, 12)}…
            </td>
            <td>
              <ArtifactDownload runId={run.id} sha256={a.sha256} fileName={`${a.node.replace(/\//g, "_")}.${a.output}`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
