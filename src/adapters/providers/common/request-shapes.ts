/**
 * The request bodies the providers' APIs take, derived from the core's provider-neutral `PeerRequest`. Plain
 * object types defined here (no SDK types). Streaming flags and credentials are added by the drivers.
 */
import { CONVERSATION_START_CUE, mergeSameRole, RESERVED_OUTPUT_TOKENS } from '../../../core/index.ts';
import type { ChatMessage, PeerRequest, ReasoningEffort } from '../../../core/index.ts';
import { hasAttachments, messageParts, type AttachmentPart } from './attachment-parts.ts';

/**
 * Anthropic requires `max_tokens`; a seat that sets no limit gets the output the core kept free for it in the
 * context budget, so the reply fits the window.
 */
export const DEFAULT_MAX_OUTPUT_TOKENS = RESERVED_OUTPUT_TOKENS;

/** Re-asserts the alternation rules: merged, starting with `user`. Cheap no-op for core-built requests. */
function alternating(messages: readonly ChatMessage[]): ChatMessage[] {
  const merged = mergeSameRole(messages);
  if (merged[0]?.role !== 'user') merged.unshift({ role: 'user', content: CONVERSATION_START_CUE });
  return merged;
}

// OpenAI Chat Completions ----------------------------------------------------------------------------------------

export type OpenAIChatContentPart = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** Content parts only for the human's messages with attachments (a PDF's text goes in as text). */
export type OpenAIChatMessage =
  { role: 'system' | 'assistant'; content: string } | { role: 'user'; content: string | OpenAIChatContentPart[] };

const dataUrl = (mimeType: string, data: string) => `data:${mimeType};base64,${data}`;

function openAIChatPart(part: AttachmentPart): OpenAIChatContentPart {
  if (part.type === 'image') return { type: 'image_url', image_url: { url: dataUrl(part.mimeType, part.data) } };
  return { type: 'text', text: part.type === 'text' ? part.text : '' };
}

function toOpenAIChatMessage(message: ChatMessage): OpenAIChatMessage {
  if (!hasAttachments(message) || message.role !== 'user') return { role: message.role, content: message.content };
  return { role: 'user', content: messageParts(message, { nativePdf: false }).map(openAIChatPart) };
}

export interface OpenAIChatRequest {
  model: string;
  messages: OpenAIChatMessage[];
  temperature?: number;
  /** OpenAI's current name for the output limit. */
  max_completion_tokens?: number;
  /** The older name, still the one most OpenAI-compatible servers understand. */
  max_tokens?: number;
  /** Reasoning models only: how hard to think. */
  reasoning_effort?: ReasoningEffort;
}

/** Options for OpenAI-style requests. */
export interface OpenAIChatOptions {
  /** Which field carries the output limit; `max_tokens` for OpenAI-compatible servers. */
  maxTokensField?: 'max_completion_tokens' | 'max_tokens';
}

/** OpenAI Chat Completions body: a system message, then the alternating history. */
export function toOpenAIChatRequest(request: PeerRequest, options: OpenAIChatOptions = {}): OpenAIChatRequest {
  const body: OpenAIChatRequest = {
    model: request.model,
    messages: [{ role: 'system', content: request.system }, ...alternating(request.messages).map(toOpenAIChatMessage)],
  };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined)
    body[options.maxTokensField ?? 'max_completion_tokens'] = request.maxOutputTokens;
  if (request.reasoning?.effort !== undefined) body.reasoning_effort = request.reasoning.effort;
  return body;
}

// OpenAI Responses -----------------------------------------------------------------------------------------------

export type OpenAIResponsesContentPart =
  { type: 'input_text'; text: string } | { type: 'input_image'; image_url: string; detail: 'auto' };

export interface OpenAIResponsesInputMessage {
  role: 'user' | 'assistant';
  /** Content parts only for (the human's) messages with attachments. */
  content: string | OpenAIResponsesContentPart[];
}

function responsesPart(part: AttachmentPart): OpenAIResponsesContentPart {
  if (part.type === 'image')
    return { type: 'input_image', image_url: dataUrl(part.mimeType, part.data), detail: 'auto' };
  return { type: 'input_text', text: part.type === 'text' ? part.text : '' };
}

function toResponsesMessage(message: ChatMessage): OpenAIResponsesInputMessage {
  if (!hasAttachments(message) || message.role !== 'user') return { role: message.role, content: message.content };
  return { role: message.role, content: messageParts(message, { nativePdf: false }).map(responsesPart) };
}

export interface OpenAIResponsesRequest {
  model: string;
  instructions: string;
  input: OpenAIResponsesInputMessage[];
  temperature?: number;
  max_output_tokens?: number;
  /** Reasoning models only: how hard to think, and a summary of the reasoning to show. */
  reasoning?: { effort: ReasoningEffort; summary: 'auto' };
  /** The conversation is kept by PeerChat, not on OpenAI's servers. */
  store: false;
}

