/**
 * Test-only page (built with `--mode e2e`): exposes `window.harness`, which calls the real provider SDKs from
 * the browser so Playwright can check that the fake-provider server speaks each wire format to them.
 */
import './adapters.ts';
export interface StreamOutcome {
  text: string;
  /** The terminal signal the stream carried (finish_reason, response.completed, message_stop, finishReason), if any. */
  terminal: string | null;
  usage: { input: number; output: number } | null;
  error: { status: number | null; message: string } | null;
}

export interface StreamCall {
  baseURL: string;
  model: string;
  prompt: string;
  apiKey?: string;
  /** Abort the request after this many text deltas. */
  abortAfterDeltas?: number;
}

function describeError(error: unknown): StreamOutcome['error'] {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : null;
  return {
    status: Number.isFinite(status) ? status : null,
    message: error instanceof Error ? error.message : String(error),
  };
}

async function collect(
  call: StreamCall,
  run: (signal: AbortSignal, onDelta: (text: string) => void) => Promise<Omit<StreamOutcome, 'text' | 'error'>>,
): Promise<StreamOutcome> {
  const controller = new AbortController();
  let text = '';
  let deltas = 0;
  const onDelta = (delta: string) => {
    text += delta;
    deltas += 1;
    if (call.abortAfterDeltas !== undefined && deltas >= call.abortAfterDeltas) controller.abort();
  };
  try {
    const rest = await run(controller.signal, onDelta);
    return { text, ...rest, error: null };
  } catch (error) {
    return { text, terminal: null, usage: null, error: describeError(error) };
  }
}

/** The OpenAI SDK pointed at the fake server, as both OpenAI wire formats use it. */
async function openaiClient(call: StreamCall) {
  const { default: OpenAI } = await import('openai');
  return new OpenAI({
    apiKey: call.apiKey ?? 'sk-test',
    baseURL: `${call.baseURL}/v1`,
    dangerouslyAllowBrowser: true,
    maxRetries: 0,
  });
}

const harness = {
  openaiChat: (call: StreamCall) =>
    collect(call, async (signal, onDelta) => {
      const client = await openaiClient(call);
      const stream = await client.chat.completions.create(
        {
          model: call.model,
          messages: [{ role: 'user', content: call.prompt }],
          stream: true,
          stream_options: { include_usage: true },
        },
        { signal },
      );
      let terminal: string | null = null;
      let usage: StreamOutcome['usage'] = null;
      for await (const chunk of stream) {
        const choice = chunk.choices[0];
        if (choice?.delta.content) onDelta(choice.delta.content);
        if (choice?.finish_reason) terminal = choice.finish_reason;
        if (chunk.usage) usage = { input: chunk.usage.prompt_tokens, output: chunk.usage.completion_tokens };
      }
      return { terminal, usage };
    }),

  openaiResponses: (call: StreamCall) =>
    collect(call, async (signal, onDelta) => {
      const client = await openaiClient(call);
      const stream = await client.responses.create({ model: call.model, input: call.prompt, stream: true }, { signal });
      let terminal: string | null = null;
      let usage: StreamOutcome['usage'] = null;
      for await (const event of stream) {
        if (event.type === 'response.output_text.delta') onDelta(event.delta);
        if (event.type === 'response.completed') {
          terminal = event.type;
          if (event.response.usage)
            usage = { input: event.response.usage.input_tokens, output: event.response.usage.output_tokens };
        }
      }
      return { terminal, usage };
    }),

  anthropic: (call: StreamCall) =>
    collect(call, async (signal, onDelta) => {
      const { default: Anthropic } = await import('@anthropic-ai/sdk');
      const client = new Anthropic({
        apiKey: call.apiKey ?? 'sk-ant-test',
        baseURL: call.baseURL,
        dangerouslyAllowBrowser: true,
        maxRetries: 0,
      });
      const stream = await client.messages.create(
        { model: call.model, max_tokens: 256, messages: [{ role: 'user', content: call.prompt }], stream: true },
        { signal },
      );
      let terminal: string | null = null;
      let input = 0;
      let output = 0;
      for await (const event of stream) {
        if (event.type === 'message_start') input = event.message.usage.input_tokens;
        if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') onDelta(event.delta.text);
        if (event.type === 'message_delta') output = event.usage.output_tokens;
        if (event.type === 'message_stop') terminal = event.type;
      }
      return { terminal, usage: { input, output } };
    }),

  gemini: (call: StreamCall) =>
    collect(call, async (signal, onDelta) => {
      const { GoogleGenAI } = await import('@google/genai');
      const client = new GoogleGenAI({ apiKey: call.apiKey ?? 'gemini-test', httpOptions: { baseUrl: call.baseURL } });
      const stream = await client.models.generateContentStream({
        model: call.model,
        contents: [{ role: 'user', parts: [{ text: call.prompt }] }],
        config: { abortSignal: signal },
      });
      let terminal: string | null = null;
      let usage: StreamOutcome['usage'] = null;
      for await (const chunk of stream) {
        if (chunk.text) onDelta(chunk.text);
        const reason = chunk.candidates?.[0]?.finishReason;
        if (reason) terminal = reason;
        if (chunk.usageMetadata) {
          usage = {
            input: chunk.usageMetadata.promptTokenCount ?? 0,
            output: chunk.usageMetadata.candidatesTokenCount ?? 0,
          };
        }
      }
      return { terminal, usage };
    }),
};

export type Harness = typeof harness;
declare global {
  interface Window {
    harness: Harness;
  }
}
window.harness = harness;
document.body.dataset.ready = 'true';
