import type { TestDatabase } from './test-database'

/**
 * sqliteCatalog is the schema of a SQLite database as its pragmas report it, the migrations table aside:
 * per table its columns (type, NOT NULL, default, key position, hidden), indexes (name, unique, origin,
 * partial; key columns with order and collation) and foreign keys. Unlike sqlite_master's text, it does not
 * see the spelling of the CREATE statements (spaces, parentheses around a constant default).
 */
export async function sqliteCatalog(db: TestDatabase): Promise<Record<string, unknown>> {
  const tables = await db.query<{ name: string }>(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence') ORDER BY name`,
  )
  const catalog: Record<string, unknown> = {}
  for (const { name } of tables) {
    const quoted = `'${name.replace(/'/g, "''")}'`
    const indexes = await db.query<{ name: string }>(`SELECT * FROM pragma_index_list(${quoted}) ORDER BY name`)
    catalog[name] = {
      columns: await db.query(`SELECT * FROM pragma_table_xinfo(${quoted}) ORDER BY cid`),
      indexes: await Promise.all(indexes.map(async (index) => ({
        ...index,
        seq: undefined,
        keys: await db.query(`SELECT * FROM pragma_index_xinfo('${index.name.replace(/'/g, "''")}') WHERE key = 1 ORDER BY seqno`),
      }))),
      foreignKeys: await db.query(`SELECT * FROM pragma_foreign_key_list(${quoted}) ORDER BY id, seq`),
    }
  }
  return catalog
}
