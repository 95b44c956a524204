/**
 * mixedListItems are the items of a DataSource option TypeORM takes as a list or as an object of named items
 * (`entities`, `migrations`, `subscribers`); none when it is not set.
 */
export function mixedListItems<T>(list: readonly T[] | { readonly [name: string]: T } | null | undefined): readonly T[] {
  if (list === undefined || list === null || typeof list !== 'object') return []
  return Array.isArray(list) ? (list as readonly T[]) : Object.values(list)
}
