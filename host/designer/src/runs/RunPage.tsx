import { useMemo, useState } from "react";
import { ErrorBanner } from "../ui/ErrorBanner";
import { ArtifactsTable } from "./ArtifactsTable";
import { loopIterations } from "./graphState";
import { JournalTable } from "./JournalTable";
import { nodeStatuses } from "./nodeStatuses";
import { RunErrorBox } from "./RunErrorBox";
import { RunGraphTab } from "./RunGraphTab";
import { RunHeader } from "./RunHeader";
import { RunMetrics } from "./RunMetrics";
import { RunTimeline } from "./RunTimeline";
import { useRunDefinition } from "./useRunDefinition";
import { useRunFollow } from "./useRunFollow";

const tabs = ["Graph", "Timeline", "Metrics", "Artifacts", "Journal"] as const;
type Tab = (typeof tabs)[number];

/** /runs/:id: one run followed live: its graph, timeline, metrics, artifacts and journal. */
export function RunPage({ id }: { id: string }) {
  const { run, journal, error, following, follow } = useRunFollow(id);
  const { doc, activities, error: definitionError } = useRunDefinition(run);
  const [tab, setTab] = useState<Tab>("Graph");
  const [selected, setSelected] = useState<string>();
  const statuses = useMemo(() => nodeStatuses(run, journal), [run, journal]);
  const iterations = useMemo(() => loopIterations(journal), [journal]);

  if (!run) return error ? <ErrorBanner error={error} /> : <p className="empty">Loading run {id}…</p>;
  const select = (path: string | undefined) => {
    setSelected(path);
    if (path) setTab("Graph");
  };
  return (
    <div className="run-page">
      <RunHeader run={run} following={following} onChanged={follow} />
      <ErrorBanner error={error ?? definitionError} />
      <RunErrorBox run={run} onSelect={select} />
      <nav className="tabs">
        {tabs.map((t) => (
          <button key={t} className={t === tab ? "active" : ""} onClick={() => setTab(t)}>
            {t}
          </button>
        ))}
      </nav>
      {tab === "Graph" &&
        (doc && activities ? (
          <RunGraphTab run={run} doc={doc} activities={activities} statuses={statuses} iterations={iterations} selected={selected} onSelect={select} onChanged={follow} />
        ) : (
          <p className="empty">Loading the definition…</p>
        ))}
      {tab === "Timeline" && <RunTimeline run={run} journal={journal} />}
      {tab === "Metrics" && <RunMetrics iterations={run.iterations} />}
      {tab === "Artifacts" && <ArtifactsTable run={run} />}
      {tab === "Journal" && <JournalTable journal={journal} />}
    </div>
  );
}
