/** The server's log: one JSON line per refusal and lifecycle event; never a secret, a key or message text. */
export interface LogLine {
  at: string;
  level: 'info' | 'warn';
  room?: string;
  member?: string;
  event: string;
  reason?: string;
}

export type Logger = (line: LogLine) => void;

export const stdoutLogger: Logger = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** A logger that stamps the time. */
export const withTime =
  (log: Logger) =>
  (line: Omit<LogLine, 'at'>): void =>
    log({ at: new Date().toISOString(), ...line });
