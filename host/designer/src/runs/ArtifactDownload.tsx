import { useState } from "react";
import type { ArtifactRef } from "../api/types";
import { useSession } from "../session/session";

/** Whether a node output is an artifact reference. */
export function isArtifact(value: unknown): value is ArtifactRef {
  return typeof value === "object" && value !== null && typeof (value as ArtifactRef).sha256 === "string" && typeof (value as ArtifactRef).length === "number";
}

/** Downloads one of a run's artifacts with the key (a plain link could not send it). */
export function ArtifactDownload({ runId, sha256, fileName }: { runId: string; sha256: string; fileName: string }) {
  const { client } = useSession();
  const [error, setError] = useState<string>();
  const download = () => {
    setError(undefined);
    client.download(`/api/runs/${encodeURIComponent(runId)}/artifacts/${sha256}`, fileName).catch((caught: Error) => setError(caught.message));
  };
  return (
    <>
      <button className="small" onClick={download}>
        Download
      </button>
      {error && <span className="error"> {error}</span>}
    </>
  );
}
