import type { IndexModel } from '../../src/model/schema-model'
import type { Operation } from '../../src/operations/operation'
import { orderOperations } from '../../src/operations/order'
import { column } from '../support/model-builders'

const product = { name: 'product' }
const tag = { name: 'tag' }
const index = (name: string, columns: string[]): IndexModel => ({ name, columns, unique: false })
const kinds = (ops: Operation[]) => ops.map((op) => `${op.kind} ${'table' in op ? op.table.name : ''}`)

describe('orderOperations: index drops with the creations of their table', () => {
  const dropOwn: Operation = { kind: 'drop_index', table: product, index: index('FK_org', ['orgId']) }
  const createLed: Operation = { kind: 'create_index', table: product, index: index('IDX_org_name', ['orgId', 'name']) }
  const dropOther: Operation = { kind: 'drop_index', table: tag, index: index('FK_tag', ['orgId']) }
  const ops = [createLed, dropOther, dropOwn]

  it('keeps drops in their phase by default', () => {
    expect(kinds(orderOperations(ops))).toEqual(['drop_index product', 'drop_index tag', 'create_index product'])
  })

  it('moves a drop next to, and before, the creations of its table where asked', () => {
    expect(kinds(orderOperations(ops, { indexDropsWithCreations: true }))).toEqual(['drop_index tag', 'drop_index product', 'create_index product'])
  })

  it('leaves a drop in its phase where its column goes, or a rename takes its name', () => {
    const dropColumn: Operation = { kind: 'drop_column', table: product, column: column('orgId') }
    expect(kinds(orderOperations([...ops, dropColumn], { indexDropsWithCreations: true }))).toEqual([
      'drop_index product', 'drop_index tag', 'drop_column product', 'create_index product',
    ])
    const rename: Operation = { kind: 'rename_index', table: product, from: 'IDX_old', to: 'FK_org', index: index('FK_org', ['name']) }
    expect(kinds(orderOperations([...ops, rename], { indexDropsWithCreations: true }))).toEqual([
      'drop_index product', 'drop_index tag', 'rename_index product', 'create_index product',
    ])
  })
})
