import { Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm'
import { expectCleanCycle, migrateTo, pendingChanges, revertLast } from '../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../support/test-database'

// Tables MySQL and MariaDB cannot make: an auto-increment column that leads no key (on InnoDB) or cannot count,
// two indexes of one name. Entities written for PostgreSQL reach MySQL with them: every command refuses such a
// table before it writes anything, naming it, where the migration failed at that table after the statements
// before it had run. Two auto-increment columns in one table TypeORM refuses itself, as clearly. A foreign key of a
// table whose engine keeps none (MyISAM, Aria) the server dropped without a word, so every generate and check
// proposed it again; one referencing such a table the server refuses.

let db: TestDatabase
beforeEach(async () => {
  db = await createMariaDbDatabase('autoincrement')
})
afterEach(async () => db?.drop())

@Entity('first_table')
class FirstTable {
  @PrimaryGeneratedColumn() id: number
}

@Entity('ticket')
class TwoCounters {
  @PrimaryGeneratedColumn() id: number
  @Column() @Generated('increment') number: number
}

@Entity('ticket')
class UnkeyedCounter {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code: string
  @Column() @Generated('increment') number: number
}

@Entity('ticket')
class CounterSecondInKey {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code: string
  @PrimaryColumn() @Generated('increment') number: number
}

@Entity('ticket')
class NoCounter {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code: string
}

@Entity('ticket')
class TextCounter {
  @Generated() @PrimaryColumn() code: string
}

@Entity('member')
@Unique(['email'])
class MemberIndexedTwice {
  @PrimaryGeneratedColumn() id: number
  @Index() @Column() email: string
}

// Overseerr's media.tvdbId: a unique column with an index of its own.
@Entity('media')
class MediaIndexedTwice {
  @PrimaryGeneratedColumn() id: number
  @Column({ unique: true, nullable: true }) @Index() tvdbId: number
}

// Index names are read in any case: these two are one name to the server.
@Entity('note')
@Index('by_code', ['code'])
@Index('BY_CODE', ['title'])
class NoteIndexNamesInCase {
  @PrimaryGeneratedColumn() id: number
  @Column() code: string
  @Column() title: string
}

@Entity('ticket')
@Index(['number'])
class IndexedCounter {
  @PrimaryColumn({ type: 'varchar', length: 20 }) code: string
  @Column() @Generated('increment') number: number
}

it('refuses an auto-increment column that leads no key (and TypeORM two in one table), changing nothing', async () => {
  await expect(pendingChanges(db, [FirstTable, TwoCounters])).rejects.toThrow('There can be only one auto-increment column in MySql table')
  await expect(pendingChanges(db, [FirstTable, UnkeyedCounter])).rejects.toThrow(
    '"ticket"."number" is auto-increment but leads no key, which MySQL requires: make it the primary key or give it an index that starts with it, then run again')
  await expect(pendingChanges(db, [FirstTable, CounterSecondInKey])).rejects.toThrow('"ticket"."number" is auto-increment but leads no key')
  expect(await db.query('SHOW TABLES')).toEqual([])
})

it('refuses an auto-increment column of a type that cannot count, and two indexes of one name, changing nothing', async () => {
  await expect(pendingChanges(db, [FirstTable, TextCounter])).rejects.toThrow(
    `"ticket"."code" is auto-increment but of type varchar, which MySQL cannot count in: give it an integer type (type: 'int'), then run again`)
  await expect(pendingChanges(db, [FirstTable, MemberIndexedTwice])).rejects.toThrow(
    /^"member" has two indexes named "IDX_\w+", a unique of \(email\) and an index of \(email\) \(TypeORM names a unique on MySQL, @Unique or unique: true, as it names an @Index of the same columns\): remove one, or name one of them, then run again$/)
  await expect(pendingChanges(db, [FirstTable, MediaIndexedTwice])).rejects.toThrow(/^"media" has two indexes named "IDX_\w+", a unique of \(tvdbId\) and an index of \(tvdbId\)/)
  await expect(pendingChanges(db, [FirstTable, NoteIndexNamesInCase])).rejects.toThrow(
    '"note" has two indexes named "BY_CODE", an index of (title) and an index of (code) (MySQL reads index names in any case): remove one, or name one of them, then run again')
  expect(await db.query('SHOW TABLES')).toEqual([])
})

// Zeppelin's case: several tables MySQL cannot make, each refused in the same run, so one run lists every fix.
@Entity('wide_key')
class WideKey {
  @PrimaryColumn({ length: 255 }) a: string
  @PrimaryColumn({ length: 255 }) b: string
  @PrimaryColumn({ length: 255 }) c: string
  @PrimaryColumn({ length: 255 }) d: string
}

it('refuses every table it cannot make in one run, each named, changing nothing', async () => {
  const refusal = pendingChanges(db, [FirstTable, TextCounter, MemberIndexedTwice, WideKey])
  await expect(refusal).rejects.toThrow(/^3 problems stop this run, fix each: \(1\) "member" has two indexes named "IDX_\w+", .*; \(2\) "ticket"\."code" is auto-increment but of type varchar, .*; \(3\) "wide_key": its primary key \(a, b, c, d\) takes 4080 bytes/)
  expect(await db.query('SHOW TABLES')).toEqual([])
})

@Entity('labelled')
class UnknownCollation {
  @PrimaryColumn('int') id: number
  @Column({ type: 'varchar', length: 20, collation: 'French_CI_AS' }) label: string
}

it('names the charsets and collations the server does not have beside the tables it cannot make, in one run', async () => {
  await expect(pendingChanges(db, [FirstTable, TextCounter, UnknownCollation])).rejects.toThrow(
    /^2 problems stop this run, fix each: \(1\) "ticket"\."code" is auto-increment but of type varchar, .*; \(2\) "labelled"\."label" declares collation "French_CI_AS", which this server does not have/)
  expect(await db.query('SHOW TABLES')).toEqual([])
})

// `@Column({ type: 'bigint', generated: 'increment' })` over `@PrimaryColumn()`: TypeORM keeps the options of
// @PrimaryColumn, nearest the property, so the column is a varchar though the entity wrote bigint.
@Entity('ticket')
class StackedBigintCounter {
  @Column({ type: 'bigint', generated: 'increment' }) @PrimaryColumn() id: string
}

it('says, refusing a column of stacked decorators, which decorator TypeORM took its type from', async () => {
  await expect(pendingChanges(db, [FirstTable, StackedBigintCounter])).rejects.toThrow(
    /^"ticket"\."id" is auto-increment but of type varchar, .*, then run again \(property "id" of class StackedBigintCounter has 2 column decorators: TypeORM keeps @PrimaryColumn, written nearest the property, and ignores the options of @Column \(type; its generated still applies\); write one decorator with all the options\)$/)
  expect(await db.query('SHOW TABLES')).toEqual([])
})

it('makes an auto-increment column that an index leads, and finds nothing to change after', async () => {
  await migrateTo(db, [FirstTable, IndexedCounter], 'IndexedCounter')
  expect(await pendingChanges(db, [FirstTable, IndexedCounter])).toEqual([])
  await db.query("INSERT INTO ticket (code) VALUES ('a'), ('b')")
  expect(await db.query('SELECT code, number FROM ticket ORDER BY number')).toEqual([{ code: 'a', number: 1 }, { code: 'b', number: 2 }])
  await db.query('DELETE FROM ticket')
  await revertLast(db, [FirstTable, IndexedCounter])
  expect(await pendingChanges(db, [])).toEqual([])
})

it('adds an auto-increment column with the index it leads to a table holding rows, and takes both away', async () => {
  await migrateTo(db, [FirstTable, NoCounter], 'NoCounter')
  await db.query("INSERT INTO ticket (code) VALUES ('a'), ('b')")
  const { rowsAfter } = await expectCleanCycle(db, [FirstTable, NoCounter], [FirstTable, IndexedCounter], 'AddCounter', 'SELECT * FROM ticket ORDER BY code')
  expect(rowsAfter).toEqual([{ code: 'a', number: 1 }, { code: 'b', number: 2 }])
  await db.query('DELETE FROM ticket')
  await revertLast(db, [FirstTable, NoCounter])
})

@Entity('log', { engine: 'MyISAM' })
class MyIsamLog {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => FirstTable) first: FirstTable
}

