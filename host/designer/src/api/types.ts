// The shapes of the PrefFlow API's requests and responses that the app reads (see /scalar for the whole API).

export type DataType = "integer" | "number" | "string" | "boolean" | "artifact";

/** A definition parameter, as the definition document declares it. */
export interface ParameterSpec {
  type: "integer" | "number" | "string" | "boolean";
  default: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  enum?: string[];
  description?: string;
}

export interface EdgeSpec {
  from: string;
  to: string;
}

/** increase / constant / decrease split of a total, an explicit list, or an explicit list with a keep fraction. */
export type BudgetSchedule =
  | (number | string)[]
  | { budgets: (number | string)[]; keepFraction?: number | string }
  | { rule: string; total: number | string; iterations: number | string; keepFraction?: number | string };

export interface LoopSpec {
  schedule: BudgetSchedule;
  carry?: Record<string, unknown>;
  nodes: NodeSpec[];
  edges?: EdgeSpec[];
  next?: Record<string, unknown>;
}

export interface RetrySpec {
  attempts?: number;
  backoffSeconds?: number;
  timeoutSeconds?: number;
}

export interface NodeSpec {
  id: string;
  activity?: string;
  loop?: LoopSpec;
  inputs?: Record<string, unknown>;
  retry?: RetrySpec;
  description?: string;
}

/** A workflow definition document (workflow-definition.schema.json). */
export interface DefinitionDocument {
  $schema?: string;
  id: string;
  version: number;
  name: string;
  description?: string;
  parameters?: Record<string, ParameterSpec>;
  nodes: NodeSpec[];
  edges?: EdgeSpec[];
}

export interface DefinitionSummary {
  id: string;
  name: string | null;
  latestVersion: number | null;
  versions: number;
  hasDraft: boolean;
}

export interface DraftResponse {
  id: string;
  updatedAt: string;
  definition: DefinitionDocument;
}

export interface VersionSummary {
  id: string;
  version: number;
  name: string;
  sha256: string;
  publishedAt: string;
}

export interface VersionResponse extends VersionSummary {
  definition: DefinitionDocument;
}

export interface ValidationError {
  pointer: string;
  reason: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: ValidationError[];
}

export interface DiffChange {
  pointer: string;
  kind?: string;
  before?: unknown;
  after?: unknown;
  [other: string]: unknown;
}

export interface DiffResponse {
  id: string;
  from: number;
  to: string;
  changes: DiffChange[];
}

/** One input or output of an activity, as its descriptor gives it. */
export interface PortDescriptor {
  name: string;
  type: DataType;
  required?: boolean;
  default?: unknown;
  minimum?: number | null;
  maximum?: number | null;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  allowedValues?: string[] | null;
  description?: string;
  metric?: boolean;
}

export interface ActivityDescriptor {
  name: string;
  category: string;
  description: string;
  version: number;
  inputs: PortDescriptor[];
  outputs: PortDescriptor[];
}

export type RunStatus = "pending" | "running" | "succeeded" | "failed" | "cancelled" | "interrupted";

export interface RunSummary {
  id: string;
  definition: { id: string; version: number };
  status: RunStatus;
  seed: number;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}

export interface RunPage {
  items: RunSummary[];
  skip: number;
  take: number;
  next: string | null;
}

export interface ArtifactRef {
  length: number;
  mediaType: string;
  sha256: string;
}

export interface NodeState {
  path: string;
  activity: string;
  status: string;
  attempts: number;
  seconds: number | null;
  error: string | null;
  outputs: Record<string, unknown> | null;
}

export interface IterationRecord {
  path: string;
  index: number | null;
  budget: number | null;
  keptPairs: number | null;
  metrics: Record<string, number>;
}

export interface RunArtifact {
  node: string;
  output: string;
  sha256: string;
  length: number;
  mediaType: string;
}

export interface RunDetail extends Omit<RunSummary, "definition"> {
  definition: { id: string; version: number; sha256: string };
  parameters: Record<string, unknown>;
  startedAt: string | null;
  timing: { wallSeconds: number; activitySeconds: number; outsideActivitiesSeconds: number; outsideActivitiesShare: number } | null;
  iterations: IterationRecord[];
  nodes: NodeState[];
  artifacts: RunArtifact[];
}

export interface JournalEntry {
  sequence: number;
  at: string;
  kind: string;
  node: string | null;
  message: string;
  data: Record<string, unknown> | null;
}

export interface Schedule {
  id: string;
  cron: string;
  timeZone: string;
  definitionId: string;
  version: number | null;
  parameters: Record<string, unknown>;
  seed: number | null;
  action: string;
  iterationParameter: string;
  misfire: string;
  overlap: string;
  paused: boolean;
  nextFireTimes: string[];
  runs: string;
}

/** The calling key, from /api/me. */
export interface Me {
  keyId: string;
  name: string;
  role: "viewer" | "editor" | "operator" | "admin";
  may: { editDefinitions: boolean; operateRuns: boolean; manageKeys: boolean };
}
