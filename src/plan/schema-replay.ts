import type { SchemaModel } from '../model/schema-model'
import { applyOperations } from '../operations/apply'
import type { Operation } from '../operations/operation'

/**
 * schemaReplay gives the schema once the first `position` of `ops` have run, replayed from `start` on first use.
 * Every schema between two operations has its own list of tables: a migration changing every one of a thousand
 * tables held 24 MB of them at once. So it keeps one schema in every block of operations, and the schemas of the
 * blocks last asked for, replayed again from the block's first when asked for once more.
 */
export function schemaReplay(start: SchemaModel, ops: readonly Operation[]): (position: number) => SchemaModel {
  let blockStarts: SchemaModel[] | undefined
  const recentBlocks = new Map<number, SchemaModel[]>()
  const replayBlock = (block: number): SchemaModel[] => {
    const states = [blockStarts![block]!]
    const first = block * blockSize
    for (let i = first; i < Math.min(first + blockSize - 1, ops.length); i++) states.push(applyOperations(states[states.length - 1]!, [ops[i]!]))
    return states
  }
  return (position) => {
    if (position === 0) return start
    blockStarts ??= replayedBlockStarts(start, ops)
    const block = Math.floor(position / blockSize)
    let states = recentBlocks.get(block)
    if (states === undefined) {
      states = replayBlock(block)
      if (recentBlocks.size === keptBlocks) recentBlocks.delete(recentBlocks.keys().next().value!)
    } else {
      recentBlocks.delete(block)
    }
    recentBlocks.set(block, states)
    return states[position - block * blockSize]!
  }
}

const blockSize = 64
const keptBlocks = 4

function replayedBlockStarts(start: SchemaModel, ops: readonly Operation[]): SchemaModel[] {
  const starts = [start]
  let schema = start
  ops.forEach((op, i) => {
    schema = applyOperations(schema, [op])
    if ((i + 1) % blockSize === 0) starts.push(schema)
  })
  return starts
}
