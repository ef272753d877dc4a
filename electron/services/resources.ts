// Finds the app's resources/ folder: beside the sources in development and tests, two levels
// above the bundle when built (out/main), or where DROPDESK_RESOURCES points (packaged app).
import { existsSync } from 'node:fs'
import path from 'node:path'

let cached: string | undefined

export function resourcesDir(): string {
  if (cached) return cached
  const fromEnv = process.env.DROPDESK_RESOURCES
  if (fromEnv && existsSync(fromEnv)) return (cached = fromEnv)
  let dir = __dirname
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'resources')
    if (existsSync(path.join(candidate, 'demo', 'manifest.jsonl'))) return (cached = candidate)
    dir = path.dirname(dir)
  }
  throw new Error('DropDesk resources/ folder not found; set DROPDESK_RESOURCES to its path.')
}
