// Command-line options of browser mode: `--data-dir DIR --port N [--manifest FILE.jsonl]`.
import os from 'node:os'
import path from 'node:path'

export interface HostArgs {
  dataDir: string
  port: number
  manifest?: string
  timeZone?: string
}

export const DEFAULT_PORT = 4780

export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share')
  return path.join(base, 'dropdesk')
}

const usage = 'usage: npm run serve -- [--data-dir DIR] [--port N] [--manifest FILE.jsonl] [--time-zone Europe/Paris]'

export function parseHostArgs(argv: readonly string[]): HostArgs {
  const args: HostArgs = { dataDir: process.env.DROPDESK_DATA_DIR || defaultDataDir(), port: DEFAULT_PORT }
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    const value = argv[i + 1]
    const need = () => {
      if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value.\n${usage}`)
      i++
      return value
    }
    switch (flag) {
      case '--data-dir':
        args.dataDir = path.resolve(need())
        break
      case '--port': {
        const port = Number(need())
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535.\n${usage}`)
        args.port = port
        break
      }
      case '--manifest':
        args.manifest = path.resolve(need())
        break
      case '--time-zone':
        args.timeZone = need()
        break
      case '--help':
      case '-h':
        throw new Error(usage)
      default:
        throw new Error(`Unknown option "${flag}".\n${usage}`)
    }
  }
  return args
}
