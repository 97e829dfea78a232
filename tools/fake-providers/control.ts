// The server's state (scripts, request log, model catalog) and the HTTP control API over it.
// The in-process API (index.ts) and `/__control/*` call the same methods.
import { DEFAULT_MODELS } from './formats/models.ts';
import { RequestLog } from './log.ts';
import { parseReply, parseScriptMap, ScriptBook } from './script.ts';
import type { LoggedRequest, ModelCatalog, Provider, RequestFilter, ScriptedReply } from './types.ts';

export const CONTROL_PREFIX = '/__control';

export class Controller {
  readonly scripts: ScriptBook;
  readonly log = new RequestLog();
  readonly #initialModels: ModelCatalog;
  #models: ModelCatalog;

  constructor(options: { models?: Partial<ModelCatalog>; defaultReply?: ScriptedReply } = {}) {
    this.scripts = new ScriptBook(options.defaultReply);
    this.#initialModels = { ...DEFAULT_MODELS, ...options.models };
    this.#models = copyCatalog(this.#initialModels);
  }

  get models(): ModelCatalog {
    return this.#models;
  }

  script(model: string, replies: ScriptedReply | readonly ScriptedReply[]): void {
    this.scripts.enqueue(model, replies);
  }

  setDefault(model: string, reply: ScriptedReply | null): void {
    this.scripts.setDefault(model, reply);
  }

  setModels(models: Partial<ModelCatalog>): void {
    this.#models = copyCatalog({ ...this.#models, ...models });
  }

  /** Forget scripts, defaults, request counts and the log; restore the initial model catalog. */
  reset(): void {
    this.scripts.reset();
    this.log.clear();
    this.#models = copyCatalog(this.#initialModels);
  }

  requests(filter: RequestFilter | string = {}): LoggedRequest[] {
    return this.log.list(typeof filter === 'string' ? { model: filter } : filter);
  }
}

function copyCatalog(models: ModelCatalog): ModelCatalog {
  return { openai: [...models.openai], anthropic: [...models.anthropic], gemini: [...models.gemini] };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export interface ControlResult {
  status: number;
  body: unknown;
}

/** Handle `/__control/...`; `body` is the parsed JSON body (undefined when none). */
export function handleControl(ctrl: Controller, method: string, url: URL, body: unknown): ControlResult {
  const route = url.pathname.slice(CONTROL_PREFIX.length);
  try {
    switch (`${method} ${route}`) {
      case 'GET /health':
        return { status: 200, body: { ok: true } };
      case 'POST /script': {
        const entries = parseScriptMap(body);
        for (const [model, replies] of entries) ctrl.script(model, replies);
        return {
          status: 200,
          body: { pending: Object.fromEntries(entries.map(([model]) => [model, ctrl.scripts.pending(model)])) },
        };
      }
      case 'POST /default': {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) {
          throw new Error('body must be an object mapping model → reply (or null to clear)');
        }
        for (const [model, reply] of Object.entries(body)) {
          ctrl.setDefault(model, reply === null ? null : parseReply(reply, model));
        }
        return { status: 200, body: { ok: true } };
      }
      case 'POST /reset':
        ctrl.reset();
        return { status: 200, body: { ok: true } };
      case 'GET /requests': {
        const filter: RequestFilter = {};
        const model = url.searchParams.get('model');
        const provider = url.searchParams.get('provider');
        if (model !== null) filter.model = model;
        if (provider !== null) filter.provider = provider as Provider;
        return { status: 200, body: ctrl.requests(filter) };
      }
      case 'GET /models':
        return { status: 200, body: ctrl.models };
      case 'POST /models': {
        const patch: Partial<ModelCatalog> = {};
        const record = (body ?? {}) as Record<string, unknown>;
        for (const flavor of ['openai', 'anthropic', 'gemini'] as const) {
          const list = record[flavor];
          if (list === undefined) continue;
          if (!isStringArray(list)) throw new Error(`${flavor} must be a list of model ids`);
          patch[flavor] = list;
        }
        ctrl.setModels(patch);
        return { status: 200, body: ctrl.models };
      }
      default:
        return { status: 404, body: { error: `unknown control route ${method} ${url.pathname}` } };
    }
  } catch (error) {
    return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}
