// Where the kiosk keeps its data: `--data-dir <dir>` (or `--data-dir=<dir>`) on the command
// line, else DROPDESK_DATA_DIR, else a `data` folder in Electron's per-user directory. The same
// flag as browser mode (`npm run serve -- --data-dir ./data`), so one data folder serves both.
import path from 'node:path'

export function argValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === flag) return argv[i + 1]
    if (arg?.startsWith(`${flag}=`)) return arg.slice(flag.length + 1)
  }
  return undefined
}

export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): string {
  const chosen = argValue(argv, '--data-dir') || env.DROPDESK_DATA_DIR
  return chosen ? path.resolve(chosen) : path.join(userDataDir, 'data')
}
