import { formatBytes, formatNumber } from "../ui/format";
import { ArtifactDownload, isArtifact } from "./ArtifactDownload";

/** A node's output or input value: a number formatted, an artifact with its size, type and a download. */
export function OutputValue({ runId, fileName, value }: { runId: string; fileName: string; value: unknown }) {
  if (isArtifact(value)) {
    return (
      <span className="artifact-value">
        <span title={value.sha256}>
          {formatBytes(value.length)} · {value.mediaType}
        </span>{" "}
        <ArtifactDownload runId={runId} sha256={value.sha256} fileName={fileName} />
      </span>
    );
  }
  if (typeof value === "number") return <span className="mono">{formatNumber(value)}</span>;
  if (typeof value === "string") return <span className="mono">{value}</span>;
  return <span className="mono">{JSON.stringify(value)}</span>;
}
