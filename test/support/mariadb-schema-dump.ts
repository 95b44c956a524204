import type { TestDatabase } from './test-database'

/**
 * mariadbSchemaDump is SHOW CREATE TABLE/VIEW of every table and view of a test database but the migrations
 * table, with the AUTO_INCREMENT counter left out and the key and constraint lines sorted: the server lists
 * them in the order they were made, which a down that re-creates them cannot keep.
 */
export async function mariadbSchemaDump(db: TestDatabase): Promise<string> {
  const tables = await db.query<{ TABLE_NAME: string; TABLE_TYPE: string }>(
    `SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'migrations' ORDER BY TABLE_NAME`)
  const dumps: string[] = []
  for (const { TABLE_NAME: name, TABLE_TYPE: type } of tables) {
    const view = type === 'VIEW'
    const [row] = await db.query<Record<string, string>>(`SHOW CREATE ${view ? 'VIEW' : 'TABLE'} "${name}"`)
    const text = row![view ? 'Create View' : 'Create Table']!.replace(/ AUTO_INCREMENT=\d+/, '')
    const lines = text.split('\n')
    const columns = lines.filter((line) => line.startsWith('  "'))
    const keys = lines.filter((line) => line.startsWith('  ') && !line.startsWith('  "')).map((line) => line.replace(/,$/, '')).sort()
    dumps.push([lines[0], ...columns, ...keys, lines.at(-1)].join('\n'))
  }
  return dumps.join('\n\n')
}
