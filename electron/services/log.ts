// Structured logs (pino): one JSON object a line, to stderr and, given a data dir, to rotating
// files under <data dir>/logs. Callers pass identifiers (case ids, order numbers), never names,
// IMEIs or PINs; redaction (logging/redact.ts) is the net under that rule, not a licence.
import path from 'node:path'
import pino from 'pino'
import { toConsole } from './logging/console-sink'
import { redactFields, scrubText } from './logging/redact'
import { createRotatingFile, type RotationOptions } from './logging/rotating-file'

export interface Log {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export type LogWrite = (line: string) => void

const toStderr: LogWrite = toConsole

export function createLog(component: string, write: LogWrite = toStderr): Log {
  const logger = pino(
    {
      base: { component },
      messageKey: 'message',
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) },
  )
  const emit = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) =>
    logger[level](fields ? redactFields(fields) : {}, scrubText(message))
  return {
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  }
}

/** Where a kiosk's log files go. */
export function logDir(dataDir: string): string {
  return path.join(dataDir, 'logs')
}

const fileWriters = new Map<string, LogWrite>()

/** stderr plus the rotating files of this data dir (one writer per folder, shared by every log). */
export function logSink(dataDir: string, options?: RotationOptions, alsoTo: LogWrite = toStderr): LogWrite {
  const dir = logDir(dataDir)
  let toFile = fileWriters.get(dir)
  if (!toFile) {
    toFile = createRotatingFile(dir, options)
    fileWriters.set(dir, toFile)
  }
  const file = toFile
  return (line) => {
    alsoTo(line)
    file(line)
  }
}
