// Structured logs, one JSON object a line on stderr. Callers pass identifiers (case ids,
// order numbers), never names, IMEIs or PINs.
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export function createLog(component: string, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Log {
  const emit = (level: string, message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, component, message, ...fields }))
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  }
}