@Entity('log', { engine: 'MyISAM' })
class MyIsamLogWithoutConstraint {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => FirstTable, { createForeignKeyConstraints: false }) first: FirstTable
}

@Entity('client', { engine: 'Aria' })
class AriaClient {
  @PrimaryGeneratedColumn() id: number
}

@Entity('purchase')
class PurchaseOfAriaClient {
  @PrimaryGeneratedColumn() id: number
  @ManyToOne(() => AriaClient) client: AriaClient
}

it('refuses a foreign key of a table, or to a table, whose engine keeps none, changing nothing', async () => {
  await expect(pendingChanges(db, [FirstTable, MyIsamLog])).rejects.toThrow(
    /^"log" has engine MyISAM, which keeps no foreign keys: the server drops foreign key "FK_\w+" \(firstId\) -> "first_table" without a word, so every run would add it again; give the relation createForeignKeyConstraints: false, or use InnoDB, then run again$/)
  await expect(pendingChanges(db, [AriaClient, PurchaseOfAriaClient])).rejects.toThrow(
    /^foreign key "FK_\w+" of "purchase" references "client", whose engine Aria keeps no foreign keys, so the server refuses it: give the relation createForeignKeyConstraints: false, or use InnoDB, then run again$/)
  expect(await db.query('SHOW TABLES')).toEqual([])
})

