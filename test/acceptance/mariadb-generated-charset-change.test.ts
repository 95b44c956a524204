import { Column, Entity, PrimaryColumn } from 'typeorm'
import { expectCleanCycle, migratedDatabase } from '../support/migration-cycle'
import { createMariaDbDatabase } from '../support/test-database'

// MariaDB stores a generated column's expression with `convert(<column> using <charset>)` around a column whose
// charset differs from the expression's, and wraps it again when a migration changes the charset of a column it
// reads: `concat(name,'-',convert(code using utf8mb3))` became `concat(name,'-',convert(convert(code using utf8mb3)
// using utf8mb4))` once `name` was made utf8mb4, and `check` asked, right after that migration (and after its
// down), to write the expression again. Found on an APITable-style table (a label made of a name and an ascii code).

function labelEntity(charset: 'utf8mb3' | 'utf8mb4'): new () => object {
  @Entity('sku')
  class Sku {
    @PrimaryColumn('int') id: number
    @Column({ type: 'varchar', length: 100, charset, collation: `${charset}_unicode_ci` }) name: string
    @Column({ type: 'char', length: 8, charset: 'ascii', collation: 'ascii_bin' }) code: string
    @Column({ type: 'varchar', length: 120, asExpression: "concat(`name`, '-', `code`)", generatedType: 'VIRTUAL', nullable: true }) label: string
  }
  return Sku
}

const [Narrow, Wide] = [labelEntity('utf8mb3'), labelEntity('utf8mb4')]

describe('MariaDB: a generated column reading a column whose charset changes', () => {
  const db = migratedDatabase(() => createMariaDbDatabase('generated_charset'), [Narrow], "INSERT INTO sku (id, name, code) VALUES (1, 'Tee', 'T1'), (2, 'Mug', 'M2')")

  it('finds no change after the migration, nor after its down', async () => {
    const { rowsAfter } = await expectCleanCycle(db(), [Narrow], [Wide], 'WideName', 'SELECT id, name, code, label FROM sku ORDER BY id')
    expect(rowsAfter).toEqual([{ id: 1, name: 'Tee', code: 'T1', label: 'Tee-T1' }, { id: 2, name: 'Mug', code: 'M2', label: 'Mug-M2' }])
  })
})
