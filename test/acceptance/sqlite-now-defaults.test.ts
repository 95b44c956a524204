import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import { runCliInProcess } from '../support/run-cli'
import { sqliteConfig, type TempProject, tempProject } from '../support/temp-project'

// A SQLite database made by hand (or by migrations written by hand) spells "now" as CURRENT_TIMESTAMP, where
// TypeORM writes datetime('now') for a CreateDateColumn: both give the same text, so neither is a change, and
// a changed default the other way round is none either.

const entity = `
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('event')
export class Event {
  @PrimaryGeneratedColumn() id: number
  @CreateDateColumn() createdAt: Date
  @Column({ type: 'date', default: () => "date('now')" }) day: string
  @Column({ type: 'varchar', default: () => 'CURRENT_TIME' }) at: string
  @Column({ type: 'varchar', default: () => "datetime('now', 'localtime')" }) local: string
}
`

let project: TempProject
beforeAll(() => {
  project = tempProject({
    'ormconfig.ts': sqliteConfig({ entities: "['entities/*.ts']" }),
    'entities/event.ts': entity,
  })
  mkdirSync(project.file('data'))
  const db = new Database(project.file('data/app.sqlite'))
  db.exec(`CREATE TABLE "event" (
    "id" integer PRIMARY KEY AUTOINCREMENT NOT NULL,
    "createdAt" datetime NOT NULL DEFAULT (CURRENT_TIMESTAMP),
    "day" date NOT NULL DEFAULT CURRENT_DATE,
    "at" varchar NOT NULL DEFAULT (time( 'now' )),
    "local" varchar NOT NULL DEFAULT (datetime('now'))
  )`)
  db.close()
})
afterAll(() => project.remove())

it('reads datetime, date and time of \'now\' as CURRENT_TIMESTAMP, CURRENT_DATE and CURRENT_TIME, and nothing else as them', async () => {
  const diff = await runCliInProcess(project.dir, ['diff', '--format', 'json'])
  const changed = (JSON.parse(diff.stdout) as { up: string[] }).up
  // Only the column whose default really differs (local time) is rebuilt.
  expect(changed.join('\n')).toContain(`"local" varchar NOT NULL DEFAULT (datetime('now', 'localtime'))`)
  // The others keep the database's own text through the rebuild.
  expect(changed.join('\n')).toContain(`"createdAt" datetime NOT NULL DEFAULT (CURRENT_TIMESTAMP)`)
  const text = await runCliInProcess(project.dir, ['diff'])
  expect(text.stdout).toContain('~ column "local"')
  expect(text.stdout).not.toMatch(/~ column "(createdAt|day|at)"/)
})
