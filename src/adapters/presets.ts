/**
 * Presets for OpenAI-compatible servers. The browser calls them directly, so a local server must allow the app's
 * origin (CORS); each preset says how.
 */

export type CompatiblePresetId = 'ollama' | 'lm-studio' | 'openrouter' | 'vllm' | 'llama-cpp';

export interface CompatiblePreset {
  id: CompatiblePresetId;
  label: string;
  baseURL: string;
  /** Whether the server wants an API key. */
  needsKey: boolean;
  /** Shown next to the preset in Providers. */
  description: string;
  /** Added to "could not reach" messages: the usual cause when a local server is running. */
  networkHint: string;
}

export const COMPATIBLE_PRESETS: readonly CompatiblePreset[] = [
  {
    id: 'ollama',
    label: 'Ollama',
    baseURL: 'http://localhost:11434/v1',
    needsKey: false,
    description:
      'Local models through Ollama. Ollama answers other origins only when OLLAMA_ORIGINS allows them: start it with ' +
      'OLLAMA_ORIGINS=<this page’s origin> ollama serve (e.g. OLLAMA_ORIGINS=http://127.0.0.1:4173).',
    networkHint:
      'Is Ollama running, and was it started with OLLAMA_ORIGINS allowing this page’s origin (OLLAMA_ORIGINS=<origin> ollama serve)?',
  },
  {
    id: 'lm-studio',
    label: 'LM Studio',
    baseURL: 'http://localhost:1234/v1',
    needsKey: false,
    description: 'Local models through LM Studio’s server. Turn on “Enable CORS” in its server settings.',
    networkHint: 'Is LM Studio’s server started, with “Enable CORS” on?',
  },
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseURL: 'https://openrouter.ai/api/v1',
    needsKey: true,
    description: 'Many providers’ models behind one key (ids like anthropic/claude-sonnet-4.5).',
    networkHint: 'Check your connection.',
  },
  {
    id: 'vllm',
    label: 'vLLM',
    baseURL: 'http://localhost:8000/v1',
    needsKey: false,
    description:
      'A vLLM OpenAI-compatible server (vllm serve <model>). Allow this page with --allowed-origins if you changed the default.',
    networkHint: 'Is the vLLM server running, and does --allowed-origins include this page’s origin?',
  },
  {
    id: 'llama-cpp',
    label: 'llama.cpp server',
    baseURL: 'http://localhost:8080/v1',
    needsKey: false,
    description: 'llama.cpp’s llama-server. Pass --api-key only if you want one, and set it here too.',
    networkHint: 'Is llama-server running on that port?',
  },
];

function origin(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // localhost and 127.0.0.1 are the same server for our purpose.
    return `${parsed.protocol}//${parsed.hostname.replace(/^127\.0\.0\.1$/, 'localhost')}:${parsed.port}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return undefined;
  }
}

/** The preset whose base URL matches (scheme, host, port and path; localhost = 127.0.0.1). */
export function presetForBaseURL(baseURL: string | undefined): CompatiblePreset | undefined {
  if (baseURL === undefined) return undefined;
  const wanted = origin(baseURL);
  return wanted === undefined ? undefined : COMPATIBLE_PRESETS.find((preset) => origin(preset.baseURL) === wanted);
}
