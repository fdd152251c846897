// Structured log lines. Only ids, counts, codes and statuses: never text a user typed.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Log {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export function createLog(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Log {
  const at = (lvl: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ t: new Date().toISOString(), level: lvl, event, ...fields }));
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** What may be logged of an error: its name and code, never its message (it may echo input). */
export function errorFields(e: unknown): LogFields {
  if (e && typeof e === 'object') {
    const o = e as { name?: unknown; code?: unknown; data?: { error?: unknown } };
    return { error: String(o.name ?? 'Error'), code: String(o.code ?? ''), apiError: o.data?.error ? String(o.data.error) : undefined };
  }
  return { error: typeof e };
}
