import type { ColumnModel } from '../../src/model/schema-model'
import { columnChanges } from '../../src/plan/column-change'
import { column } from '../support/model-builders'

const changes = (from: Partial<ColumnModel>, to: Partial<ColumnModel>, enumValuesOnType = false) =>
  columnChanges(column('c', 'integer', from), column('c', 'integer', to), { enumValuesOnType })

test('a column the same in every aspect has no changes, absent and undefined alike', () => {
  expect(changes({ length: undefined, generated: { kind: 'identity', always: true } }, { generated: { kind: 'identity', always: true } })).toEqual([])
  expect(changes({ computed: { expression: 'a + 1', stored: true } }, { computed: { expression: 'a + 1', stored: true } })).toEqual([])
})

test('each aspect that differs is listed once, in the order of ColumnAspect', () => {
  expect(changes({ generated: { kind: 'identity', always: true } }, { generated: { kind: 'identity', always: false } })).toEqual(['generated'])
  expect(changes({ generated: { kind: 'increment' } }, { generated: { kind: 'identity', always: false } })).toEqual(['generated'])
  expect(changes({ generated: { kind: 'uuid' } }, {})).toEqual(['generated'])
  expect(changes({ type: 'text', length: 20, nullable: true }, { type: 'varchar', length: 30 })).toEqual(['type', 'size', 'nullability'])
  expect(changes({ isArray: false, enumName: 'a' }, { isArray: true, enumName: 'a' })).toEqual(['type'])
  expect(changes({ computed: { expression: 'a + 1', stored: true } }, { computed: { expression: 'a + 1', stored: false } })).toEqual(['computed'])
  expect(changes({ computed: { expression: 'a + 1', stored: false } }, {})).toEqual(['computed'])
  expect(changes({ charset: 'utf8mb4', default: "'x'", comment: 'c', onUpdate: 'CURRENT_TIMESTAMP' }, { charset: 'latin1', default: "'y'" })).toEqual(['default', 'collation', 'comment', 'onUpdate'])
})

test('enum labels are an aspect of the column unless they belong to a named type', () => {
  expect(changes({ enumValues: ['a', 'b'] }, { enumValues: ['b', 'a'] })).toEqual(['enumValues'])
  expect(changes({ enumValues: ['a', 'b'] }, { enumValues: ['a', 'b'] })).toEqual([])
  expect(changes({ enumValues: ['a', 'b'] }, { enumValues: ['b', 'a'] }, true)).toEqual([])
})
