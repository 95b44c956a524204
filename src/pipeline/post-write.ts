import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { delimiter, dirname, join } from 'node:path'
import type { AutogenSettings } from '../source/autogen-settings'
import { UserError } from '../source/user-error'
import { holdSignals } from './signals-held'
import { type FileToWrite, writeFailure } from './write-whole'

/**
 * postWrite runs the commands of `autogen.postWrite` (a formatter, such as `prettier --write`, as Alembic's
 * post_write_hooks run black) over the migration files about to be written into `dir`, and returns them as the
 * commands left them, for autogen.sum to record what the folder will hold: a formatter run later, in a commit
 * hook, would otherwise make every new migration MIGRATION_CHANGED. Each file is put at its own path for the
 * commands, which find the configuration and ignore files of that path, and removed after: writeAllWhole
 * places them, all or none. A command that fails stops it, writing nothing; so does a signal (see holdSignals),
 * once the files are removed.
 */
export function postWrite<File extends FileToWrite>(settings: AutogenSettings, dir: string, files: readonly File[]): File[] {
  const commands = settings.postWrite ?? []
  if (commands.length === 0 || files.length === 0) return [...files]
  const paths = files.map((f) => join(dir, f.fileName))
  const made: string[] = []
  const madeFolder = !existsSync(dir)
  const release = holdSignals()
  try {
    if (madeFolder) mkdirSync(dir, { recursive: true })
    files.forEach((f, i) => {
      try {
        writeFileSync(paths[i]!, f.source, { flag: 'wx' })
      } catch (err) {
        throw writeFailure(err, f.fileName, dir, true)
      }
      made.push(paths[i]!)
    })
    for (const command of commands) runCommand(command, paths)
    return files.map((f, i) => ({ ...f, source: readBack(paths[i]!, f.fileName) }))
  } finally {
    for (const path of made) rmSync(path, { force: true })
    if (madeFolder) removeFolderQuietly(dir)
    release()
  }
}

function runCommand(command: string, paths: readonly string[]): void {
  const files = paths.map(shellQuoted).join(' ')
  // Alembic's exec hook names the file with a token: `eslint --fix {files} || true` keeps the files before `||`.
  const line = command.includes('{files}') ? command.replaceAll('{files}', files) : `${command} ${files}`
  const run = spawnSync(line, {
    shell: true,
    encoding: 'utf8',
    env: { ...process.env, PATH: withPackageBinaries(process.env.PATH ?? '') },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (run.error !== undefined || run.status !== 0) {
    const said = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((line) => line.trim()).find((line) => line !== '')
    const how = run.error !== undefined ? run.error.message : run.status === null ? `killed by ${run.signal}` : `exit ${run.status}`
    throw new UserError(`autogen.postWrite \`${command}\` failed (${how}${said === undefined ? '' : `: ${said}`}): fix the command, or remove it from autogen.postWrite; no file was written`)
  }
}

/** removeFolderQuietly removes the folder made for the commands, when they left nothing in it. */
function removeFolderQuietly(dir: string): void {
  try {
    rmdirSync(dir)
  } catch {
    // not empty: the commands wrote there; left as it is
  }
}

function readBack(path: string, fileName: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    throw new UserError(`autogen.postWrite removed or moved ${fileName}: a command there must change the files it is given in place; no file was written`)
  }
}

/** withPackageBinaries puts the node_modules/.bin of the current folder and each one above it first, as npm's scripts have them. */
function withPackageBinaries(path: string): string {
  const folders: string[] = []
  for (let folder = process.cwd(); ; folder = dirname(folder)) {
    folders.push(join(folder, 'node_modules', '.bin'))
    if (dirname(folder) === folder) break
  }
  return [...folders, path].filter(Boolean).join(delimiter)
}

function shellQuoted(path: string): string {
  return process.platform === 'win32' ? `"${path}"` : `'${path.replace(/'/g, `'\\''`)}'`
}
