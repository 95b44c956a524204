import type { SchemaModel } from '../../src/model/schema-model'
import { applyOperations } from '../../src/operations/apply'
import type { Operation } from '../../src/operations/operation'
import { changeSetOf, reverseChangeSet } from '../../src/plan/change-set'
import { schemaReplay } from '../../src/plan/schema-replay'
import { column, schema, table } from '../support/model-builders'

// 10 tables, then 3 columns added to each in turn and one dropped again: 500 operations, several blocks of them.
const start = schema(Array.from({ length: 10 }, (_, i) => table(`t${i}`, [column('id')])))
const ops: Operation[] = Array.from({ length: 125 }, (_, round) => Array.from({ length: 4 }, (_, step): Operation => {
  const name = { name: `t${round % 10}` }
  return step < 3 ? { kind: 'add_column', table: name, column: column(`c${round}_${step}`, 'text') } : { kind: 'drop_column', table: name, column: column(`c${round}_0`, 'text') }
})).flat()

const replayedOneByOne = (): SchemaModel[] => ops.reduce((states, op) => [...states, applyOperations(states[states.length - 1]!, [op])], [start])

test('every schema between two operations is the replay of the operations before it, in any order asked', () => {
  const expected = replayedOneByOne()
  const schemaAt = schemaReplay(start, ops)
  const positions = [...expected.keys()]
  const orders = [positions, [...positions].reverse(), positions.map((p) => (p * 7919) % positions.length), [ops.length, 0, 64, 63, 65, 128, ops.length - 1, 1]]
  for (const order of orders) {
    for (const position of order) expect(schemaAt(position)).toEqual(expected[position])
  }
})

test('the down of a change set goes through the same schemas backwards', () => {
  const expected = replayedOneByOne()
  const down = reverseChangeSet(changeSetOf(start, ops))
  for (let position = 0; position <= ops.length; position++) expect(down.schemaAt(position)).toEqual(expected[ops.length - position])
})
