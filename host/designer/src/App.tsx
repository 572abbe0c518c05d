import { useEffect, useMemo, useState } from "react";
import { ApiClient } from "./api/client";
import { ApiError } from "./api/ApiError";
import type { Me } from "./api/types";
import { SessionContext, type Session } from "./session/session";
import { SignIn } from "./session/SignIn";
import { forgetKey, storedKey } from "./session/keyStorage";
import { Link, matchPath, navigate, useLocation } from "./router/router";
import { DefinitionsPage } from "./definitions/DefinitionsPage";
import { DesignerPage } from "./designer/DesignerPage";
import { DiffPage } from "./definitions/DiffPage";
import { RunsPage } from "./runs/RunsPage";
import { RunPage } from "./runs/RunPage";
import { SchedulesPage } from "./schedules/SchedulesPage";
import { ScheduleEditorPage } from "./schedules/ScheduleEditorPage";
import { SweepsPage } from "./sweeps/SweepsPage";

/** The pages of the app by path pattern; the first match wins. */
const routes: { pattern: string; render: (params: Record<string, string>) => React.ReactNode }[] = [
  { pattern: "/definitions", render: () => <DefinitionsPage /> },
  { pattern: "/definitions/:id", render: (p) => <DesignerPage id={p.id} /> },
  { pattern: "/definitions/:id/diff", render: (p) => <DiffPage id={p.id} /> },
  { pattern: "/runs", render: () => <RunsPage /> },
  { pattern: "/runs/:id", render: (p) => <RunPage id={p.id} /> },
  { pattern: "/schedules", render: () => <SchedulesPage /> },
  { pattern: "/schedules/new", render: () => <ScheduleEditorPage /> },
  { pattern: "/schedules/:id", render: (p) => <ScheduleEditorPage id={p.id} /> },
  { pattern: "/sweeps", render: () => <SweepsPage /> },
];

const sections = [
  { to: "/definitions", label: "Definitions" },
  { to: "/runs", label: "Runs" },
  { to: "/schedules", label: "Schedules" },
  { to: "/sweeps", label: "Sweeps" },
];

export function App() {
  const [session, setSession] = useState<{ client: ApiClient; me: Me }>();
  const [checking, setChecking] = useState(true);
  const [notice, setNotice] = useState<string>();
  const { path } = useLocation();

  // A key kept from an earlier visit is checked once; a revoked one sends the user back to sign in.
  useEffect(() => {
    const key = storedKey();
    if (!key) {
      setChecking(false);
      return;
    }
    const client = new ApiClient(key);
    client
      .get<Me>("/api/me")
      .then((me) => setSession({ client, me }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) forgetKey();
        setNotice(error instanceof ApiError && error.status === 401 ? "Your key is no longer accepted: sign in again." : (error as Error).message);
      })
      .finally(() => setChecking(false));
  }, []);

  useEffect(() => {
    if (path === "/") navigate("/definitions", true);
  }, [path]);

  const value = useMemo<Session | undefined>(
    () =>
      session && {
        ...session,
        signOut: () => {
          forgetKey();
          setSession(undefined);
        },
      },
    [session],
  );

  if (checking) return null;
  if (!value) return <SignIn notice={notice} onSignedIn={(client, me) => setSession({ client, me })} />;

  const page = routes.map((route) => ({ route, params: matchPath(route.pattern, path) })).find((m) => m.params);
  return (
    <SessionContext.Provider value={value}>
      <div className="shell">
        <header className="top-bar">
          <Link to="/definitions" className="brand">
            PrefFlow
          </Link>
          <nav>
            {sections.map((s) => (
              <Link key={s.to} to={s.to} className={path.startsWith(s.to) ? "active" : ""}>
                {s.label}
              </Link>
            ))}
          </nav>
          <span className="who" title={`key ${value.me.keyId}`}>
            {value.me.name} · <span className={`badge role-${value.me.role}`}>{value.me.role}</span>
          </span>
          <button className="link" onClick={value.signOut}>
            Sign out
          </button>
        </header>
        <div className="page">{page ? page.route.render(page.params!) : <p className="empty">No page here. <Link to="/definitions">Definitions</Link></p>}</div>
      </div>
    </SessionContext.Provider>
  );
}
