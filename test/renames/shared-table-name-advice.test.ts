import { Column, DataSource, Entity, PrimaryGeneratedColumn } from 'typeorm'
import type { DialectCapabilities } from '../../src/dialect/dialect'
import { postgresTypeFamilies, postgresTypeLimits } from '../../src/dialect/postgres/postgres-type-families'
import { renameQuestion } from '../../src/cli/prompt-rename'
import { resolveRenames } from '../../src/pipeline/resolve-renames'
import { readEntities } from '../../src/source/entity-metadata'
import { decoratorAdvice, renameTargetsOf } from '../../src/source/rename-hints'
import { column, schema, table } from '../support/model-builders'

// Tables of two PostgreSQL schemas with one name (Twenty's "core"."usage" beside "billing"."usage"): the advice
// for a suspected column rename named the table alone, and `--rename usage.amount=units` found the first
// "usage" (billing's) where core's was renamed; the decorator advice named the first entity of the name.

@Entity({ name: 'usage', schema: 'core' })
class CoreUsage {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer' }) units: number
}

@Entity({ name: 'usage', schema: 'billing' })
class BillingUsage {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'integer' }) units: number
}

const capabilities: DialectCapabilities = {
  schemas: true, enumTypes: true, extensions: true, transactionalDdl: true, typeFamilies: postgresTypeFamilies, typeLimits: postgresTypeLimits,
}
const id = column('id', 'integer', { generated: { kind: 'increment' } })
const usage = (schemaName: string, amount: string) => table('usage', [id, column(amount, 'integer')], { schema: schemaName })

describe('a suspected column rename in a table whose name tables of two schemas have', () => {
  it('is described and given a --rename with the table\'s schema', async () => {
    const actual = schema([usage('billing', 'amount'), usage('core', 'amount')], { schemas: ['billing', 'core'] })
    const desired = schema([usage('billing', 'amount'), usage('core', 'units')], { schemas: ['billing', 'core'] })
    const { warnings } = await resolveRenames(actual, desired, capabilities, [], [])
    expect(warnings.map((w) => w.message)).toEqual([
      'core.usage.amount may have been renamed to core.usage.units (same type integer, same position): pass --rename core.usage.amount=units; ' +
      'as it stands it is dropped and added, losing its data',
    ])
  })

  it('is asked about at the prompt with the table\'s schema, and alone where one schema has the name', async () => {
    const asked: string[] = []
    const ask = async (suspect: Parameters<typeof renameQuestion>[0]) => (asked.push(renameQuestion(suspect).split('\n')[1]!), false)
    const shared = schema([usage('billing', 'amount'), usage('core', 'amount')], { schemas: ['billing', 'core'] })
    await resolveRenames(shared, schema([usage('billing', 'amount'), usage('core', 'units')], { schemas: ['billing', 'core'] }), capabilities, [], [], { ask })
    await resolveRenames(schema([usage('core', 'amount')], { schemas: ['core'] }), schema([usage('core', 'units')], { schemas: ['core'] }), capabilities, [], [], { ask })
    expect(asked).toEqual([
      'was core.usage.amount renamed to core.usage.units? [y/N] (N drops core.usage.amount and its values) ',
      'was usage.amount renamed to usage.units? [y/N] (N drops usage.amount and its values) ',
    ])
  })

  it('names the table alone where one schema has it', async () => {
    const actual = schema([usage('core', 'amount')], { schemas: ['core'] })
    const desired = schema([usage('core', 'units')], { schemas: ['core'] })
    const { unresolved } = await resolveRenames(actual, desired, capabilities, [], [])
    expect(unresolved.map((u) => u.advice)).toEqual(['pass --rename usage.amount=units'])
  })

  it('names the decorator on the entity of the rename\'s schema', async () => {
    const dataSource = new DataSource({ type: 'postgres', entities: [CoreUsage, BillingUsage] })
    await readEntities(dataSource)
    const targets = renameTargetsOf(dataSource.entityMetadatas)
    const advice = (schemaName: string) => decoratorAdvice(targets, { kind: 'column', table: { schema: schemaName, name: 'usage' }, from: 'amount', to: 'units' })
    expect([advice('core'), advice('billing')]).toEqual(["add @RenamedFrom('amount') to CoreUsage.units", "add @RenamedFrom('amount') to BillingUsage.units"])
  })
})
