import { linkSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../source/user-error'

/**
 * writeWhole writes `source` as `dir/fileName` whole or not at all (a temporary file moved into place), and
 * returns the file's path. An existing file of that name is replaced only with `replace` (the snapshot);
 * otherwise (a migration) it is kept and writeWhole throws. Failing, it throws a UserError.
 */
export function writeWhole(dir: string, fileName: string, source: string, options: { readonly replace?: boolean } = {}): string {
  const file = join(dir, fileName)
  const temporary = join(dir, `.${fileName}.partial`)
  let placing = false
  try {
    mkdirSync(dir, { recursive: true })
    writeFileSync(temporary, source, { flag: 'wx' })
    placing = true
    if (options.replace === true) renameSync(temporary, file)
    else {
      // A hard link, unlike a rename, fails when the name is taken, so nothing is ever replaced.
      linkSync(temporary, file)
      removeQuietly(temporary)
    }
    return file
  } catch (err) {
    removeQuietly(temporary)
    if (placing && (err as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${fileName} already exists in ${dir}: generate never replaces a migration; pick another --timestamp or name`, { cause: err })
    }
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new UserError(
      `cannot write ${fileName} into the migrations folder ${dir} (${reason}): make it writable or set autogen.migrationsDir`,
      { cause: err },
    )
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

/** writeAllWhole writes every file with writeWhole, all or none: failing, it removes those it wrote, and throws. */
export function writeAllWhole(dir: string, files: readonly { readonly fileName: string; readonly source: string }[]): string[] {
  const written: string[] = []
  try {
    for (const file of files) written.push(writeWhole(dir, file.fileName, file.source))
    return written
  } catch (err) {
    for (const file of written) removeQuietly(file)
    throw err
  }
}
