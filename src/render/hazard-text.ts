import type { Statement } from '../dialect/statement'
import { type Hazard, isNote } from '../hazards/hazard'
import type { Operation } from '../operations/operation'
import { subjectOf } from './hazard-subject'
import { stableData } from './stable-json'

/** hazardLine is a hazard as one line: `DROP_COLUMN (danger): Deletes every value in "user"."age" (...); ...`. */
export function hazardLine(hazard: Hazard): string {
  return `${hazard.code} (${hazard.severity}): ${hazard.message}`
}

/**
 * hazardPointer names a hazard briefly, for a list whose full sentences sit above their statements:
 * `DROP_COLUMN "user"."legacy" (danger)`; a note (`info`) goes without its severity: `TYPE_CHANGE_SAFE "user"."age"`.
 */
export function hazardPointer(hazard: Hazard): string {
  const subject = hazardSubject(hazard)
  const named = subject === undefined ? hazard.code : `${hazard.code} ${subject}`
  return isNote(hazard) ? named : `${named} (${hazard.severity})`
}

/** hazardSubject is what a hazard concerns, briefly (`"user"."legacy"`); undefined for one about nothing in particular. */
export function hazardSubject(hazard: Hazard): string | undefined {
  return hazard.subject ?? (hazard.operation === undefined ? undefined : subjectOf(hazard.operation))
}

/**
 * hazardComment is the text of the comment put above the statement a hazard concerns: `hazard <line>`.
 * A reviewer accepts the hazard by changing `hazard` to `accepted` (see hazards/accepted-hazards.ts).
 * A note (`info`) is `note <CODE>: <message>`, which nobody needs to accept.
 */
export function hazardComment(hazard: Hazard): string {
  return isNote(hazard) ? `note ${hazard.code}: ${hazard.message}` : `hazard ${hazardLine(hazard)}`
}

/**
 * downHazardComment is the text of the comment put above the statement of `down` a hazard of `down` concerns:
 * `down hazard <line>`. Nobody accepts it: status, upgrade and `check --fail-on` never read it (see
 * hazards/accepted-hazards.ts), and `downgrade` counts it on the live database before it runs `down`.
 */
export function downHazardComment(hazard: Hazard): string {
  return `down hazard ${hazardLine(hazard)}`
}

/** PlacedHazards are hazards by the index of the first statement that carries out their operation; `unplaced` have none. */
export interface PlacedHazards {
  readonly byStatement: ReadonlyMap<number, readonly Hazard[]>
  readonly unplaced: readonly Hazard[]
}

/**
 * placeHazards finds, for each hazard, the first statement carrying out its operation. Operations are matched
 * by identity, else by value (a plan read back from JSON holds copies).
 */
export function placeHazards(statements: readonly Statement[], hazards: readonly Hazard[]): PlacedHazards {
  const byStatement = new Map<number, Hazard[]>()
  const unplaced: Hazard[] = []
  const firstCarrying = statementFinder(statements)
  for (const hazard of hazards) {
    const { operation } = hazard
    const index = operation === undefined ? -1 : firstCarrying(operation)
    if (index < 0) unplaced.push(hazard)
    else {
      const placed = byStatement.get(index)
      if (placed === undefined) byStatement.set(index, [hazard])
      else placed.push(hazard)
    }
  }
  return { byStatement, unplaced }
}

/**
 * statementFinder gives the index of the first of `statements` carrying out an operation, matched by identity,
 * else by value (a plan read back from JSON holds copies); -1 when none does.
 */
export function statementFinder(statements: readonly Statement[]): (op: Operation) => number {
  return firstCarrierFinder(statements.map((statement) => statement.operations))
}

/** operationFinder gives the position of an operation among `ops`, by identity, else by value; -1 when absent. */
export function operationFinder(ops: readonly Operation[]): (op: Operation) => number {
  return firstCarrierFinder(ops.map((op) => [op]))
}

/** firstCarrierFinder gives the index of the first of `carriers` holding an operation, by identity, else by value. */
function firstCarrierFinder(carriers: readonly (readonly Operation[])[]): (op: Operation) => number {
  const byIdentity = firstIndexes(carriers, (op) => op)
  let byValue: Map<string, number> | undefined
  return (op) => {
    const index = byIdentity.get(op)
    if (index !== undefined) return index
    byValue ??= firstIndexes(carriers, operationKey)
    return byValue.get(operationKey(op)) ?? -1
  }
}

/** firstIndexes maps each operation's key to the index of the first carrier holding it. */
function firstIndexes<K>(carriers: readonly (readonly Operation[])[], keyOf: (op: Operation) => K): Map<K, number> {
  const found = new Map<K, number>()
  carriers.forEach((operations, index) => {
    for (const op of operations) {
      const key = keyOf(op)
      if (!found.has(key)) found.set(key, index)
    }
  })
  return found
}

function operationKey(op: Operation): string {
  return JSON.stringify(stableData(op))
}
