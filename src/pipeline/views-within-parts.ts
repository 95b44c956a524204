import { nameOf, qualifiedKey, sameName } from '../model/qualified-name'
import type { SchemaModel, ViewModel } from '../model/schema-model'
import type { CreateView, DropView, Operation } from '../operations/operation'

/**
 * viewsWithinParts keeps every view there between the parts of a migration cut at commits: a view dropped in
 * one part and created in a later one (made again around a column change, or redefined) is created again as
 * it was at the end of each part from its drop's, and dropped again at the start of each part up to its
 * creation's, so that a part that fails, or a run stopped between parts, leaves it in place; each part may
 * change what it reads (its `down` too: removing an enum label retypes its columns). `parts` are the
 * operations of each part in order, `schemaAfter(i)` the schema once part i has run. A view whose reads are
 * gone at the end of a part cannot be made there; it and the views reading it are left missing between the
 * parts, as the migration would have them.
 */
export function viewsWithinParts(parts: readonly (readonly Operation[])[], schemaAfter: (part: number) => SchemaModel): Operation[][] {
  const spans = viewSpans(parts)
  const lasting = spansThatCanBeMade(spans, schemaAfter)
  return parts.map((ops, k) => {
    const open = lasting.filter((s) => s.dropPart < k && k <= s.createPart)
    const closing = lasting.filter((s) => s.dropPart <= k && k < s.createPart)
    const drops = open.map((s): DropView => ({ kind: 'drop_view', view: s.view }))
    // Dropped dependents first, so made again in the reverse order: what a view reads first.
    const creates = [...closing].reverse().map((s): CreateView => ({ kind: 'create_view', view: s.view }))
    const tail = ops.findIndex((op, i) => ops.slice(i).every((later) => trailing.has(later.kind)))
    const end = tail === -1 ? ops.length : tail
    return [...drops, ...ops.slice(0, end), ...creates, ...ops.slice(end)]
  })
}

const trailing: ReadonlySet<Operation['kind']> = new Set(['drop_enum', 'drop_extension', 'drop_schema'])

/** ViewSpan is a view dropped in part `dropPart` and created in the later part `createPart`. */
interface ViewSpan {
  readonly view: ViewModel
  readonly dropPart: number
  readonly createPart: number
}

function viewSpans(parts: readonly (readonly Operation[])[]): ViewSpan[] {
  const partOf = (kind: 'drop_view' | 'create_view', view: ViewModel) =>
    parts.findIndex((ops) => ops.some((op) => op.kind === kind && sameName(op.view, view)))
  return parts.flatMap((ops, dropPart) => ops.flatMap((op): ViewSpan[] => {
    if (op.kind !== 'drop_view') return []
    const createPart = partOf('create_view', op.view)
    return createPart > dropPart ? [{ view: op.view, dropPart, createPart }] : []
  }))
}

/** spansThatCanBeMade are the spans whose view reads what is there at the end of each part it is made in. */
function spansThatCanBeMade(spans: readonly ViewSpan[], schemaAfter: (part: number) => SchemaModel): ViewSpan[] {
  let kept = [...spans]
  for (let shrunk = true; shrunk;) {
    const before = kept.length
    kept = kept.filter((span) => {
      for (let k = span.dropPart; k < span.createPart; k++) if (!readsThere(span.view, schemaAfter(k), kept, k)) return false
      return true
    })
    shrunk = kept.length < before
  }
  return kept
}

function readsThere(view: ViewModel, schema: SchemaModel, kept: readonly ViewSpan[], part: number): boolean {
  return view.reads.every((read) => {
    const table = schema.tables.find((t) => sameName(t, nameOf(read)))
    if (table) return (read.columns ?? []).every((c) => table.columns.some((col) => col.name === c))
    const key = qualifiedKey(nameOf(read))
    const madeAgain = kept.some((s) => qualifiedKey(s.view) === key && s.dropPart <= part && part < s.createPart)
    return madeAgain || schema.views.some((v) => qualifiedKey(v) === key)
  })
}