it('makes a MyISAM table whose relation creates no foreign key, and finds nothing to change after', async () => {
  await migrateTo(db, [FirstTable, MyIsamLogWithoutConstraint], 'Log')
  expect(await pendingChanges(db, [FirstTable, MyIsamLogWithoutConstraint])).toEqual([])
})

// ZeppelinBot/Zeppelin's button_roles: a primary key of four varchar(255) columns takes 4080 bytes in utf8mb4.
@Entity('button_roles')
class LongPrimaryKey {
  @PrimaryColumn() guild_id: string
  @PrimaryColumn() channel_id: string
  @PrimaryColumn() message_id: string
  @PrimaryColumn() button_id: string
}

@Entity('button_roles')
class LongPrimaryKeyInLatin1 {
  @PrimaryColumn({ charset: 'latin1' }) guild_id: string
  @PrimaryColumn({ charset: 'latin1' }) channel_id: string
  @PrimaryColumn({ charset: 'latin1' }) message_id: string
  @PrimaryColumn({ charset: 'latin1' }) button_id: string
}

@Entity('visit')
@Index('IDX_visit_where', ['site', 'path', 'query', 'referrer'])
class LongIndex {
  @PrimaryGeneratedColumn() id: number
  @Column() site: string
  @Column() path: string
  @Column() query: string
  @Column() referrer: string
}

@Entity('visit')
@Unique('UQ_visit_where', ['site', 'path', 'query', 'referrer'])
class LongUnique {
  @PrimaryGeneratedColumn() id: number
  @Column() site: string
  @Column() path: string
  @Column() query: string
  @Column() referrer: string
}

it('refuses a primary key or an index of string columns longer than InnoDB allows, changing nothing', async () => {
  await expect(pendingChanges(db, [FirstTable, LongPrimaryKey])).rejects.toThrow(
    '"button_roles": its primary key (guild_id, channel_id, message_id, button_id) takes 4080 bytes in utf8mb4, over the 3072 InnoDB allows in a key, so the server would refuse it: give its string columns shorter lengths (length: 191 in utf8mb4), or key fewer of them, then run again')
  await expect(pendingChanges(db, [FirstTable, LongIndex])).rejects.toThrow('"visit": index "IDX_visit_where" (site, path, query, referrer) takes 4080 bytes in utf8mb4')
  expect(await db.query('SHOW TABLES')).toEqual([])
})

it('makes the same keys where they fit: in latin1, in a table of latin1, and a unique (MariaDB\'s HASH key)', async () => {
  await migrateTo(db, [FirstTable, LongPrimaryKeyInLatin1, LongUnique], 'LongKeys')
  expect(await pendingChanges(db, [FirstTable, LongPrimaryKeyInLatin1, LongUnique])).toEqual([])
  await db.query('DROP TABLE visit')
  await db.query('CREATE TABLE visit (id int NOT NULL AUTO_INCREMENT PRIMARY KEY, site varchar(255) NOT NULL, path varchar(255) NOT NULL, query varchar(255) NOT NULL, referrer varchar(255) NOT NULL) CHARSET latin1')
  await migrateTo(db, [FirstTable, LongPrimaryKeyInLatin1, LongIndex], 'LongIndex')
  expect(await pendingChanges(db, [FirstTable, LongPrimaryKeyInLatin1, LongIndex])).toEqual([])
})

