import { handMigrationsProject } from '../support/hand-migrations-project'
import { afterDatabaseLine } from '../support/run-cli'
import { bothDialects } from '../support/test-database'

// A migration whose class says `transaction = false` (a hand-written `CREATE INDEX CONCURRENTLY`, here a
// VACUUM, which neither PostgreSQL nor SQLite runs inside a transaction) is applied by TypeORM's runner
// without one, but its undoLastMigration reads only the DataSource's mode: downgrade wrapped its `down` in a
// transaction, which failed every time, and downgrade --sql wrote that transaction into the script (found by a
// workflow test).

const vacuum = `
import { MigrationInterface, QueryRunner } from 'typeorm'
export class Vacuum1700000001000 implements MigrationInterface {
  transaction = false
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE tidy (id integer PRIMARY KEY)')
    await queryRunner.query('VACUUM')
  }
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE tidy')
    await queryRunner.query('VACUUM')
  }
}
`

describe.each(bothDialects('revertnotx'))('on %s', (_label, createDatabase) => {
  const cli = handMigrationsProject(createDatabase, ['tidy'], { 'migrations/1700000001000-Vacuum.ts': vacuum })

  it('downgrade reverts it without a transaction, and downgrade --sql writes none around it', async () => {
    expect((await cli('upgrade', '--quiet')).code).toBe(0)
    const script = await cli('downgrade', '--sql')
    expect(script.code).toBe(0)
    const part = script.stdout.slice(script.stdout.indexOf('-- Vacuum1700000001000: down'))
    expect(part).not.toMatch(/BEGIN|START TRANSACTION|COMMIT/)
    expect(part).toContain('VACUUM')
    const run = await cli('downgrade')
    expect(afterDatabaseLine(run.stderr)).toBe('')
    expect(afterDatabaseLine(run.stdout)).toMatch(/^Reverted Vacuum1700000001000 \(\d+\.\d s\)\n$/)
    expect(run.code).toBe(0)
    expect(afterDatabaseLine((await cli('status')).stdout)).toBe('[pending] Vacuum1700000001000\n')
  })

  it('check --from-migrations reverts it on the scratch database as downgrade does', async () => {
    expect((await cli('hash')).code).toBe(0)
    const run = await cli('check', '--from-migrations')
    expect(run.stderr).not.toContain('DOWN_FAILED')
    expect(run.code).toBe(0)
  })
})
