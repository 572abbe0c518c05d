import { useState, type FormEvent } from "react";
import { ApiClient } from "../api/client";
import { ApiError } from "../api/ApiError";
import type { Me } from "../api/types";
import { storeKey } from "./keyStorage";

/** Asks for an API key, checks it against /api/me and hands the session up. */
export function SignIn({ onSignedIn, notice }: { onSignedIn: (client: ApiClient, me: Me) => void; notice?: string }) {
  const [key, setKey] = useState("");
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState(notice);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const client = new ApiClient(key.trim());
    try {
      const me = await client.get<Me>("/api/me");
      storeKey(key.trim(), remember);
      onSignedIn(client, me);
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status === 401 ? "That key was not accepted: check it, or ask an admin for a new one." : String((caught as Error).message));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card">
        <h1>PrefFlow</h1>
        <p>Sign in with an API key. An admin creates one with <code>./prefflow keys create --role editor</code>.</p>
        <label>
          API key
          <input type="password" autoFocus value={key} onChange={(e) => setKey(e.target.value)} placeholder="pf_..." name="apiKey" autoComplete="off" />
        </label>
        <label className="inline">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember on this device
        </label>
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy || !key.trim()}>
          Sign in
        </button>
      </form>
    </main>
  );
}
