// Files the kiosk must find again after a power cut. fsync on a file makes its bytes durable,
// not its name: the name lives in the directory, which needs its own fsync (and so does every
// directory created on the way). Journalling filesystems often hide a missing directory fsync;
// POSIX does not promise it, so every write here fsyncs the file, then each directory whose new
// entry it depends on, before anything that refers to it is committed. Rule: store/README.md.
import { randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import path from 'node:path'

/** Makes a directory's entries (created, renamed, removed names) durable. */
export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals its metadata itself.
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

function isInside(dir: string, root: string): boolean {
  const rel = path.relative(root, dir)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}

/**
 * Creates `dir` (and missing parents) and makes every newly created entry durable: the parent
 * of each created folder is fsynced, down from the first one mkdir created. `upTo` bounds the
 * walk (the data dir): folders above it are not the kiosk's to sync, except when the data dir
 * itself was created (then its parent chain is synced too; see data-dir.ts).
 */
export function mkdirDurable(dir: string, upTo: string, mode?: number): void {
  const first = mkdirSync(dir, { recursive: true, ...(mode === undefined ? {} : { mode }) })
  if (first === undefined) return // nothing new
  const target = path.resolve(dir)
  const top = path.resolve(upTo)
  // The folders created are `first` and every folder between it and `dir`; each one's entry
  // lives in its parent. Sync the deepest first so no parent names a folder not yet synced.
  const created: string[] = []
  for (let d = target; ; d = path.dirname(d)) {
    created.push(d)
    if (d === path.resolve(first) || d === path.dirname(d)) break
  }
  for (const d of created) {
    const parent = path.dirname(d)
    if (isInside(parent, top) || isInside(top, d)) fsyncDir(parent)
  }
}

/** Writes `bytes` to a new temporary file beside `file` and fsyncs it; its path. */
function writeTempBeside(file: string, bytes: Buffer | string, mode: number): string {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', mode)
  try {
    writeSync(fd, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes)
    fsyncSync(fd)
  } catch (e) {
    closeSync(fd)
    unlinkSync(temp)
    throw e
  }
  closeSync(fd)
  return temp
}

/**
 * Writes `bytes` to `file` so that after a power cut the file is either absent or whole:
 * a temporary file is written and fsynced, renamed into place, then the folder is fsynced.
 * The folder is created durably if needed (within `upTo`, default the file's folder).
 */
export function writeFileDurable(file: string, bytes: Buffer | string, options: { mode?: number; upTo?: string } = {}): void {
  const dir = path.dirname(file)
  mkdirDurable(dir, options.upTo ?? dir, 0o700)
  renameSync(writeTempBeside(file, bytes, options.mode ?? 0o600), file)
  fsyncDir(dir)
}

/** Errors of a filesystem without hard links: the name is then given by rename(). */
const NO_LINKS = new Set(['ENOSYS', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV'])

/**
 * Creates `file` with `bytes` only if it does not exist yet (never overwrites: a key that
 * appeared meanwhile wins). Returns false when it already existed. The bytes go to a temporary
 * file first, fsynced, then get their name: creating the file in place would let a crash between
 * the create and the write leave an empty key that later starts take for the real one. The name
 * is given by link(), which fails if the name exists (the atomic "create once"); where links are
 * not supported, by rename() after checking the name is free (one process owns a data dir).
 */
export function createFileOnceDurable(file: string, bytes: Buffer | string, options: { mode?: number; upTo?: string } = {}): boolean {
  const dir = path.dirname(file)
  mkdirDurable(dir, options.upTo ?? dir, 0o700)
  if (existsSync(file)) return false
  const temp = writeTempBeside(file, bytes, options.mode ?? 0o600)
  let created: boolean
  try {
    linkSync(temp, file)
    created = true
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? ''
    if (code !== 'EEXIST' && !NO_LINKS.has(code)) {
      unlinkSync(temp)
      throw e
    }
    created = code !== 'EEXIST' && !existsSync(file)
    if (created) renameSync(temp, file)
  }
  if (existsSync(temp)) unlinkSync(temp)
  fsyncDir(dir)
  return created
}
