/**
 * Exact-answer checking for the evaluation harness: the final answer is read from a reply (its last
 * `Answer: …` line, else its last number or choice letter), and compared as a number, a choice letter or by the
 * question's own regular expression.
 */

export type AnswerKind = 'number' | 'choice' | 'text';

export interface Question {
  id: string;
  question: string;
  /** The exact answer: a number ("42", "3.5"), a choice letter ("B"), or text (checked by `checker`). */
  answer: string;
  /** Defaults to `number` when the answer is a number, `choice` when it is one letter A–J, else `text`. */
  kind?: AnswerKind;
  /** A regular expression (source) the extracted answer must match, instead of equality. */
  checker?: string;
}

/** What each peer is told beside the question, so its final answer can be read back. */
export const ANSWER_INSTRUCTION =
  'Work it out, then give your final answer alone on the last line, as "Answer: <answer>".';

const NUMBER = /-?\d[\d,]*(?:\.\d+)?|-?\.\d+/g;

export function kindOf(question: Pick<Question, 'answer' | 'kind'>): AnswerKind {
  if (question.kind) return question.kind;
  if (parseNumber(question.answer) !== null) return 'number';
  if (/^[A-J]$/i.test(question.answer.trim())) return 'choice';
  return 'text';
}

function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, '').replace(/,/g, '').replace(/%$/, '');
  if (!/^-?(?:\d+(?:\.\d+)?|\.\d+)$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** The answer a reply gives, as text; null when it gives none that can be read. */
export function extractAnswer(reply: string, kind: AnswerKind): string | null {
  const marked = [...reply.matchAll(/answer\s*[:=]\s*(.+)/gi)].at(-1)?.[1]?.trim();
  const source = marked ?? reply;
  if (kind === 'number') {
    const numbers = source.match(NUMBER);
    const last = marked !== undefined ? numbers?.[0] : numbers?.at(-1);
    return last === undefined ? null : last.replace(/,/g, '');
  }
  if (kind === 'choice') {
    const letters = [...source.matchAll(/\(?\b([A-J])\b\)?/g)].map((match) => match[1]!);
    const letter = marked !== undefined ? letters[0] : letters.at(-1);
    return letter === undefined ? null : letter.toUpperCase();
  }
  return marked ?? (reply.trim().split('\n').at(-1)?.trim() || null);
}

/** Whether an extracted answer is right. */
export function isCorrect(question: Question, extracted: string | null): boolean {
  if (extracted === null) return false;
  if (question.checker !== undefined) return new RegExp(question.checker, 'i').test(extracted);
  const kind = kindOf(question);
  if (kind === 'number') {
    const given = parseNumber(extracted);
    const expected = parseNumber(question.answer);
    return given !== null && expected !== null && Math.abs(given - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (kind === 'choice') return extracted.trim().toUpperCase() === question.answer.trim().toUpperCase();
  return extracted.trim().toLowerCase() === question.answer.trim().toLowerCase();
}

/** The same answer, written the same way, so that votes for it count together. */
export function normalizeAnswer(extracted: string, kind: AnswerKind): string {
  if (kind === 'number') {
    const value = parseNumber(extracted);
    return value === null ? extracted.trim() : String(value);
  }
  return extracted.trim().toUpperCase();
}

/** Parses a question set (JSON Lines); a bad line is refused with its number and what is wrong. */
export function parseQuestions(jsonl: string): { ok: true; questions: Question[] } | { ok: false; message: string } {
  const questions: Question[] = [];
  const ids = new Set<string>();
  for (const [index, line] of jsonl.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `Line ${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, message: `${where} is not valid JSON.` };
    }
    const fields = value as Record<string, unknown>;
    if (typeof value !== 'object' || value === null) return { ok: false, message: `${where} is not an object.` };
    for (const name of ['id', 'question', 'answer'] as const)
      if (typeof fields[name] !== 'string' || fields[name] === '')
        return { ok: false, message: `${where}: "${name}" must be a non-empty string.` };
    if (fields.kind !== undefined && !['number', 'choice', 'text'].includes(fields.kind as string))
      return { ok: false, message: `${where}: "kind" must be number, choice or text.` };
    if (fields.checker !== undefined) {
      if (typeof fields.checker !== 'string') return { ok: false, message: `${where}: "checker" must be a string.` };
      try {
        new RegExp(fields.checker);
      } catch {
        return { ok: false, message: `${where}: "checker" is not a valid regular expression.` };
      }
    }
    if (ids.has(fields.id as string)) return { ok: false, message: `${where}: the id "${fields.id}" is used twice.` };
    ids.add(fields.id as string);
    questions.push(value as Question);
  }
  if (questions.length === 0) return { ok: false, message: 'The question set has no questions.' };
  return { ok: true, questions };
}
