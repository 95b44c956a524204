import type { DataSource } from 'typeorm'
import { type MigrationFile, migrationFilesIn } from '../source/migration-files'
import { type CheckFinding, shownPath } from '../hazards/check-finding'
import { migrationNameOf } from '../source/migration-name'

const timestamped = /\d{13}$/

/**
 * setAsideUnrunnable finds the files of `migrationsDir` (and its `subfolders`, see migrationFilesIn) TypeORM's runner would not apply on a fresh database
 * (a class name without a 13-digit timestamp, two files with one name, a file the DataSource's `migrations`
 * do not load) and takes the first two kinds out of the connected `dataSource`, where they would stop every
 * migration from running.
 */
export function setAsideUnrunnable(dataSource: DataSource, migrationsDir: string, subfolders: boolean): CheckFinding[] {
  const files = migrationFilesIn(migrationsDir, subfolders)
  const loaded = new Set(dataSource.migrations.map(migrationNameOf))
  const findings: CheckFinding[] = []
  for (const file of files) {
    if (!/\bclass\s+[\w$]/.test(file.source)) {
      findings.push({
        code: 'MIGRATION_NOT_RUN', file: shownPath(file.file),
        message: `${shownPath(file.file)} holds no migration class (\`export class <Name><timestamp> implements MigrationInterface\`), so it never runs: write one in it, or move it out of the migrations folder`,
      })
    } else if (file.name === undefined || !loaded.has(file.name)) {
      findings.push({
        code: 'MIGRATION_NOT_RUN', file: shownPath(file.file),
        message: `${shownPath(file.file)} is not loaded by the DataSource's \`migrations\` option, so it never runs: make the option's glob match it, or move it out of the migrations folder`,
      })
    } else if (!timestamped.test(file.name)) {
      findings.push({
        code: 'MIGRATION_NOT_RUN', file: shownPath(file.file), line: lineOf(file.source, file.name),
        message: `migration ${file.name} has no 13-digit timestamp at the end of its class name, so TypeORM refuses to run any migration: name it <Name><timestamp>, e.g. ${file.name}${timestampOf(file)}`,
      })
    }
  }
  const byName = new Map<string, MigrationFile[]>()
  for (const file of files) if (file.name !== undefined) byName.set(file.name, [...(byName.get(file.name) ?? []), file])
  for (const [name, same] of byName) {
    if (same.length < 2) continue
    findings.push({
      code: 'MIGRATION_NOT_RUN', file: shownPath(same[1]!.file), line: lineOf(same[1]!.source, name),
      message: `${same.map((f) => shownPath(f.file)).join(' and ')} both hold migration ${name}, so TypeORM refuses to run any migration: rename one (class name and file) with a newer timestamp`,
    })
  }
  const refused = new Set([...byName].filter(([name, same]) => same.length > 1 || !timestamped.test(name)).map(([name]) => name))
  const runnable = dataSource.migrations.filter((m) => timestamped.test(migrationNameOf(m)) && !refused.has(migrationNameOf(m)))
  if (runnable.length < dataSource.migrations.length) Object.assign(dataSource, { migrations: runnable })
  return findings
}

function lineOf(source: string, name: string): number | undefined {
  const at = source.search(new RegExp(`\\bclass\\s+${name}\\b|['"]${name}['"]`))
  return at < 0 ? undefined : source.slice(0, at).split('\n').length
}

function timestampOf(file: MigrationFile): string {
  return /^(\d{13})-/.exec(file.fileName)?.[1] ?? String(Date.now())
}
