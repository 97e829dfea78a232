/* eslint-disable max-lines -- routing, CORS and shutdown share the server's socket bookkeeping */
// The HTTP server: CORS, routing to the wire formats and the control API, and shutdown that ends every socket.
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Controller } from './control.ts';
import { CONTROL_PREFIX, handleControl } from './control.ts';
import { answerPreflight, applyCorsHeaders } from './cors.ts';
import { Exchange } from './exchange.ts';
import { anthropic, anthropicError } from './formats/anthropic.ts';
import type { ParsedCall, WireFormat } from './formats/format.ts';
import { inputTokensOf, isRecord } from './formats/format.ts';
import { gemini, geminiError } from './formats/gemini.ts';
import type { ModelFlavor } from './formats/models.ts';
import { listBody, retrieveBody } from './formats/models.ts';
import { openaiChat, openaiError } from './formats/openai-chat.ts';
import { openaiResponses } from './formats/openai-responses.ts';
import { credentialFingerprint, redactHeaders, redactPath } from './log.ts';
import { isHttpErrorFault, playReply, sendHttpError } from './respond.ts';
import type { Provider } from './types.ts';

type Route =
  | { kind: 'generate'; format: WireFormat; model?: string; stream?: boolean }
  | { kind: 'count-tokens'; format: WireFormat; model?: string }
  | { kind: 'list-models'; flavor: ModelFlavor }
  | { kind: 'get-model'; flavor: ModelFlavor; id: string }
  | { kind: 'not-found' };

const FLAVOR_FORMAT: Record<ModelFlavor, WireFormat> = { openai: openaiChat, anthropic, gemini };

const GEMINI_CALL = /^\/models\/([^/:]+):(streamGenerateContent|generateContent|countTokens)$/;

/** `GET /v1/models` is shared by OpenAI, Anthropic and (genai 3.x) Gemini: tell them apart by their headers. */
function modelFlavor(req: IncomingMessage, url: URL, version: string): ModelFlavor {
  if (version === 'v1beta') return 'gemini';
  if (req.headers['anthropic-version'] !== undefined) return 'anthropic';
  if (
    req.headers['x-goog-api-key'] !== undefined ||
    req.headers['x-goog-api-client'] !== undefined ||
    url.searchParams.has('key')
  ) {
    return 'gemini';
  }
  return 'openai';
}

/** Any prefix before `/v1` or `/v1beta` is allowed (e.g. `/ollama/v1/...`) so one server can pose as several endpoints. */
export function route(req: IncomingMessage, url: URL): Route {
  const match = /^(.*?)\/(v1beta|v1)(\/.*)$/.exec(url.pathname);
  if (!match) return { kind: 'not-found' };
  const version = match[2] ?? 'v1';
  const rest = match[3] ?? '';
  if (req.method === 'POST') {
    if (rest === '/chat/completions') return { kind: 'generate', format: openaiChat };
    if (rest === '/responses') return { kind: 'generate', format: openaiResponses };
    if (rest === '/messages') return { kind: 'generate', format: anthropic };
    if (rest === '/messages/count_tokens') return { kind: 'count-tokens', format: anthropic };
    const call = GEMINI_CALL.exec(rest);
    if (call) {
      const model = decodeURIComponent(call[1] ?? '');
      if (call[2] === 'countTokens') return { kind: 'count-tokens', format: gemini, model };
      return { kind: 'generate', format: gemini, model, stream: call[2] === 'streamGenerateContent' };
    }
  }
  if (req.method === 'GET') {
    if (rest === '/models') return { kind: 'list-models', flavor: modelFlavor(req, url, version) };
    const get = /^\/models\/(.+)$/.exec(rest);
    if (get) return { kind: 'get-model', flavor: modelFlavor(req, url, version), id: decodeURIComponent(get[1] ?? '') };
  }
  return { kind: 'not-found' };
}

