// A data dir DropDesk cannot write to used to surface as "ENOENT … mkdir" or SQLite's "unable
// to open database file". Before anything opens, this check names the folder, says whether it
// is read-only, not writable by this user, not a folder or out of space, and what to do.
import { accessSync, closeSync, constants, existsSync, fsyncSync, mkdirSync, openSync, statSync, unlinkSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ensureDataDir } from '../store/data-dir'

export class DataDirError extends Error {
  override name = 'DataDirError'
}

function who(): string {
  try {
    const u = os.userInfo()
    return `the user ${u.username} (uid ${u.uid})`
  } catch {
    return 'this user'
  }
}

/** The nearest existing ancestor of `dir` (the folder a mkdir would write into). */
function existingAncestor(dir: string): string {
  let d = dir
  while (!existsSync(d) && path.dirname(d) !== d) d = path.dirname(d)
  return d
}

function explain(dir: string, target: string, e: NodeJS.ErrnoException, doing: string): DataDirError {
  const fix = `Choose another folder with --data-dir (or DROPDESK_DATA_DIR), or`
  switch (e.code) {
    case 'EROFS':
      return new DataDirError(`The data dir ${dir} is on a read-only file system (${doing} ${target} failed: EROFS). ${fix} remount that disk read-write.`)
    case 'EACCES':
    case 'EPERM':
      return new DataDirError(`The data dir ${dir} is not writable by ${who()} (${doing} ${target} failed: ${e.code}). ${fix} give this user write access: chown -R ${os.userInfo().username} ${target}`)
    case 'ENOTDIR':
    case 'EEXIST':
      return new DataDirError(`The data dir ${dir} is not a folder: ${target} is a file (${e.code}). ${fix} move that file away.`)
    case 'ENOSPC':
    case 'EDQUOT':
      return new DataDirError(`The data dir ${dir} has no space left (${e.code}). Free some space on that disk, or choose another folder with --data-dir.`)
    default:
      return new DataDirError(`The data dir ${dir} cannot be used: ${doing} ${target} failed (${e.code ?? e.message}). ${fix} check that disk.`)
  }
}

/**
 * Node's recursive mkdir reports ENOENT for a read-only parent; one plain mkdir of the first
 * missing folder gives the real reason (EROFS, EACCES…).
 */
function trueMkdirError(dir: string, e: NodeJS.ErrnoException): NodeJS.ErrnoException {
  if (e.code !== 'ENOENT') return e
  const ancestor = existingAncestor(dir)
  const next = path.join(ancestor, path.relative(ancestor, dir).split(path.sep)[0]!)
  try {
    mkdirSync(next)
  } catch (again) {
    return again as NodeJS.ErrnoException
  }
  return e
}

/** Throws a DataDirError saying what is wrong with `dir` and what to do; creates it when missing. */
export function checkDataDir(dir: string, dbFile?: string): void {
  try {
    // Durably: a data dir whose name a power cut drops is a brand-new kiosk at the next start.
    ensureDataDir(dir)
  } catch (e) {
    throw explain(dir, existingAncestor(dir), trueMkdirError(dir, e as NodeJS.ErrnoException), 'creating the folder in')
  }
  if (!statSync(dir).isDirectory()) throw explain(dir, dir, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), 'using')
  // access() says "writable" on a read-only mount for root: a real write is the only true test.
  const probe = path.join(dir, `.dropdesk-write-check-${process.pid}`)
  try {
    const fd = openSync(probe, 'w', 0o600)
    try {
      writeSync(fd, 'ok')
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    unlinkSync(probe)
  } catch (e) {
    throw explain(dir, dir, e as NodeJS.ErrnoException, 'writing a file in')
  }
  if (dbFile && existsSync(dbFile)) {
    try {
      accessSync(dbFile, constants.R_OK | constants.W_OK)
    } catch (e) {
      throw explain(dir, dbFile, e as NodeJS.ErrnoException, 'opening the database')
    }
  }
}
