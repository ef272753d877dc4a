// The data dir may be created by DropDesk itself on first start. If its name (or a parent's,
// when several levels were created) is not durable, a power cut removes the whole folder and the
// next start is a brand-new kiosk with no error. So every folder created here has its parent
// fsynced, up the chain to the first folder that already existed.
import path from 'node:path'
import { mkdirDurable } from './durable-fs'

export function ensureDataDir(dataDir: string): void {
  const abs = path.resolve(dataDir)
  mkdirDurable(abs, path.parse(abs).root, 0o700)
}