function providerOf(r: Route): Provider {
  switch (r.kind) {
    case 'generate':
    case 'count-tokens':
      return r.format.provider;
    case 'list-models':
    case 'get-model':
      return 'models';
    case 'not-found':
      return 'unknown';
  }
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of req) chunks.push(chunk as Buffer);
  } catch {
    return null; // The client went away while sending.
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

function notFoundModel(flavor: ModelFlavor, id: string, seq: number) {
  switch (flavor) {
    case 'openai':
      return openaiError(
        404,
        `The model '${id}' does not exist or you do not have access to it.`,
        'invalid_request_error',
        'model_not_found',
        'model',
      );
    case 'anthropic':
      return anthropicError(404, 'not_found_error', `model: ${id}`, seq);
    case 'gemini':
      return geminiError(
        404,
        'NOT_FOUND',
        `models/${id.replace(/^models\//, '')} is not found for API version v1beta.`,
      );
  }
}

export class FakeServer {
  readonly #ctrl: Controller;
  readonly #server = createServer((req, res) => void this.#handle(req, res));
  readonly #sockets = new Set<Socket>();
  readonly #open = new Set<Exchange>();

  constructor(ctrl: Controller) {
    this.#ctrl = ctrl;
    this.#server.on('connection', (socket) => {
      socket.setNoDelay(true);
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(port, host, () => {
        this.#server.off('error', reject);
        const address = this.#server.address();
        resolve(typeof address === 'object' && address !== null ? address.port : port);
      });
    });
  }

  /** Stop listening and destroy every socket, including never-answered requests. */
  close(): Promise<void> {
    for (const ex of this.#open) ex.markServerClose();
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    for (const socket of this.#sockets) socket.destroy();
    return closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await this.#dispatch(req, res);
    } catch (error) {
      // A bug in the fake must not hang the caller: answer 500 if we still can.
      console.error('fake providers: internal error', error);
      if (!res.headersSent) sendJson(res, 500, { error: { message: 'fake providers internal error' } });
      else res.destroy();
    }
  }

  async #dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applyCorsHeaders(req, res);
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const method = req.method ?? 'GET';

    if (url.pathname.startsWith(`${CONTROL_PREFIX}/`) && method !== 'OPTIONS') {
      const raw = await readBody(req);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        sendJson(res, 400, { error: 'body is not valid JSON' });
        return;
      }
      const result = handleControl(this.#ctrl, method, url, body);
      sendJson(res, result.status, result.body);
      return;
    }

    const r = method === 'OPTIONS' ? null : route(req, url);
    const headers = redactHeaders(req.headers);
    const path = redactPath(req.url ?? '/');
    const entry = this.#ctrl.log.add({
      provider: r ? providerOf(r) : 'preflight',
      method,
      path: path.path,
      model: null,
      system: '',
      messages: [],
      body: null,
      headers: headers.headers,
      hadCredentials: headers.hadCredentials || path.hadCredentials,
      keyFingerprint: credentialFingerprint(req.headers, req.url ?? '/'),
      stream: false,
      status: null,
      fault: null,
      tokensSent: 0,
      clientClosed: false,
      completed: false,
    });
    const ex = new Exchange(req, res, this.#ctrl.log, entry);
    this.#open.add(ex);
    res.on('close', () => this.#open.delete(ex));

    if (r === null) {
      answerPreflight(req, res);
      ex.update({ status: 204, completed: true });
      return;
    }

    const raw = await readBody(req);
    if (raw === null || ex.gone) return;
    let body: unknown = null;
    let badJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        badJson = true;
      }
    }
    ex.update({ body });

    switch (r.kind) {
      case 'not-found':
        ex.json(404, { error: { message: `fake providers: no route for ${method} ${url.pathname}`, code: 404 } });
        return;
      case 'list-models':
      case 'get-model':
        await this.#models(ex, r);
        return;
      case 'count-tokens':
      case 'generate':
        await this.#generate(ex, r, badJson ? undefined : body);
        return;
    }
  }

  /** Generation and token counting; `body` is undefined when it was not valid JSON. */
  async #generate(
    ex: Exchange,
    r: Extract<Route, { kind: 'generate' | 'count-tokens' }>,
    body: unknown,
  ): Promise<void> {
    const { format } = r;
    const headers = format.responseHeaders(ex.entry.id);
    const reject = (message: string) => {
      const error = format.badRequest(message, ex.entry.id);
      ex.json(error.status, error.body, headers);
    };
    if (body === undefined) {
      reject('The request body is not valid JSON.');
      return;
    }
    // Anthropic's count_tokens takes a Messages body without max_tokens.
    const input =
      r.kind === 'count-tokens' && format === anthropic && isRecord(body) ? { max_tokens: 1, ...body } : body;
    let call: ParsedCall;
    try {
      call = format.parse(input, {
        ...(r.model !== undefined ? { model: r.model } : {}),
        ...(r.kind === 'generate' && r.stream !== undefined ? { stream: r.stream } : {}),
      });
    } catch (error) {
      reject(error instanceof Error ? error.message : String(error));
      return;
    }
    ex.update({ model: call.model, system: call.system, messages: call.messages, stream: call.stream });
    if (r.kind === 'count-tokens') {
      const tokens = inputTokensOf(call);
      const counted =
        format === anthropic
          ? { input_tokens: tokens }
          : { totalTokens: tokens, promptTokensDetails: [{ modality: 'TEXT', tokenCount: tokens }] };
      ex.json(200, counted, headers);
      return;
    }
    await playReply(ex, format, call, this.#ctrl.scripts.next(call.model));
  }

  async #models(ex: Exchange, r: Extract<Route, { kind: 'list-models' | 'get-model' }>): Promise<void> {
    const format = FLAVOR_FORMAT[r.flavor];
    const fault = this.#ctrl.scripts.nextListFault();
    ex.update({ fault: fault?.kind ?? null });
    if (fault?.kind === 'never-respond') return;
    if (fault?.kind === 'slow-headers') {
      await ex.sleep(fault.delayMs);
      if (ex.gone) return;
    }
    if (isHttpErrorFault(fault)) {
      sendHttpError(ex, format, fault, r.kind === 'get-model' ? r.id : 'models');
      return;
    }
    const headers = format.responseHeaders(ex.entry.id);
    if (r.kind === 'list-models') {
      ex.json(200, listBody(r.flavor, this.#ctrl.models), headers);
      return;
    }
    const found = retrieveBody(r.flavor, this.#ctrl.models, r.id);
    if (found !== null) {
      ex.json(200, found, headers);
      return;
    }
    const error = notFoundModel(r.flavor, r.id, ex.entry.id);
    ex.json(error.status, error.body, { ...headers, ...error.headers });
  }
}
