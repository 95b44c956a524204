import { migrationNamesIn } from '../../src/source/migration-files'
import { runCliInProcess } from '../support/run-cli'
import { noteEntity, scratchProject } from '../support/scratch-project'
import type { TempProject } from '../support/temp-project'

// A migration's name is its class's `name` property where it declares one: `name = 'X'` in the class body,
// `this.name = 'X'` in compiled JavaScript. Text of its queries that reads alike (`WHERE name="ADMIN"`, as
// migrations seeding rows write) is no name: taken for one, it was a migration the database had not applied, and
// check after upgrade warned UNAPPLIED_MIGRATIONS and exited 1 (found on a real project).

/** migrationSource is a migration class as written by hand: no `name` property, each query a string literal. */
const migrationSource = (className: string, up: string, down: string) => `import { MigrationInterface, QueryRunner } from 'typeorm'

export class ${className} implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(${JSON.stringify(up)})
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(${JSON.stringify(down)})
  }
}
`
const init = migrationSource('Init1700000000000',
  'CREATE TABLE "note" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "text" varchar NOT NULL, "name" varchar NOT NULL)', 'DROP TABLE "note"')
const seed = migrationSource('seedNotes1700000001000', "INSERT INTO note (text, name) VALUES ('first', 'ADMIN')", "DELETE FROM note WHERE name='ADMIN'")

const compiledSeed = `"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RenameAdmin1700000002000 = void 0;
class RenameAdmin1700000002000 {
    constructor() {
        this.name = 'RenameAdmin1700000002000';
    }
    async up(queryRunner) {
        await queryRunner.query("UPDATE note SET name = 'OWNER' WHERE name = 'ADMIN'");
    }
    async down(queryRunner) {
        await queryRunner.query("UPDATE note SET name='ADMIN' WHERE name='OWNER'");
    }
}
exports.RenameAdmin1700000002000 = RenameAdmin1700000002000;
`

describe('migrations whose queries compare a name column', () => {
  let project: TempProject
  beforeAll(() => {
    project = scratchProject()
    project.write('note.ts', noteEntity('@Column() name: string'))
    project.write('migrations/1700000000000-Init.ts', init)
    project.write('migrations/1700000001000-seed_notes.ts', seed)
  })
  afterAll(() => project.remove())

  it('are known by their class names: after upgrade, check is clean', async () => {
    expect((await runCliInProcess(project.dir, ['upgrade'])).code).toBe(0)
    expect((await runCliInProcess(project.dir, ['hash'])).code).toBe(0)
    const check = await runCliInProcess(project.dir, ['check'])
    expect(check.stderr).toBe('')
    expect(check.stdout).not.toContain('UNAPPLIED_MIGRATIONS')
    expect(check.code).toBe(0)
  })

  it('a compiled migration is known by the name its constructor sets', async () => {
    project.write('migrations/1700000002000-RenameAdmin.js', compiledSeed)
    expect(migrationNamesIn(project.file('migrations'), false)).toEqual(['Init1700000000000', 'seedNotes1700000001000', 'RenameAdmin1700000002000'])
  })
})
