import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { UserError } from '../source/user-error'
import { holdSignals } from './signals-held'

/** FileToWrite is a file for writeAllWhole: a new one (a migration), or one it may replace (`replace`). */
export interface FileToWrite {
  readonly fileName: string
  readonly source: string
  /** Replace a file of that name (the snapshot, autogen.sum); without it, an existing file stops the write. */
  readonly replace?: boolean
}

/**
 * writeWhole writes `source` as `dir/fileName` whole or not at all (a temporary file moved into place), and
 * returns the file's path. An existing file of that name is replaced only with `replace` (the snapshot);
 * otherwise (a migration) it is kept and writeWhole throws. Failing, it throws a UserError.
 */
export function writeWhole(dir: string, fileName: string, source: string, options: { readonly replace?: boolean } = {}): string {
  return writeAllWhole(dir, [{ fileName, source, ...options }])[0]!
}

/**
 * writeAllWhole writes every file all or none, and returns their paths. Every file is first written as a
 * temporary file beside its place (one a killed run left there is removed first); then the new files are
 * linked into place (a link, unlike a rename, fails when the name is taken, so no migration is ever
 * replaced), and last the replacing ones are renamed over theirs, each old file kept aside under a second
 * link until all are in place. Failing at any step, it puts back what it replaced, removes what it wrote and
 * throws a UserError: the folder is as it was. A SIGINT, SIGTERM or SIGHUP meanwhile waits until it is done (see
 * holdSignals): killed halfway, it would leave a migration autogen.sum does not list, or a `.partial` file.
 */
export function writeAllWhole(dir: string, files: readonly FileToWrite[]): string[] {
  const release = holdSignals()
  try {
    return writeAllOrNone(dir, files)
  } finally {
    release()
  }
}

function writeAllOrNone(dir: string, files: readonly FileToWrite[]): string[] {
  const temporaries = files.map((f) => join(dir, `.${f.fileName}.partial`))
  const placed: string[] = []
  const replaced: { readonly file: string; readonly kept: string | undefined }[] = []
  let current = files[0]
  try {
    mkdirSync(dir, { recursive: true })
    files.forEach((f, i) => {
      current = f
      removeQuietly(temporaries[i]!)
      writeFileSync(temporaries[i]!, f.source, { flag: 'wx' })
    })
    const order = [...files.keys()].sort((a, b) => Number(files[a]!.replace === true) - Number(files[b]!.replace === true))
    for (const i of order) {
      current = files[i]!
      const file = join(dir, current.fileName)
      if (current.replace === true) {
        replaced.push({ file, kept: keptAside(file) })
        renameSync(temporaries[i]!, file)
      } else {
        linkSync(temporaries[i]!, file)
        placed.push(file)
        removeQuietly(temporaries[i]!)
      }
    }
    for (const { kept } of replaced) if (kept !== undefined) removeQuietly(kept)
    return files.map((f) => join(dir, f.fileName))
  } catch (err) {
    putBack(replaced)
    for (const file of [...temporaries, ...placed]) removeQuietly(file)
    // The temporary files are written with 'wx' too, after removing any left there: only a link finds a migration.
    throw writeFailure(err, current?.fileName ?? '', dir, (err as NodeJS.ErrnoException).syscall === 'link')
  }
}

/** keptAside links `file` under a second name until the write is done, and returns it; undefined where there is no such file. */
function keptAside(file: string): string | undefined {
  const kept = join(dirname(file), `.${basename(file)}.previous`)
  removeQuietly(kept)
  try {
    linkSync(file, kept)
    return kept
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
}

/** putBack renames each replaced file's old version back into place, and removes a file that had none. */
function putBack(replaced: readonly { readonly file: string; readonly kept: string | undefined }[]): void {
  for (const { file, kept } of [...replaced].reverse()) {
    try {
      if (kept === undefined) removeQuietly(file)
      else renameSync(kept, file)
    } catch {
      // Left as it is: the error thrown names the file that could not be written.
    }
  }
}

/** removeQuietly removes a file, ignoring that it is not there. */
export function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {
    // Nothing was written there, or the folder is not one: there is nothing to clean up.
  }
}

/**
 * writeFailure is the error of a failed write of the migration `fileName` into `dir`: one of that name there already
 * (EEXIST, where `taken` says the write would have replaced a file), or the system's reason.
 */
export function writeFailure(err: unknown, fileName: string, dir: string, taken: boolean): UserError {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'EEXIST' && taken) {
    return new UserError(`${fileName} already exists in ${dir}: generate never replaces a migration; pick another --timestamp or name`, { cause: err })
  }
  return new UserError(`cannot write ${fileName} into the migrations folder ${dir} (${code ?? (err as Error).message}): make it writable or set autogen.migrationsDir`, { cause: err })
}
