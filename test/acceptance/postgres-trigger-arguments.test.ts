import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { generateMigration } from '../../src/pipeline/generate-migration'
import { upgrade } from '../../src/runner/migration-runner'
import { migrateTo, pendingChanges, projectFor } from '../support/migration-cycle'
import { createPostgresDatabase } from '../support/test-database'

// A trigger can name columns as the arguments of its function, which PostgreSQL does not track: pagila's
// `EXECUTE FUNCTION tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title', 'description')`, contrib's
// `moddatetime('updated_at')`, or a PL/pgSQL function of its own reading TG_ARGV. A rename or drop of such a column
// runs, and every write the trigger fires on fails from then on ("column "description" does not exist").

@Entity('film')
class Film {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) title: string
  @Column({ type: 'text', nullable: true }) description: string | null
  @Column({ type: 'text', nullable: true }) note: string | null
  @Column({ type: 'tsvector', nullable: true }) fulltext: string | null
}

@Entity('film')
class FilmRenamed {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) title: string
  @Column({ type: 'text', nullable: true }) synopsis: string | null
  @Column({ type: 'tsvector', nullable: true }) fulltext: string | null
}

it('warns of a rename or drop of a column a trigger names as an argument of its function', async () => {
  const db = await createPostgresDatabase('trigger_arguments')
  try {
    await migrateTo(db, [Film], 'Init')
    await db.query(`CREATE TRIGGER film_fulltext_trigger BEFORE INSERT OR UPDATE ON film FOR EACH ROW
      EXECUTE FUNCTION tsvector_update_trigger('fulltext', 'pg_catalog.english', 'title', 'description')`)
    await db.query(`CREATE FUNCTION keep_note() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql`)
    await db.query(`CREATE TRIGGER film_note BEFORE UPDATE ON film FOR EACH ROW EXECUTE FUNCTION keep_note('note')`)
    await db.query(`INSERT INTO film (title, description) VALUES ('Ada', 'a film')`)
    expect(await pendingChanges(db, [Film])).toEqual([])
    const project = projectFor(db, [FilmRenamed])
    const { comparison } = await generateMigration(project, 'RenameDescription', Date.now(), { renames: parseRenameFlags(['film.description=synopsis']) })
    expect(comparison.hazards.filter((h) => h.code === 'TRIGGER_READS_COLUMN').map((h) => h.message)).toEqual([
      'Renames column "public"."film"."description" to "synopsis", but trigger "film_fulltext_trigger" on "public"."film" names it by its old name ' +
        'as an argument of its function: every write the trigger fires on fails from then on (unknown column); add a DROP TRIGGER and a CREATE TRIGGER ' +
        'with the new name after the rename in up, and with the old name after it in down.',
      'Drops column "public"."film"."note", which trigger "film_note" on "public"."film" reads as an argument of its function: every write the trigger ' +
        'fires on fails from then on (unknown column); drop the trigger, or create it again without the column, in this migration (DROP TRIGGER, CREATE TRIGGER), or keep the column.',
    ])
    // What the hazard says: the migration runs, and the trigger fails when it next fires.
    await upgrade(projectFor(db, [FilmRenamed]))
    await expect(db.query(`UPDATE film SET title = 'Bo'`)).rejects.toThrow(/column "description" does not exist/)
  } finally {
    await db.drop()
  }
})
