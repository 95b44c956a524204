import type { TestDatabase } from './test-database'
import { type TempProject, tempProject } from './temp-project'

const entities = `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
@Entity('note')
export class Note {
  @PrimaryGeneratedColumn() id: number
  @Column() text: string
  @Column({ type: 'integer', default: 0, comment: 'Sterne ★, from 0' }) stars: number
}
@Entity('tag')
export class Tag {
  @PrimaryGeneratedColumn() id: number
  @Column({ unique: true }) label: string
}
`

/**
 * sqlDirectionProject is a project on `db` whose entities add `stars` to its `note` table and a new `tag` table.
 * The comment of `stars` is not ASCII, so that a script the client reads in another charset leaves another one.
 */
export function sqlDirectionProject(db: TestDatabase): TempProject {
  return tempProject({
    'entities.ts': entities,
    'ormconfig.ts': [
      "import { DataSource } from 'typeorm'",
      "import { Note, Tag } from './entities'",
      `export default new DataSource({ ...${JSON.stringify(db.options)}, entities: [Note, Tag] })`,
    ].join('\n'),
  })
}
