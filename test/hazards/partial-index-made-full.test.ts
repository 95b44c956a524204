import { Column, Entity, Index, type IndexOptions, PrimaryGeneratedColumn } from 'typeorm'
import { compareProject } from '../../src/pipeline/compare-project'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

// Lightning.Pub's recv_invoice_paid_serial is partial (WHERE paid_at_unix > 0). Dropping the predicate rebuilds
// the index over every row, which serves each query the partial one served: DROP_INDEX said they may slow down.
function invoiceIndexed(options: IndexOptions): Function {
  @Entity('invoice')
  @Index('invoice_paid', ['userId', 'paidAt'], options)
  class Invoice {
    @PrimaryGeneratedColumn() id: number
    @Column({ type: 'integer' }) userId: number
    @Column({ type: 'integer', default: 0 }) paidAt: number
  }
  return Invoice
}

const InvoicePartial = invoiceIndexed({ where: 'paidAt > 0' })
const InvoiceFull = invoiceIndexed({})
const InvoiceNarrower = invoiceIndexed({ where: 'paidAt > 0 AND userId > 0' })
const InvoicePartialUnique = invoiceIndexed({ unique: true, where: 'paidAt > 0' })
const InvoiceFullUnique = invoiceIndexed({ unique: true })

describe('sqlite: a partial index whose predicate goes serves the same queries', () => {
  let db: TestDatabase
  afterEach(async () => {
    await db.drop()
  })

  it('is no DROP_INDEX where the index is made full, and one where its predicate narrows', async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [InvoicePartial], 'Init')
    const full = await compareProject(projectFor(db, [InvoiceFull]))
    expect(full.up.map((op) => op.kind)).toEqual(['drop_index', 'create_index'])
    expect(full.hazards.map((h) => h.code)).not.toContain('DROP_INDEX')
    const narrower = await compareProject(projectFor(db, [InvoiceNarrower]))
    expect(narrower.hazards.map((h) => h.code)).toContain('DROP_INDEX')
  })

  it('keeps a partial unique index\'s rows unique where it is made a full unique one', async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [InvoicePartialUnique], 'Init')
    const { hazards } = await compareProject(projectFor(db, [InvoiceFullUnique]))
    expect(hazards.map((h) => h.code)).toEqual(['ADD_UNIQUE'])
  })
})