/** OpenAI Responses body: `instructions` + `input`. */
export function toOpenAIResponsesRequest(request: PeerRequest): OpenAIResponsesRequest {
  const body: OpenAIResponsesRequest = {
    model: request.model,
    instructions: request.system,
    input: alternating(request.messages).map(toResponsesMessage),
    store: false,
  };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined) body.max_output_tokens = request.maxOutputTokens;
  if (request.reasoning?.effort !== undefined) body.reasoning = { effort: request.reasoning.effort, summary: 'auto' };
  return body;
}

// Anthropic Messages ---------------------------------------------------------------------------------------------

export type AnthropicContentBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; source: { type: 'base64'; media_type: AnthropicImageType; data: string } }
  | { type: 'document'; source: { type: 'base64'; media_type: 'application/pdf'; data: string } };

type AnthropicImageType = 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif';

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  /** Content blocks only for messages with attachments; PDFs go as native documents. */
  content: string | AnthropicContentBlock[];
}

function anthropicBlock(part: AttachmentPart): AnthropicContentBlock {
  if (part.type === 'image')
    return {
      type: 'image',
      source: { type: 'base64', media_type: part.mimeType as AnthropicImageType, data: part.data },
    };
  if (part.type === 'pdf')
    return { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: part.data } };
  return { type: 'text', text: part.text };
}

function toAnthropicMessage(message: ChatMessage): AnthropicMessage {
  if (!hasAttachments(message)) return { role: message.role, content: message.content };
  return { role: message.role, content: messageParts(message, { nativePdf: true }).map(anthropicBlock) };
}

export interface AnthropicMessagesRequest {
  model: string;
  system: string;
  messages: AnthropicMessage[];
  max_tokens: number;
  temperature?: number;
  /** Extended thinking. */
  thinking?: { type: 'enabled'; budget_tokens: number };
}

/** Anthropic's smallest thinking budget. */
export const MIN_ANTHROPIC_THINKING_BUDGET = 1024;

/**
 * Anthropic Messages body: `system` + alternating messages starting with `user`; `max_tokens` always set. With a
 * thinking budget, `max_tokens` is the budget plus the seat's output limit (it must exceed the budget), and no
 * temperature is sent (Anthropic refuses one with thinking).
 */
export function toAnthropicRequest(request: PeerRequest): AnthropicMessagesRequest {
  const answerTokens = request.maxOutputTokens ?? DEFAULT_MAX_OUTPUT_TOKENS;
  const body: AnthropicMessagesRequest = {
    model: request.model,
    system: request.system,
    messages: alternating(request.messages).map(toAnthropicMessage),
    max_tokens: answerTokens,
  };
  const budget = request.reasoning?.budgetTokens;
  if (budget !== undefined && budget > 0) {
    const budgetTokens = Math.max(MIN_ANTHROPIC_THINKING_BUDGET, budget);
    body.thinking = { type: 'enabled', budget_tokens: budgetTokens };
    body.max_tokens = budgetTokens + answerTokens;
    return body;
  }
  // Anthropic accepts temperatures in [0, 1] only (OpenAI and Gemini go up to 2).
  if (request.temperature !== undefined) body.temperature = Math.min(1, request.temperature);
  return body;
}

// Gemini ---------------------------------------------------------------------------------------------------------

export type GeminiPart = { text: string } | { inlineData: { mimeType: string; data: string } };

/** Gemini reads images and PDFs natively (both as inline data). */
function geminiPart(part: AttachmentPart): GeminiPart {
  if (part.type === 'image') return { inlineData: { mimeType: part.mimeType, data: part.data } };
  if (part.type === 'pdf') return { inlineData: { mimeType: 'application/pdf', data: part.data } };
  return { text: part.text };
}

function geminiParts(message: ChatMessage): GeminiPart[] {
  if (!hasAttachments(message)) return [{ text: message.content }];
  return messageParts(message, { nativePdf: true }).map(geminiPart);
}

export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

export interface GeminiRequest {
  model: string;
  systemInstruction: { parts: { text: string }[] };
  contents: GeminiContent[];
  generationConfig: {
    temperature?: number;
    maxOutputTokens?: number;
    /** Thinking budget (0 off, -1 dynamic) and thought summaries. */
    thinkingConfig?: { thinkingBudget?: number; includeThoughts?: boolean };
  };
}

/** Gemini generateContent body: `systemInstruction` + `contents` with roles `user`/`model`. */
export function toGeminiRequest(request: PeerRequest): GeminiRequest {
  const generationConfig: GeminiRequest['generationConfig'] = {};
  if (request.temperature !== undefined) generationConfig.temperature = request.temperature;
  if (request.maxOutputTokens !== undefined) generationConfig.maxOutputTokens = request.maxOutputTokens;
  const { budgetTokens, includeThoughts } = request.reasoning ?? {};
  if (budgetTokens !== undefined || includeThoughts !== undefined) {
    generationConfig.thinkingConfig = {
      ...(budgetTokens !== undefined ? { thinkingBudget: budgetTokens } : {}),
      ...(includeThoughts !== undefined ? { includeThoughts } : {}),
    };
  }
  return {
    model: request.model,
    systemInstruction: { parts: [{ text: request.system }] },
    contents: alternating(request.messages).map((message) => ({
      role: message.role === 'assistant' ? 'model' : 'user',
      parts: geminiParts(message),
    })),
    generationConfig,
  };
}
