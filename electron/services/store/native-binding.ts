// Which better-sqlite3 binary this process loads. Node (browser mode, tools, tests) loads the
// one npm built in node_modules. The Electron main process started by `npm start` loads the
// Electron-ABI build that scripts/electron-native.mjs made in .native/… (DROPDESK_NATIVE_DIR);
// a packaged app carries its own rebuilt module (electron-builder) and needs neither.
import { existsSync } from 'node:fs'
import path from 'node:path'

export const SQLITE_BINDING = 'better_sqlite3.node'

export interface Runtime {
  electron?: string
  env: NodeJS.ProcessEnv
  packaged: boolean
}

export function currentRuntime(): Runtime {
  const electron = (process.versions as NodeJS.ProcessVersions & { electron?: string }).electron
  // A packaged Electron app runs from an asar archive; `npm start` runs the project folder.
  const packaged = Boolean(electron) && __dirname.includes(`${path.sep}app.asar${path.sep}`)
  return { electron, env: process.env, packaged }
}

/** The nativeBinding path for better-sqlite3, or undefined for its default; throws what to do. */
export function sqliteNativeBinding(rt: Runtime = currentRuntime(), exists: (p: string) => boolean = existsSync): string | undefined {
  if (!rt.electron || rt.packaged) return undefined
  const dir = rt.env.DROPDESK_NATIVE_DIR
  const file = dir ? path.join(dir, SQLITE_BINDING) : null
  if (file && exists(file)) return file
  throw new Error(
    `better-sqlite3 is not built for Electron ${rt.electron} here${file ? ` (${file} is missing)` : ''}: the copy in node_modules is built for Node and cannot load in Electron. ` +
      'Start the kiosk with npm start, which builds it once into .native/; or use browser mode: npm run serve -- --data-dir ./data --port 4780',
  )
}
