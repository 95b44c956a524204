import type { ViewModel } from './schema-model'

/** sameViewDefinition: `a` and `b` are the same view query of the same kind (materialized or not). */
export function sameViewDefinition(a: ViewModel, b: ViewModel): boolean {
  return a.definition === b.definition && (a.materialized === true) === (b.materialized === true)
}
