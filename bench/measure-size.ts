import type { BenchDialect } from './bench-dialects'
import { applyEdits, createDatabase, dropDatabase, writeBenchProject } from './bench-project'
import type { ChildResult, ChildTaskKind } from './child-protocol'
import { runInChild } from './child-runner'
import { type StepStats, stepStats } from './step-stats'

/** SizeMeasurement is everything measured for one dialect at one number of entities. */
export interface SizeMeasurement {
  readonly dialect: BenchDialect
  readonly size: number
  readonly runs: number
  /** TypeORM's `synchronize()` creating the schema (setup, one run). */
  readonly setupMs: number
  readonly load: StepStats
  readonly ours: StepStats
  readonly typeorm: StepStats
  readonly editedFiles: number
  readonly oursAfterEdits: StepStats
  readonly typeormAfterEdits: StepStats
  /** The first up queries TypeORM found on the in-sync database, when it found any. */
  readonly typeormInSyncSample: readonly string[]
}

/** InSyncDiffError is our check finding changes on a database TypeORM just synchronized: a bug in our pipeline. */
export class InSyncDiffError extends Error {}

/** measureSize generates the project, creates its schema, times every step and drops the database. */
export async function measureSize(
  dialect: BenchDialect,
  size: number,
  runs: number,
  log: (line: string) => void,
): Promise<SizeMeasurement> {
  const project = writeBenchProject(dialect, size)
  const step = async (kind: ChildTaskKind): Promise<ChildResult> => {
    const result = await runInChild({ kind, configPath: project.configPath })
    if (result.entities !== size) throw new Error(`bench: the ${kind} step saw ${result.entities} entities, expected ${size}`)
    const changes = result.changes === undefined ? '' : `, ${result.changes} changes`
    log(`  ${kind}: ${result.ms.toFixed(0)} ms (load ${result.loadMs.toFixed(0)} ms)${changes}, peak RSS ${(result.maxRssKb / 1024).toFixed(0)} MB`)
    if (result.changes) log(`    ${JSON.stringify(result.changeKinds)}`)
    return result
  }
  await createDatabase(project)
  // Ctrl-C reaches the children too; drop the database before leaving.
  const onInterrupt = () => void dropDatabase(project).finally(() => process.exit(130))
  process.once('SIGINT', onInterrupt)
  try {
    log(`${dialect} ${size}: creating the schema with TypeORM's synchronize() in ${project.database}`)
    const setup = await step('setup')
    const inSync = { load: [] as ChildResult[], ours: [] as ChildResult[], typeorm: [] as ChildResult[] }
    for (let run = 0; run < runs; run++) {
      log(`${dialect} ${size}: in-sync run ${run + 1}/${runs}`)
      inSync.load.push(await step('load'))
      const ours = await step('ours')
      if (ours.changes !== 0) {
        throw new InSyncDiffError(
          `our check found ${ours.changes} operations on the in-sync ${dialect} database of ${size} entities ` +
            `(${project.dir}); the first operations and statements:\n${ours.sample.join('\n')}`,
        )
      }
      inSync.ours.push(ours)
      inSync.typeorm.push(await step('typeorm'))
    }
    const editedFiles = applyEdits(project)
    const edited = { ours: [] as ChildResult[], typeorm: [] as ChildResult[] }
    for (let run = 0; run < runs; run++) {
      log(`${dialect} ${size}: after-edits run ${run + 1}/${runs}`)
      edited.ours.push(await step('ours'))
      edited.typeorm.push(await step('typeorm'))
    }
    return {
      dialect,
      size,
      runs,
      setupMs: setup.ms,
      load: stepStats(inSync.load),
      ours: stepStats(inSync.ours),
      typeorm: stepStats(inSync.typeorm),
      editedFiles,
      oursAfterEdits: stepStats(edited.ours),
      typeormAfterEdits: stepStats(edited.typeorm),
      typeormInSyncSample: inSync.typeorm[0].sample,
    }
  } finally {
    process.off('SIGINT', onInterrupt)
    await dropDatabase(project)
  }
}
