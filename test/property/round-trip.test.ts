import { appendFileSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { type TestDatabase, createMariaDbDatabase, createPostgresDatabase, createSqliteDatabase } from '../support/test-database'
import { fuzzCase } from './fuzz-arbitraries'
import { runRoundTrip } from './round-trip'
import { type FuzzCase, type FuzzDialect, otherSchema } from './schema-spec'

// `npm test` runs a few fixed-seed cases per dialect; `npm run fuzz -- --cases N` (test/property/fuzz-cli.js)
// sets FUZZ_CASES, FUZZ_SEED and FUZZ_REPORT, counts failures instead of stopping at the first, and reports.
const fuzzing = process.env.FUZZ_REPORT !== undefined
const cases = Number(process.env.FUZZ_CASES ?? 20)
const seed = Number(process.env.FUZZ_SEED ?? 20240601)
const dialects = (process.env.FUZZ_DIALECTS ?? 'sqlite,postgres,mariadb').split(',') as FuzzDialect[]

/** OnDatabase gives a case an empty database of its dialect. */
interface OnDatabase { fresh(): Promise<TestDatabase>; done(): Promise<void> }

function databasesFor(dialect: FuzzDialect): OnDatabase {
  if (dialect !== 'postgres') {
    const create = dialect === 'sqlite' ? createSqliteDatabase : () => createMariaDbDatabase('fuzz')
    let db: TestDatabase | undefined
    return {
      async fresh() { await db?.drop(); return (db = await create()) },
      async done() { await db?.drop() },
    }
  }
  let db: TestDatabase | undefined
  return {
    async fresh() {
      db ??= await createPostgresDatabase('fuzz')
      await db.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS "${otherSchema}" CASCADE`)
      return db
    },
    async done() { await db?.drop() },
  }
}

describe.each(dialects)('%s: random schema pairs round-trip', (dialect) => {
  const databases = databasesFor(dialect)
  afterAll(() => databases.done())
  const property = (onFailure?: (fuzz: FuzzCase, err: unknown) => void) =>
    fc.asyncProperty(fuzzCase(dialect), async (fuzz) => {
      try {
        await runRoundTrip(await databases.fresh(), fuzz)
      } catch (err) {
        if (onFailure === undefined) throw err
        onFailure(fuzz, err)
      }
    })

  it(`${fuzzing ? cases : 'a few'} cases: up applies and converges, rows survive, down restores A exactly`, async () => {
    if (!fuzzing) {
      await fc.assert(property(), { numRuns: cases, seed, endOnFailure: true })
      return
    }
    const report = process.env.FUZZ_REPORT!
    let failures = 0
    const started = Date.now()
    await fc.assert(property((fuzz, err) => {
      failures++
      appendFileSync(report, `${dialect} failure ${failures}: ${JSON.stringify(fuzz)}\n  ${String((err as Error).message ?? err).split('\n').slice(0, 60).join('\n  ')}\n`)
    }), { numRuns: cases, seed })
    const seconds = Math.round((Date.now() - started) / 1000)
    // typeorm 1.x exports no package.json; its index.js is beside it (under --typeorm, the older copy's).
    const typeorm = (JSON.parse(readFileSync(join(dirname(require.resolve('typeorm')), 'package.json'), 'utf8')) as { version: string }).version
    appendFileSync(report, `${dialect}: ${cases} cases, ${failures} failures (seed ${seed}, ${seconds} s, TypeORM ${typeorm})\n`)
  }, fuzzing ? 24 * 3600_000 : 600_000)
})
