import { performance } from 'node:perf_hooks'
import type { DataSource } from 'typeorm'
import type { ChildResult, ChildTask } from './child-protocol'
import { ourCompareProject, ourLoadProject } from './our-api'

const sampleSize = 5

/**
 * runChildTask runs one benchmark step in this (fresh) process. Every step first loads the config and the
 * entity files through our TypeScript loader (the "load"), so loading files is never what a check is timed on.
 */
export async function runChildTask(task: ChildTask): Promise<ChildResult> {
  const loadProject = ourLoadProject()
  const compareProject = task.kind === 'ours' ? ourCompareProject() : undefined
  require('typeorm')
  // TypeORM's PostgreSQL driver trips pg's "client is already executing a query" deprecation; it is not ours.
  if (task.kind === 'typeorm' || task.kind === 'setup') process.noDeprecation = true

  const loadStart = performance.now()
  const project = await loadProject(task.configPath)
  const loaded = await importEntityFiles(project.dataSource)
  const loadMs = performance.now() - loadStart

  switch (task.kind) {
    case 'load':
      return { kind: task.kind, loadMs, ms: loadMs, entities: loaded, sample: [], maxRssKb: maxRssKb() }
    case 'ours': {
      const metadata = timeMetadataBuilds(project.dataSource)
      const start = performance.now()
      const comparison = await compareProject!(project)
      const ms = performance.now() - start
      const sample = comparison.up.slice(0, sampleSize).map((op) => truncate(JSON.stringify(op), 600))
      const sql = comparison.upStatements.slice(0, sampleSize).map((s) => truncate(s.sql, 300))
      return {
        kind: task.kind,
        loadMs,
        ms,
        metadataMs: metadata.ms,
        entities: project.dataSource.entityMetadatas.length,
        changes: comparison.up.length,
        statements: comparison.upStatements.length,
        changeKinds: countBy(comparison.up.map((op) => op.kind)),
        catalogQueries: comparison.queryCount,
        sample: [...sample, ...sql],
        maxRssKb: maxRssKb(),
      }
    }
    case 'typeorm':
      return withInitialized(project.dataSource, async (initializeMs) => {
        const start = performance.now()
        const sql = await project.dataSource.driver.createSchemaBuilder().log()
        const ms = performance.now() - start
        return {
          kind: task.kind,
          loadMs,
          ms,
          initializeMs,
          entities: project.dataSource.entityMetadatas.length,
          changes: sql.upQueries.length,
          changeKinds: countBy(sql.upQueries.map((q) => statementShape(q.query))),
          sample: sql.upQueries.slice(0, sampleSize).map((q) => truncate(q.query, 300)),
          maxRssKb: maxRssKb(),
        }
      })
    case 'setup':
      return withInitialized(project.dataSource, async (initializeMs) => {
        const start = performance.now()
        await project.dataSource.synchronize()
        const ms = performance.now() - start
        const entities = project.dataSource.entityMetadatas.length
        return { kind: task.kind, loadMs, ms, initializeMs, entities, sample: [], maxRssKb: maxRssKb() }
      })
  }
}

/**
 * importEntityFiles loads the entity files named by the DataSource's globs, as TypeORM's metadata builder
 * would (same glob expansion, `require` through our loader), without building metadata; returns the classes found.
 */
async function importEntityFiles(dataSource: DataSource): Promise<number> {
  const { importClassesFromDirectories } = require('typeorm/util/DirectoryExportedClassesLoader') as {
    importClassesFromDirectories(logger: unknown, globs: string[]): Promise<unknown[]>
  }
  const globs = (Array.isArray(dataSource.options.entities) ? dataSource.options.entities : []).filter((e) => typeof e === 'string')
  return (await importClassesFromDirectories(dataSource.logger, globs as string[])).length
}

/** timeMetadataBuilds wraps the DataSource's buildMetadatas to add up the time TypeORM spends building metadata. */
function timeMetadataBuilds(dataSource: DataSource): { ms: number } {
  const total = { ms: 0 }
  const target = dataSource as unknown as { buildMetadatas(): Promise<void> }
  const build = target.buildMetadatas.bind(dataSource)
  target.buildMetadatas = async () => {
    const start = performance.now()
    try {
      await build()
    } finally {
      total.ms += performance.now() - start
    }
  }
  return total
}

async function withInitialized(dataSource: DataSource, work: (initializeMs: number) => Promise<ChildResult>): Promise<ChildResult> {
  const start = performance.now()
  await dataSource.initialize()
  const initializeMs = performance.now() - start
  try {
    return await work(initializeMs)
  } finally {
    await dataSource.destroy()
  }
}

/** statementShape is a statement's leading keywords with names blanked: `ALTER TABLE _ DROP COLUMN _`. */
export function statementShape(sql: string): string {
  const words = sql.replace(/"(?:[^"]|"")*"/g, '_').replace(/_(\._)+/g, '_').split('(')[0].trim().split(/\s+/)
  const shape: string[] = []
  for (const word of words) {
    if (shape.length > 0 && !/^([A-Z]+|_)$/.test(word)) break
    shape.push(word)
    if (shape.length === 8) break
  }
  return shape.join(' ')
}

function countBy(keys: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const key of [...keys].sort()) counts[key] = (counts[key] ?? 0) + 1
  return counts
}

function maxRssKb(): number {
  return process.resourceUsage().maxRSS
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}...`
}
