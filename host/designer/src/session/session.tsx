import { createContext, useContext } from "react";
import type { ApiClient } from "../api/client";
import type { Me } from "../api/types";

/** The signed-in key: its API client and what its role may do. */
export interface Session {
  client: ApiClient;
  me: Me;
  signOut: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in page");
  return session;
}
