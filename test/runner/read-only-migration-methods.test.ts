import { handMigrationsProject } from '../support/hand-migrations-project'
import { afterDatabaseLine } from '../support/run-cli'
import { allDialects } from '../support/test-database'

// OhMyForm's migrations extend a base class whose `up` and `down` a `@final` decorator makes read-only
// (`descriptor.writable = false`); TypeORM's runner only calls them, but upgrade and downgrade stopped before
// running any: "Cannot assign to read only property 'up'", where the runner wrapped them by assignment.

const finalMigration = `
import { MigrationInterface, QueryRunner } from 'typeorm'

function final(target: object, key: string | symbol, descriptor: PropertyDescriptor) {
  descriptor.writable = false
}

abstract class FinalMigration implements MigrationInterface {
  abstract realUp(queryRunner: QueryRunner): Promise<void>
  abstract realDown(queryRunner: QueryRunner): Promise<void>

  @final
  async up(queryRunner: QueryRunner): Promise<void> {
    await this.realUp(queryRunner)
  }

  @final
  async down(queryRunner: QueryRunner): Promise<void> {
    await this.realDown(queryRunner)
  }
}

export class AddShelf1700000001000 extends FinalMigration {
  async realUp(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE shelf (id integer PRIMARY KEY)')
  }
  async realDown(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE shelf')
  }
}
`

describe.each(allDialects('finalmethods'))('on %s', (_label, createDatabase) => {
  const cli = handMigrationsProject(createDatabase, ['shelf'], {
    'migrations/1700000001000-AddShelf.ts': finalMigration,
    // As OhMyForm's: a legacy decorator is given the method's descriptor, which it makes read-only.
    'tsconfig.json': JSON.stringify({ compilerOptions: { experimentalDecorators: true, emitDecoratorMetadata: true } }),
  })

  it('upgrade and downgrade run a migration whose up and down are read-only', async () => {
    const up = await cli('upgrade')
    expect(afterDatabaseLine(up.stderr)).toBe('')
    expect(afterDatabaseLine(up.stdout)).toMatch(/^(creating new SQLite database .*\n)?Applied AddShelf1700000001000 \(\d+\.\d s\)\n$/)
    expect(up.code).toBe(0)
    const down = await cli('downgrade')
    expect(afterDatabaseLine(down.stdout)).toMatch(/^Reverted AddShelf1700000001000 \(\d+\.\d s\)\n$/)
    expect(down.code).toBe(0)
    expect(afterDatabaseLine((await cli('status')).stdout)).toBe('[pending] AddShelf1700000001000\n')
  })
})
