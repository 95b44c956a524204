import { Column, Entity, PrimaryColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { expectCleanCycle, migratedDatabase, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// PostgreSQL's own cast of a float to numeric keeps 6 significant digits of a real, 15 of a double. A real column
// made numeric(30,10) (Giveth's donation amount) turned the real 16777216 into 16777200 and 123.45679 into
// 123.457, while TYPE_NARROWING said no value had more decimal places than numeric(30,10) keeps: it measured
// through that cast too. Floats now convert through their text, their shortest exact form, and are measured so.

@Entity('payment')
class Floats {
  @PrimaryColumn('int') id: number
  @Column({ type: 'real', nullable: true }) amount: number | null
  @Column({ type: 'double precision', nullable: true }) price: number | null
  @Column({ type: 'real', array: true, nullable: true }) samples: number[] | null
}

@Entity('payment')
class Decimals {
  @PrimaryColumn('int') id: number
  @Column({ type: 'numeric', precision: 30, scale: 10, nullable: true }) amount: string | null
  @Column({ type: 'numeric', nullable: true }) price: string | null
  @Column({ type: 'numeric', array: true, nullable: true }) samples: string[] | null
}

@Entity('payment')
class FewDecimals {
  @PrimaryColumn('int') id: number
  @Column({ type: 'numeric', precision: 20, scale: 4, nullable: true }) amount: string | null
  @Column({ type: 'double precision', nullable: true }) price: number | null
  @Column({ type: 'real', array: true, nullable: true }) samples: number[] | null
}

describe('postgres: floats made numeric', () => {
  const database = migratedDatabase(() => createPostgresDatabase('floatnum'), [Floats], `INSERT INTO payment VALUES
    (1, 16777216, 123456789012345678, '{16777216,0.1}'),
    (2, 123.45679, 0.30000000000000004, '{}'),
    (3, 0.1, NULL, NULL)`)

  it('keeps every digit of the floats, up and down, with the rows kept', async () => {
    const { source, rowsAfter } = await expectCleanCycle(database(), [Floats], [Decimals], 'Decimals',
      'SELECT id, amount::text, price::text, samples::text FROM payment ORDER BY id')
    expect(source).toContain('USING "amount"::text::numeric(30,10)')
    expect(source).toContain('USING "samples"::text[]::numeric[]')
    expect(rowsAfter).toEqual([
      { id: 1, amount: '16777216.0000000000', price: '123456789012345680', samples: '{16777216,0.1}' },
      { id: 2, amount: '123.4567900000', price: '0.30000000000000004', samples: '{}' },
      { id: 3, amount: '0.1000000000', price: null, samples: null },
    ])
  })

  it('counts the floats with more decimal places than the numeric keeps', async () => {
    const { hazards } = await compareProject(projectFor(database(), [FewDecimals]))
    const amount = hazards.find((h) => h.message.includes('"payment"."amount"'))
    expect(amount?.message).toContain('(1 value lies outside -9999999999999999.9999..9999999999999999.9999 or has more than 4 decimal places)')
  })
})