// Symbiota2's taxon key made bigint: TypeORM gives a join column the type its target is declared with, when the
// target's entity is declared after its own (as files load), so a key two steps away (coordinate -> taxon_link.tid
// -> taxon.id) kept int, and the migration failed after dropping the foreign keys of every table it retyped
// ("Foreign key constraint is incorrectly formed").
@Entity('coordinate')
class Coordinate {
  @PrimaryGeneratedColumn() id: number
  @Column('int', { unsigned: true }) tid: number
  @ManyToOne(() => TaxonLink) @JoinColumn({ name: 'tid', referencedColumnName: 'tid' }) link: object
}

@Entity('taxon_link')
class TaxonLink {
  @PrimaryColumn('int', { unsigned: true }) tid: number
  @ManyToOne(() => BigTaxon) @JoinColumn({ name: 'tid' }) taxon: object
}

@Entity('taxon')
class BigTaxon {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: number
}

it('refuses a foreign key pairing integer columns of different types, changing nothing', async () => {
  await expect(pendingChanges(db, [BigTaxon, TaxonLink, Coordinate])).rejects.toThrow(
    /^foreign key "FK_\w+" of "coordinate" pairs "tid" \(int unsigned\) with "taxon_link"."tid" \(bigint unsigned\), which MySQL refuses: .* Give "coordinate"."tid" the type bigint unsigned /)
  expect(await db.query('SHOW TABLES')).toEqual([])
})

// n8n's webhooks: a primary key over a text column, which the server keys only by a prefix no entity declares.
@Entity('webhook')
class TextKeyWebhook {
  @PrimaryColumn() webhookPath: string
  @PrimaryColumn({ type: 'text' }) method: string
}

@Entity('webhook')
class TextKeyWebhookWithRows {
  @PrimaryColumn() webhookPath: string
  @Column() method: string
}

it('refuses a primary key over a text column, new or made one, changing nothing', async () => {
  const refusal = `"webhook": its primary key (webhookPath, method) holds "method", of type text, which MySQL keys only by a prefix an entity cannot declare, ` +
    `so the server would refuse it: give "method" a varchar type with a length (type: 'varchar', length: 255), then run again`
  await expect(pendingChanges(db, [FirstTable, TextKeyWebhook])).rejects.toThrow(refusal)
  expect(await db.query('SHOW TABLES')).toEqual([])
  await migrateTo(db, [FirstTable, TextKeyWebhookWithRows], 'Webhooks')
  await expect(migrateTo(db, [FirstTable, TextKeyWebhook], 'TextKey')).rejects.toThrow(refusal)
  expect((await db.query<{ Type: string }>("SHOW COLUMNS FROM webhook WHERE Field = 'method'"))[0]?.Type).toBe('varchar(255)')
})

// WordPress-style posts: an index and a unique over TEXT and BLOB columns. MariaDB indexes a prefix of each (a
// HASH key for the unique), so these are made there; MySQL refuses them, and gets a refusal before anything runs
// (see test/dialect/mysql/mysql-unmakeable-tables.test.ts).
@Entity('post')
@Index('IDX_post_body', ['body'])
@Unique('UQ_post_slug', ['title', 'slug'])
class TextKeyedPost {
  @PrimaryGeneratedColumn() id: number
  @Column() title: string
  @Column({ type: 'text' }) body: string
  @Column({ type: 'text' }) slug: string
  @Index({ unique: true }) @Column({ type: 'blob' }) digest: Buffer
}

it('makes an index, a unique and a unique index over TEXT and BLOB columns on MariaDB, finds nothing to change after, and reverts', async () => {
  await migrateTo(db, [FirstTable], 'First')
  await migrateTo(db, [FirstTable, TextKeyedPost], 'Posts')
  expect(await pendingChanges(db, [FirstTable, TextKeyedPost])).toEqual([])
  const keys = await db.query<{ Key_name: string; Column_name: string; Sub_part: number | null; Index_type: string }>("SHOW INDEX FROM post WHERE Column_name IN ('body', 'slug', 'digest')")
  expect(keys.map((k) => `${k.Column_name}: ${k.Index_type}${k.Sub_part === null ? '' : ` (${k.Sub_part})`}`).sort()).toEqual(['body: BTREE (768)', 'digest: HASH', 'slug: HASH'])
  await revertLast(db, [FirstTable, TextKeyedPost])
  expect(await pendingChanges(db, [FirstTable])).toEqual([])
})
