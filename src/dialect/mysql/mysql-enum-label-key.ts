/**
 * mysqlEnumLabelKey is what a stored value of `label` is matched by when an ENUM's or SET's labels change: the
 * server converts each value by its text, compared under the column's collation, so under a case- and
 * accent-insensitive one (the defaults: MariaDB's `utf8mb4_general_ci`, MySQL's `utf8mb4_0900_ai_ci`) a
 * label made 'email' from 'Email', or 'ete' from 'Été', keeps the rows holding it, as the one label. A binary
 * (`_bin`) or case-sensitive (`_cs`) collation matches the text exactly, an accent-sensitive one (`_as_ci`)
 * ignores case only. `collation` is the column's, else its table's; undefined is taken as the server's default.
 */
export function mysqlEnumLabelKey(label: string, collation: string | undefined): string {
  const name = collation?.toLowerCase() ?? 'default_ai_ci'
  if (name.endsWith('_bin') || name === 'binary' || /_cs$/.test(name)) return label
  const caseless = label.toLowerCase()
  return /_as_ci$/.test(name) ? caseless : caseless.normalize('NFD').replace(/\p{M}/gu, '')
}
