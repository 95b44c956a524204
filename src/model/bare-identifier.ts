/** readsSameBare says whether a name reads as itself unquoted: lower case letters, digits and `_`, and no keyword. */
export function readsSameBare(name: string): boolean {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !keywords.has(name)
}

// Words SQL dialects reserve or read as something else than a column name (a broad list: one too many only quotes it).
const keywords = new Set([
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'between', 'binary', 'both',
  'by', 'case', 'cast', 'char', 'character', 'check', 'collate', 'collation', 'column', 'concurrently', 'constraint', 'create',
  'cross', 'current_catalog', 'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp',
  'current_user', 'default', 'deferrable', 'delete', 'desc', 'distinct', 'div', 'do', 'drop', 'else', 'end', 'escape', 'except',
  'exists', 'false', 'fetch', 'for', 'foreign', 'freeze', 'from', 'full', 'glob', 'grant', 'group', 'having', 'ilike', 'in',
  'index', 'initially', 'inner', 'insert', 'int', 'integer', 'intersect', 'interval', 'into', 'is', 'isnull', 'join', 'key',
  'lateral', 'leading', 'left', 'like', 'limit', 'localtime', 'localtimestamp', 'match', 'mod', 'natural', 'not', 'notnull',
  'null', 'offset', 'on', 'only', 'or', 'order', 'outer', 'over', 'overlaps', 'placing', 'primary', 'range', 'references',
  'regexp', 'returning', 'right', 'rlike', 'row', 'rows', 'select', 'session_user', 'set', 'similar', 'some', 'symmetric',
  'table', 'tablesample', 'then', 'time', 'timestamp', 'to', 'trailing', 'true', 'union', 'unique', 'update', 'user', 'using',
  'values', 'varchar', 'variadic', 'verbose', 'when', 'where', 'window', 'with', 'xor',
])
