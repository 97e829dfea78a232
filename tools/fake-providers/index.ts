// Public API of the local fake-provider server.
import { Controller } from './control.ts';
import { FakeServer } from './server.ts';
import type { LoggedRequest, ModelCatalog, RequestFilter, ScriptedReply } from './types.ts';

export type {
  Fault,
  FaultKind,
  FinishKind,
  LoggedRequest,
  ModelCatalog,
  NormalizedMessage,
  Provider,
  ReplayScript,
  RequestFilter,
  ScriptedReply,
} from './types.ts';
export { ANY_MODEL, MODEL_LIST_KEY, splitTokens } from './script.ts';
export { DEFAULT_MODELS } from './formats/models.ts';
export { keyFingerprint, REDACTED } from './log.ts';

/** Loopback only: the fake never listens beyond this machine. */
export type LoopbackHost = '127.0.0.1' | 'localhost' | '::1';

export interface FakeProvidersOptions {
  /** 0 or unset: a free port. */
  port?: number;
  host?: LoopbackHost;
  /** Models the list endpoints return (per provider; unset ones keep the defaults). */
  models?: Partial<ModelCatalog>;
  /** Pacing for the built-in default reply (its `text`/`tokens` are ignored). */
  defaultReply?: ScriptedReply;
}

export interface FakeProviders {
  /** e.g. `http://127.0.0.1:43121` (no trailing slash, no version). */
  readonly url: string;
  readonly port: number;
  /** Queue replies for a model; each request takes the next. Key `MODEL_LIST_KEY` scripts faults of the model lists. */
  script(model: string, replies: ScriptedReply | readonly ScriptedReply[]): void;
  /** The reply used whenever the model's queue is empty (`ANY_MODEL` for all models); null clears it. */
  setDefault(model: string, reply: ScriptedReply | null): void;
  setModels(models: Partial<ModelCatalog>): void;
  /** Forget scripts, defaults, per-model request numbers and the log. */
  reset(): void;
  /** Snapshots of the logged requests, oldest first; a string filters by model. */
  requests(filter?: RequestFilter | string): LoggedRequest[];
  /** The first logged request (existing or future) the predicate accepts. */
  waitForRequest(predicate: (request: LoggedRequest) => boolean, timeoutMs?: number): Promise<LoggedRequest>;
  /** Stop listening and destroy every open socket (never-respond requests included). */
  close(): Promise<void>;
}

export async function startFakeProviders(options: FakeProvidersOptions = {}): Promise<FakeProviders> {
  const host = options.host ?? '127.0.0.1';
  if (!['127.0.0.1', 'localhost', '::1'].includes(host))
    throw new Error(`fake providers listen on loopback only, not ${host}`);
  const ctrl = new Controller({
    ...(options.models ? { models: options.models } : {}),
    ...(options.defaultReply ? { defaultReply: options.defaultReply } : {}),
  });
  const server = new FakeServer(ctrl);
  const port = await server.listen(options.port ?? 0, host);
  const urlHost = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    script: (model, replies) => ctrl.script(model, replies),
    setDefault: (model, reply) => ctrl.setDefault(model, reply),
    setModels: (models) => ctrl.setModels(models),
    reset: () => ctrl.reset(),
    requests: (filter) => ctrl.requests(filter),
    waitForRequest: (predicate, timeoutMs) => ctrl.log.waitFor(predicate, timeoutMs),
    close: () => server.close(),
  };
}
