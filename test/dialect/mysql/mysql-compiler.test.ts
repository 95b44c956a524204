import { mysqlDialectAt } from '../../../src/dialect/mysql/mysql-dialect'
import type { MysqlServer } from '../../../src/dialect/mysql/mysql-server'
import type { ColumnModel, SchemaModel } from '../../../src/model/schema-model'
import type { Operation } from '../../../src/operations/operation'
import { changeSetOf, reverseChangeSet } from '../../../src/plan/change-set'
import { alterColumn } from '../../../src/plan/column-change'
import { col, mariadb1011, myTable, mySchema, mysql8 } from './my-models'

const post = myTable('post', [col('id', 'int', { generated: { kind: 'increment' } }), col('title', 'varchar', { length: 50 }), col('views', 'int')], {
  primaryKey: { columns: ['id'] },
  indexes: [{ name: 'IDX_views', columns: ['views'], unique: false }],
})
const before = mySchema([post])
const compile = (ops: Operation[], server: MysqlServer | undefined, from: SchemaModel = before) =>
  mysqlDialectAt(server).compile(changeSetOf(from, ops))
const sqlOf = (ops: Operation[], server: MysqlServer | undefined, from: SchemaModel = before) =>
  compile(ops, server, from).map((s) => s.sql)
const title = post.columns[1]!

/** keyChangedToBigint: `member.team_id` references `team.id`, both of `type`, and both change to bigint. */
const keyChangedToBigint = (type: string) => {
  const team = myTable('team', [col('id', type)], { primaryKey: { columns: ['id'] } })
  const member = myTable('member', [col('id'), col('team_id', type)], {
    primaryKey: { columns: ['id'] },
    indexes: [{ name: 'FK_team', columns: ['team_id'], unique: false }],
    foreignKeys: [{ name: 'FK_team', columns: ['team_id'], referencedTable: 'team', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
  })
  const ops = [
    alterColumn(team, team.columns[0]!, { ...team.columns[0]!, type: 'bigint' }),
    alterColumn(member, member.columns[1]!, { ...member.columns[1]!, type: 'bigint' }),
  ]
  return { ops, from: mySchema([team, member]) }
}

describe('mysql compiler', () => {
  it('creates a table with every column attribute, keys, indexes, checks, engine and comment', () => {
    const table = myTable('user', [
      col('id', 'bigint unsigned', { generated: { kind: 'increment' } }),
      col('code', 'int unsigned zerofill', { nullable: true }),
      col('active', 'tinyint', { length: 1, default: '1' }),
      col('name', 'varchar', { length: 100, charset: 'latin1', collation: 'latin1_bin', comment: "the user's name" }),
      col('price', 'decimal', { precision: 10, scale: 2, default: '0' }),
      col('ratio', 'double', { nullable: true }),
      col('path', 'varchar', { length: 20, default: "'C:\\dir''s'" }),
      col('mood', 'enum', { enumValues: ['happy', "it's"], default: "'happy'" }),
      col('updated', 'datetime', { precision: 6, default: 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' }),
      col('total', 'decimal', { precision: 12, scale: 2, nullable: true, computed: { expression: '`price` * 2', stored: true } }),
      col('bio', 'text', { nullable: true }),
    ], {
      primaryKey: { columns: ['id'] },
      uniques: [{ name: 'UQ_name', columns: ['name'] }],
      indexes: [
        { name: 'IDX_bio', columns: ['bio', 'price'], unique: false, keyOptions: [{ length: 10 }, { descending: true }] },
        { name: 'FT_bio', columns: ['bio'], unique: false, method: 'fulltext' },
      ],
      checks: [{ name: 'CHK_price', expression: '`price` >= 0' }],
      engine: 'InnoDB',
      comment: 'people',
    })
    const [statement, ...rest] = compile([{ kind: 'create_table', table }], mariadb1011)
    expect(rest).toEqual([])
    expect(statement!.sql).toBe(
      'CREATE TABLE IF NOT EXISTS `user` (\n' +
      '  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n' +
      '  `code` int unsigned zerofill NULL,\n' +
      '  `active` tinyint(1) NOT NULL DEFAULT 1,\n' +
      "  `name` varchar(100) CHARACTER SET `latin1` COLLATE `latin1_bin` NOT NULL COMMENT 'the user''s name',\n" +
      '  `price` decimal(10,2) NOT NULL DEFAULT 0,\n' +
      '  `ratio` double NULL,\n' +
      "  `path` varchar(20) NOT NULL DEFAULT 'C:\\\\dir''s',\n" +
      "  `mood` enum('happy','it''s') NOT NULL DEFAULT 'happy',\n" +
      '  `updated` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),\n' +
      '  `total` decimal(12,2) GENERATED ALWAYS AS (`price` * 2) STORED,\n' +
      '  `bio` text NULL,\n' +
      '  PRIMARY KEY (`id`),\n' +
      '  UNIQUE INDEX `UQ_name` (`name`),\n' +
      '  INDEX `IDX_bio` (`bio`(10), `price` DESC),\n' +
      '  FULLTEXT INDEX `FT_bio` (`bio`),\n' +
      '  CONSTRAINT `CHK_price` CHECK (`price` >= 0)\n' +
      ") ENGINE=InnoDB COMMENT='people'",
    )
    expect(statement!.createTable?.tail).toBe(") ENGINE=InnoDB COMMENT='people'")
  })

  it('writes NOT NULL on a generated column for MySQL 8 only (MariaDB refuses it)', () => {
    const table = myTable('t', [col('a'), col('b', 'int', { computed: { expression: '`a` + 1', stored: false } })])
    expect(sqlOf([{ kind: 'create_table', table }], mysql8)[0]).toContain('`b` int GENERATED ALWAYS AS (`a` + 1) VIRTUAL NOT NULL')
    expect(sqlOf([{ kind: 'create_table', table }], mariadb1011)[0]).toContain('`b` int GENERATED ALWAYS AS (`a` + 1) VIRTUAL\n')
  })

  it('changes a column with MODIFY COLUMN and its whole definition, never DROP and ADD, and counts the copy', () => {
    const longer = { ...title, length: 40, nullable: true, comment: 'shorter' }
    const [guard, statement] = compile([alterColumn(post, title, longer)], mariadb1011)
    expect(guard!.sql).toBe('SELECT 1 FROM `post` WHERE CHAR_LENGTH(`title`) > 40 LIMIT 1')
    expect(guard!.failIfRows).toContain('rows of "post"."title" hold values longer than varchar(40) takes: shorten them first')
    expect(statement!.sql).toBe("ALTER TABLE `post` MODIFY COLUMN `title` varchar(40) NULL COMMENT 'shorter'")
    expect(statement!.rebuild).toBe('post')
  })

  it('groups consecutive changes of one table into one ALTER TABLE carrying all their operations', () => {
    const ops: Operation[] = [
      { kind: 'add_column', table: post, column: col('body', 'text', { nullable: true }) },
      { kind: 'drop_index', table: post, index: post.indexes[0]! },
      { kind: 'create_index', table: post, index: { name: 'IDX_title', columns: ['title'], unique: false } },
    ]
    const statements = compile(ops, mariadb1011)
    expect(statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE `post` ADD COLUMN IF NOT EXISTS `body` text NULL, DROP INDEX IF EXISTS `IDX_views`, ' +
      'ADD INDEX IF NOT EXISTS `IDX_title` (`title`), ALGORITHM=INPLACE, LOCK=NONE',
    ])
    expect(statements[0]!.operations).toEqual(ops)
    expect(statements[0]!.rebuild).toBeUndefined()
  })

  it('gives a rename an ALTER of its own, and splits a foreign key dropped and added again under its name', () => {
    const team = myTable('team', [col('id')], { primaryKey: { columns: ['id'] } })
    const member = myTable('member', [col('id'), col('team_id')], {
      primaryKey: { columns: ['id'] },
      indexes: [{ name: 'FK_team', columns: ['team_id'], unique: false }],
      foreignKeys: [{ name: 'FK_team', columns: ['team_id'], referencedTable: 'team', referencedColumns: ['id'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
    })
    const fk = member.foreignKeys[0]!
    const ops: Operation[] = [
      { kind: 'rename_column', table: member, from: 'id', to: 'member_id', column: member.columns[0]! },
      { kind: 'drop_foreign_key', table: member, foreignKey: fk },
      { kind: 'add_foreign_key', table: member, foreignKey: { ...fk, onDelete: 'CASCADE' } },
    ]
    expect(sqlOf(ops, mariadb1011, mySchema([team, member]))).toEqual([
      'ALTER TABLE `member` RENAME COLUMN IF EXISTS `id` TO `member_id`, ALGORITHM=INSTANT',
      'ALTER TABLE `member` DROP FOREIGN KEY IF EXISTS `FK_team`, ALGORITHM=INSTANT',
      'ALTER TABLE `member` ADD CONSTRAINT `FK_team` FOREIGN KEY IF NOT EXISTS (`team_id`) REFERENCES `team` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    ])
    expect(sqlOf(ops, mysql8, mySchema([team, member]))).toEqual([
      'ALTER TABLE `member` RENAME COLUMN `id` TO `member_id`, ALGORITHM=INPLACE, LOCK=NONE',
      'ALTER TABLE `member` DROP FOREIGN KEY `FK_team`, ALGORITHM=INPLACE, LOCK=NONE',
      'ALTER TABLE `member` ADD CONSTRAINT `FK_team` FOREIGN KEY (`team_id`) REFERENCES `team` (`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    ])
  })

  it("renames a json column with CHANGE COLUMN on MariaDB, whose check on it is named after the column where it is defined", () => {
    const doc = myTable('doc', [col('id'), col('meta', 'json', { nullable: false })], { primaryKey: { columns: ['id'] } })
    const ops: Operation[] = [{ kind: 'rename_column', table: doc, from: 'meta', to: 'metadata', column: doc.columns[1]! }]
    expect(sqlOf(ops, mariadb1011, mySchema([doc]))).toEqual(["ALTER TABLE `doc` CHANGE COLUMN IF EXISTS `meta` `metadata` json NOT NULL, ALGORITHM=INSTANT"])
    // MySQL's json is a type of its own, with no check.
    expect(sqlOf(ops, mysql8, mySchema([doc]))).toEqual([expect.stringMatching(/^ALTER TABLE `doc` RENAME COLUMN `meta` TO `metadata`/)])
  })

  it('drops the foreign keys a type change needs gone before the first change and adds them again with the last', () => {
    const { ops, from } = keyChangedToBigint('int')
    const statements = compile(ops, mariadb1011, from)
    expect(statements.map((s) => s.sql)).toEqual([
      'ALTER TABLE `member` DROP FOREIGN KEY IF EXISTS `FK_team`',
      'ALTER TABLE `team` MODIFY COLUMN `id` bigint NOT NULL',
      // The ALTER of the last change adds the key again: ADD FOREIGN KEY copies the table, one copy for both.
      'ALTER TABLE `member` MODIFY COLUMN `team_id` bigint NOT NULL, ' +
        'ADD CONSTRAINT `FK_team` FOREIGN KEY IF NOT EXISTS (`team_id`) REFERENCES `team` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION',
    ])
    expect(statements[0]!.operations).toEqual(ops)
    expect(statements.map((s) => s.rebuild)).toEqual([undefined, 'team', 'member'])
  })

  it('checks the values of a column changed before the foreign keys go, and changes it in the ALTER of the column that needs them gone', () => {
    const { ops: [teamId, teamIdUse], from } = keyChangedToBigint('int')
    const member = from.tables[1]!
    const mood = col('mood', 'enum', { enumValues: ['a', 'b'] })
    const withMood = { ...member, columns: [...member.columns, mood] }
    const ops = [alterColumn(withMood, mood, { ...mood, enumValues: ['a'] }), teamIdUse!, teamId!]
    expect(sqlOf(ops, mariadb1011, mySchema([from.tables[0]!, withMood]))).toEqual([
      "SELECT 1 FROM `member` WHERE (`mood` IN ('b') OR FIND_IN_SET('b', `mood`) > 0) LIMIT 1",
      'ALTER TABLE `member` DROP FOREIGN KEY IF EXISTS `FK_team`',
      "ALTER TABLE `member` MODIFY COLUMN `mood` enum('a') NOT NULL, MODIFY COLUMN `team_id` bigint NOT NULL",
      'ALTER TABLE `team` MODIFY COLUMN `id` bigint NOT NULL',
      'ALTER TABLE `member` ADD CONSTRAINT `FK_team` FOREIGN KEY IF NOT EXISTS (`team_id`) REFERENCES `team` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION',
    ])
  })

  describe('a binary column made shorter', () => {
    const token = myTable('token', [col('id'), col('code', 'binary', { length: 8, nullable: true }), col('raw', 'varbinary', { length: 8 })], { primaryKey: { columns: ['id'] } })
    const [, code, raw] = token.columns as [unknown, ColumnModel, ColumnModel]
    const from = mySchema([token])

    it('goes through a varbinary of its length, its zero padding trimmed, after a check of what the padding leaves', () => {
      const op = alterColumn(token, code, { ...code, length: 4, nullable: false })
      const up = compile([op], mariadb1011, from)
      expect(up.map((s) => s.sql)).toEqual([
        'SELECT 1 FROM `token` WHERE `code` IS NULL LIMIT 1',
        'SELECT 1 FROM `token` WHERE CHAR_LENGTH(TRIM(TRAILING 0x00 FROM `code`)) > 4 LIMIT 1',
        'ALTER TABLE `token` MODIFY COLUMN `code` varbinary(8) NULL',
        'UPDATE `token` SET `code` = TRIM(TRAILING 0x00 FROM `code`)',
        'ALTER TABLE `token` MODIFY COLUMN `code` binary(4) NOT NULL',
      ])
      expect(up.map((s) => [s.operations, s.rebuild, s.failIfRows !== undefined])).toEqual([
        [[op], undefined, true], [[op], undefined, true], [[op], 'token', false], [[op], undefined, false], [[op], 'token', false],
      ])
      expect(sqlOf([alterColumn(token, code, { ...code, type: 'varbinary', length: 2 })], mysql8, from).at(-1)).toBe('ALTER TABLE `token` MODIFY COLUMN `code` varbinary(2) NULL')
    })

    it('is one MODIFY where nothing pads: a longer binary, a varbinary made shorter (after its check)', () => {
      expect(sqlOf([alterColumn(token, code, { ...code, length: 16 })], mariadb1011, from)).toEqual(['ALTER TABLE `token` MODIFY COLUMN `code` binary(16) NULL'])
      expect(sqlOf([alterColumn(token, raw, { ...raw, length: 4 })], mariadb1011, from)).toEqual([
        'SELECT 1 FROM `token` WHERE CHAR_LENGTH(`raw`) > 4 LIMIT 1',
        'ALTER TABLE `token` MODIFY COLUMN `raw` varbinary(4) NOT NULL',
      ])
    })
  })

  describe('a change between uuid and a type MariaDB does not convert uuid values to or from', () => {
    const item = myTable('item', [col('id'), col('ref', 'uuid'), col('seen', 'datetime', { precision: 6, nullable: true, default: 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' })], {
      primaryKey: { columns: ['id'] },
      indexes: [{ name: 'IDX_ref', columns: ['ref'], unique: false }],
    })
    const [, ref, seen] = item.columns as [unknown, ColumnModel, ColumnModel]
    const from = mySchema([item])

    it('goes through a varchar as long as a uuid, in two ALTERs that each copy the table, down the same way back', () => {
      const op = alterColumn(item, ref, { ...ref, type: 'bigint', nullable: true, default: '0' })
      const up = compile([op], mariadb1011, from)
      // No uuid is a number: a row fails the check, before anything changed (hunt48).
      expect(up.map((s) => s.sql)).toEqual([
        "SELECT 1 FROM `item` WHERE `ref` IS NOT NULL AND (CAST(`ref` AS CHAR) NOT REGEXP '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$' OR CAST(CAST(`ref` AS CHAR) AS DECIMAL(65,0)) NOT BETWEEN -9223372036854775808 AND 9223372036854775807) LIMIT 1",
        'ALTER TABLE `item` MODIFY COLUMN `ref` varchar(36) NOT NULL',
        'ALTER TABLE `item` MODIFY COLUMN `ref` bigint NULL DEFAULT 0',
      ])
      expect(up.slice(1).map((s) => [s.operations, s.rebuild])).toEqual([[[op], 'item'], [[op], 'item']])
      const down = mysqlDialectAt(mariadb1011).compile(reverseChangeSet(changeSetOf(from, [op])))
      expect(down.map((s) => s.sql)).toEqual([
        'SELECT 1 FROM `item` WHERE `ref` IS NULL LIMIT 1',
        "SELECT 1 FROM `item` WHERE `ref` IS NOT NULL AND LOWER(`ref`) NOT REGEXP '^[0-9a-f](-*[0-9a-f]){31}$' LIMIT 1",
        'ALTER TABLE `item` MODIFY COLUMN `ref` varchar(36) NULL',
        'ALTER TABLE `item` MODIFY COLUMN `ref` uuid NOT NULL',
      ])
    })

    it('from a datetime: the varchar keeps the nullability and leaves out what belongs to either type (default, ON UPDATE)', () => {
      const op = alterColumn(item, seen, { ...seen, type: 'uuid', precision: undefined, default: undefined, onUpdate: undefined })
      expect(sqlOf([op], mariadb1011, from)).toEqual([
        "SELECT 1 FROM `item` WHERE `seen` IS NOT NULL AND LOWER(`seen`) NOT REGEXP '^[0-9a-f](-*[0-9a-f]){31}$' LIMIT 1",
        'ALTER TABLE `item` MODIFY COLUMN `seen` varchar(36) NULL',
        'ALTER TABLE `item` MODIFY COLUMN `seen` uuid NULL',
      ])
      expect(sqlOf([op], undefined, from)).toEqual(sqlOf([op], mariadb1011, from))
    })

    it('as long as the longer text form of the two types, 255 where it is not known', () => {
      const modifies = (to: Partial<ColumnModel>) => sqlOf([alterColumn(item, ref, { ...ref, ...to })], mariadb1011, from).find((sql) => sql.startsWith('ALTER'))
      expect(modifies({ type: 'decimal', precision: 40, scale: 10 })).toBe('ALTER TABLE `item` MODIFY COLUMN `ref` varchar(42) NOT NULL')
      expect(modifies({ type: 'point' })).toBe('ALTER TABLE `item` MODIFY COLUMN `ref` varchar(255) NOT NULL')
      expect(modifies({ type: 'bigint unsigned' })).toBe('ALTER TABLE `item` MODIFY COLUMN `ref` varchar(36) NOT NULL')
    })

    it('MariaDB converts uuid to and from strings, bytes, enums and json at once: one MODIFY', () => {
      const alters = (sql: string[]) => sql.filter((s) => s.startsWith('ALTER'))
      for (const to of [{ type: 'varchar', length: 36 }, { type: 'text' }, { type: 'binary', length: 16 }, { type: 'enum', enumValues: ['a'] }, { type: 'json' }]) {
        expect(alters(sqlOf([alterColumn(item, ref, { ...ref, ...to })], mariadb1011, from))).toHaveLength(1)
        expect(alters(sqlOf([alterColumn(item, { ...ref, ...to }, ref)], mariadb1011, from))).toHaveLength(1)
      }
      // Made a uuid, text is read as its text, bytes as the 16 of a uuid (hunt48).
      expect(sqlOf([alterColumn(item, { ...ref, type: 'text' }, ref)], mariadb1011, from)[0]).toBe(
        "SELECT 1 FROM `item` WHERE `ref` IS NOT NULL AND LOWER(`ref`) NOT REGEXP '^[0-9a-f](-*[0-9a-f]){31}$' LIMIT 1")
      expect(sqlOf([alterColumn(item, { ...ref, type: 'binary', length: 16 }, ref)], mariadb1011, from)[0]).toBe(
        'SELECT 1 FROM `item` WHERE `ref` IS NOT NULL AND LENGTH(`ref`) <> 16 LIMIT 1')
    })

    it('a generated column changes at once: its values are computed again, not converted', () => {
      const computed = { ...ref, nullable: true, computed: { expression: '`id`', stored: true } }
      expect(sqlOf([alterColumn(item, computed, { ...computed, type: 'bigint' })], mariadb1011, from)).toEqual([
        'ALTER TABLE `item` MODIFY COLUMN `ref` bigint GENERATED ALWAYS AS (`id`) STORED',
      ])
    })

    it('the clauses of the table before the change join the first ALTER, those after it the second', () => {
      const ops: Operation[] = [
        { kind: 'drop_index', table: item, index: item.indexes[0]! },
        alterColumn(item, ref, { ...ref, type: 'int' }),
        { kind: 'create_index', table: item, index: { name: 'IDX_ref_seen', columns: ['ref', 'seen'], unique: false } },
      ]
      expect(sqlOf(ops, mariadb1011, from)).toEqual([
        "SELECT 1 FROM `item` WHERE `ref` IS NOT NULL AND (CAST(`ref` AS CHAR) NOT REGEXP '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$' OR CAST(CAST(`ref` AS CHAR) AS DECIMAL(65,0)) NOT BETWEEN -2147483648 AND 2147483647) LIMIT 1",
        'ALTER TABLE `item` DROP INDEX IF EXISTS `IDX_ref`, MODIFY COLUMN `ref` varchar(36) NOT NULL',
        'ALTER TABLE `item` MODIFY COLUMN `ref` int NOT NULL, ADD INDEX IF NOT EXISTS `IDX_ref_seen` (`ref`, `seen`)',
      ])
    })

    it('a foreign key column following its key from uuid to bigint: the key is dropped before both and added again with the last', () => {
      const { ops, from: keyed } = keyChangedToBigint('uuid')
      expect(sqlOf(ops, mariadb1011, keyed)).toEqual([
        "SELECT 1 FROM `team` WHERE `id` IS NOT NULL AND (CAST(`id` AS CHAR) NOT REGEXP '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$' OR CAST(CAST(`id` AS CHAR) AS DECIMAL(65,0)) NOT BETWEEN -9223372036854775808 AND 9223372036854775807) LIMIT 1",
        "SELECT 1 FROM `member` WHERE `team_id` IS NOT NULL AND (CAST(`team_id` AS CHAR) NOT REGEXP '^[[:space:]]*[+-]?[0-9]+[[:space:]]*$' OR CAST(CAST(`team_id` AS CHAR) AS DECIMAL(65,0)) NOT BETWEEN -9223372036854775808 AND 9223372036854775807) LIMIT 1",
        'ALTER TABLE `member` DROP FOREIGN KEY IF EXISTS `FK_team`',
        'ALTER TABLE `team` MODIFY COLUMN `id` varchar(36) NOT NULL',
        'ALTER TABLE `team` MODIFY COLUMN `id` bigint NOT NULL',
        'ALTER TABLE `member` MODIFY COLUMN `team_id` varchar(36) NOT NULL',
        'ALTER TABLE `member` MODIFY COLUMN `team_id` bigint NOT NULL, ' +
          'ADD CONSTRAINT `FK_team` FOREIGN KEY IF NOT EXISTS (`team_id`) REFERENCES `team` (`id`) ON DELETE NO ACTION ON UPDATE NO ACTION',
      ])
    })
  })

  describe('checks before an ALTER that would lose values outside strict mode', () => {
    const mood = col('mood', 'enum', { enumValues: ['a', 'b', 'c'] })
    const tags = col('tags', 'set', { enumValues: ['x', 'y', 'z'], nullable: true })
    const note = myTable('note', [col('id'), mood, tags, col('body', 'text', { nullable: true })], { primaryKey: { columns: ['id'] } })
    const from = mySchema([note])
    const body = note.columns[3]!

    it.each([mariadb1011, mysql8, undefined])('one per column, whatever the server (the one running it may not be strict), carrying its operation', (server) => {
      const ops = [
        alterColumn(note, mood, { ...mood, enumValues: ['a'] }),
        alterColumn(note, tags, { ...tags, enumValues: ['x'] }),
        alterColumn(note, body, { ...body, nullable: false }),
      ]
      const statements = compile(ops, server, from)
      expect(statements.slice(0, 3).map((s) => s.sql)).toEqual([
        "SELECT 1 FROM `note` WHERE (`mood` IN ('b', 'c') OR FIND_IN_SET('b', `mood`) > 0 OR FIND_IN_SET('c', `mood`) > 0) LIMIT 1",
        "SELECT 1 FROM `note` WHERE (`tags` IN ('y', 'z') OR FIND_IN_SET('y', `tags`) > 0 OR FIND_IN_SET('z', `tags`) > 0) LIMIT 1",
        'SELECT 1 FROM `note` WHERE `body` IS NULL LIMIT 1',
      ])
      expect(statements.slice(0, 3).map((s) => s.operations)).toEqual(ops.map((op) => [op]))
      expect(statements[0]!.failIfRows).toBe("rows of \"note\".\"mood\" hold 'b', 'c', which the column no longer takes: move them to another value first " +
        '(outside strict mode the server would silently drop those values); nothing of the table was changed')
      expect(statements[2]!.failIfRows).toContain("hold NULL, which the column no longer takes: fill them first (outside strict mode the server would silently write its type's implicit default")
      expect(statements[3]!.sql).toMatch(/^ALTER TABLE `note` MODIFY COLUMN `mood`/)
      expect(statements).toHaveLength(4)
    })

    it('says what the server writes outside strict mode in place of text an ENUM does not take', () => {
      const statements = compile([alterColumn(note, body, { ...body, type: 'enum', enumValues: ['p', 'q'] })], mariadb1011, from)
      expect(statements[0]!.failIfRows).toContain("hold values that do not convert to enum ('p', 'q'): change them first (outside strict mode the server would silently write the empty label '' in their place)")
    })

    it('first in the migration, naming the table and column as they are before it', () => {
      const renamedNote = { ...note, name: 'memo' }
      const text = { ...body, name: 'text' }
      const ops: Operation[] = [
        { kind: 'rename_table', from: { name: 'note' }, to: { name: 'memo' }, table: renamedNote },
        { kind: 'rename_column', table: { name: 'memo' }, from: 'body', to: 'text', column: text },
        alterColumn({ name: 'memo' }, text, { ...text, nullable: false }),
      ]
      const statements = compile(ops, mariadb1011, from)
      expect(statements[0]!.sql).toBe('SELECT 1 FROM `note` WHERE `body` IS NULL LIMIT 1')
      expect(statements[0]!.failIfRows).toMatch(/^rows of "note"."body" hold NULL, .*; nothing of the table was changed$/)
      expect(statements.slice(1).some((s) => s.failIfRows !== undefined)).toBe(false)
    })

    it('after the statements that fill the column, saying that they ran', () => {
      const ops: Operation[] = [
        { kind: 'copy_column', table: { name: 'note' }, from: mood, to: body, rows: 'empty' },
        alterColumn(note, body, { ...body, nullable: false }),
      ]
      const statements = compile(ops, mariadb1011, from)
      expect(statements.map((s) => s.failIfRows !== undefined)).toEqual([false, true, false])
      expect(statements[1]!.failIfRows).toMatch(/; the ALTER did not run, but the statements before it in the migration did$/)
    })

    it('none for labels added, a column made nullable, a table the migration creates or drops later', () => {
      expect(sqlOf([alterColumn(note, mood, { ...mood, enumValues: ['a', 'b', 'c', 'd'] })], mariadb1011, from)).toHaveLength(1)
      expect(sqlOf([alterColumn(note, mood, { ...mood, nullable: true })], mariadb1011, from)).toHaveLength(1)
      const created = compile([{ kind: 'create_table', table: note }, alterColumn(note, body, { ...body, nullable: false })], mariadb1011, mySchema([]))
      expect(created.some((s) => s.failIfRows !== undefined)).toBe(false)
      const dropped = compile([alterColumn(note, body, { ...body, nullable: false }), { kind: 'drop_table', table: note }], mariadb1011, from)
      expect(dropped.some((s) => s.failIfRows !== undefined)).toBe(false)
    })
  })

  it('asserts no algorithm and counts no copy on a table the migration creates', () => {
    const table = myTable('tag', [col('id'), col('post_id')])
    const statements = compile([
      { kind: 'create_table', table },
      { kind: 'add_foreign_key', table, foreignKey: { name: 'FK_post', columns: ['post_id'], referencedTable: 'post', referencedColumns: ['id'], onDelete: 'CASCADE', onUpdate: 'NO ACTION' } },
    ], mariadb1011)
    expect(statements[1]).toMatchObject({ sql: expect.not.stringContaining('ALGORITHM') })
    expect(statements[1]!.rebuild).toBeUndefined()
  })

  describe('algorithms per server', () => {
    const cases: Array<[string, Operation, string | undefined, string | undefined, string | undefined]> = [
      // name, operation, MariaDB 10.11, MySQL 8, unknown server
      ['add column', { kind: 'add_column', table: post, column: col('n', 'int', { nullable: true }) }, 'ALGORITHM=INSTANT', undefined, undefined],
      ['drop an unindexed column', { kind: 'drop_column', table: post, column: title }, 'ALGORITHM=INSTANT', undefined, undefined],
      ['rename column', { kind: 'rename_column', table: post, from: 'title', to: 'name', column: title }, 'ALGORITHM=INSTANT', 'ALGORITHM=INPLACE, LOCK=NONE', 'ALGORITHM=INPLACE, LOCK=NONE'],
      ['change a default', alterColumn(post, title, { ...title, default: "'x'" }), 'ALGORITHM=INSTANT', undefined, undefined],
      ['make a column NOT NULL', alterColumn(post, { ...title, nullable: true }, title), 'ALGORITHM=INPLACE, LOCK=NONE', undefined, undefined],
      ['create an index', { kind: 'create_index', table: post, index: { name: 'IDX_t', columns: ['title'], unique: false } }, 'ALGORITHM=INPLACE, LOCK=NONE', 'ALGORITHM=INPLACE, LOCK=NONE', 'ALGORITHM=INPLACE, LOCK=NONE'],
      ['create a fulltext index', { kind: 'create_index', table: post, index: { name: 'FT_t', columns: ['title'], unique: false, method: 'fulltext' } }, undefined, undefined, undefined],
      ['rename an index', { kind: 'rename_index', table: post, from: 'IDX_views', to: 'IDX_v', index: post.indexes[0]! }, 'ALGORITHM=INSTANT', 'ALGORITHM=INPLACE, LOCK=NONE', 'ALGORITHM=INPLACE, LOCK=NONE'],
      ['change a type', alterColumn(post, post.columns[2]!, { ...post.columns[2]!, type: 'bigint' }), undefined, undefined, undefined],
      ['add a check', { kind: 'add_check', table: post, check: { name: 'CHK', expression: '`views` >= 0' } }, undefined, undefined, undefined],
    ]
    it.each(cases)('%s', (_name, op, mariadb, mysql, unknown) => {
      const clause = (server: MysqlServer | undefined) => /ALGORITHM=.*$/.exec(sqlOf([op], server).at(-1)!)?.[0]
      expect([clause(mariadb1011), clause(mysql8), clause(undefined)]).toEqual([mariadb, mysql, unknown])
    })

    it('marks the copies: a type change, a reordered ENUM, a primary key change, a check added', () => {
      const mood = col('mood', 'enum', { enumValues: ['a', 'b'] })
      const table = myTable('t', [col('id'), mood], { primaryKey: { columns: ['id'] } })
      const from = mySchema([table])
      // The ALTER's: a check of the rows a new CHECK refuses goes before it (see checkGuard).
      const rebuildOf = (op: Operation, server: MysqlServer | undefined) => compile([op], server, from).find((s) => s.failIfRows === undefined)!.rebuild
      for (const server of [mariadb1011, mysql8, undefined]) {
        expect(rebuildOf(alterColumn(table, mood, { ...mood, enumValues: ['a', 'b', 'c'] }), server)).toBeUndefined()
        expect(rebuildOf(alterColumn(table, mood, { ...mood, enumValues: ['c', 'a', 'b'] }), server)).toBe('t')
        expect(rebuildOf(alterColumn(table, mood, { ...mood, type: 'varchar', length: 5, enumValues: undefined }), server)).toBe('t')
        expect(rebuildOf({ kind: 'drop_primary_key', table, primaryKey: table.primaryKey! }, server)).toBe('t')
        expect(rebuildOf({ kind: 'add_check', table, check: { name: 'c', expression: '`id` > 0' } }, server)).toBe('t')
      }
    })
  })

  it('writes an expression default in parentheses, as the entity spells it (MySQL refuses a bare one)', () => {
    const column = (name: string, defaultSql: string, canonical: string) => col(name, 'int', { nullable: true, default: canonical, defaultSql })
    expect(sqlOf([
      { kind: 'add_column', table: post, column: column('a', '1 + 2 * 3', '(1+2*3)') },
      { kind: 'add_column', table: post, column: column('b', '(1 + 2) * (3 - 1)', '((1+2)*(3-1))') },
      { kind: 'add_column', table: post, column: column('c', '(1 + 2)', '(1+2)') },
      { kind: 'add_column', table: post, column: column('d', '-5', '-5') },
    ], mysql8)).toEqual([
      'ALTER TABLE `post` ADD COLUMN `a` int NULL DEFAULT (1 + 2 * 3), ADD COLUMN `b` int NULL DEFAULT ((1 + 2) * (3 - 1)), ' +
      'ADD COLUMN `c` int NULL DEFAULT (1 + 2), ADD COLUMN `d` int NULL DEFAULT -5',
    ])
  })

  it('writes a literal default of a TEXT, BLOB, JSON or spatial column as an expression on MySQL 8.0.13+ only, which takes no literal there', () => {
    const ops: Operation[] = [
      { kind: 'add_column', table: post, column: col('body', 'text', { default: "'none'" }) },
      { kind: 'add_column', table: post, column: col('meta', 'json', { default: "'{}'" }) },
      { kind: 'add_column', table: post, column: col('note', 'varchar', { length: 20, default: "'none'" }) },
      { kind: 'add_column', table: post, column: col('raw', 'blob', { nullable: true, default: "(repeat('a',2))" }) },
    ]
    const mysql8012 = { ...mysql8, version: [8, 0, 12] as const }
    expect(sqlOf(ops, mysql8)).toEqual([
      "ALTER TABLE `post` ADD COLUMN `body` text NOT NULL DEFAULT ('none'), ADD COLUMN `meta` json NOT NULL DEFAULT ('{}'), " +
      "ADD COLUMN `note` varchar(20) NOT NULL DEFAULT 'none', ADD COLUMN `raw` blob NULL DEFAULT (repeat('a',2))",
    ])
    for (const server of [mariadb1011, mysql8012]) {
      expect(sqlOf(ops, server)[0]).toMatch(/`body` text NOT NULL DEFAULT 'none', ADD COLUMN (IF NOT EXISTS )?`meta` json NOT NULL DEFAULT '\{\}'/)
    }
  })

  it('writes no IF NOT EXISTS on an add of a check or index the same ALTER drops (MariaDB would skip the add)', () => {
    const ops: Operation[] = [
      { kind: 'drop_check', table: post, check: { name: 'CHK', expression: '`views` >= 0' } },
      { kind: 'add_check', table: post, check: { name: 'CHK', expression: '`views` >= 1' } },
      { kind: 'drop_index', table: post, index: post.indexes[0]! },
      { kind: 'create_index', table: post, index: { name: 'IDX_views', columns: ['views', 'title'], unique: false } },
      { kind: 'drop_unique', table: post, unique: { name: 'UQ', columns: ['views'] } },
      { kind: 'add_unique', table: post, unique: { name: 'UQ', columns: ['title'] } },
    ]
    expect(sqlOf(ops, mariadb1011)).toEqual([
      'SELECT 1 FROM `post` WHERE NOT (`views` >= 1) LIMIT 1',
      'SELECT 1 FROM `post` WHERE `title` IS NOT NULL GROUP BY `title` HAVING COUNT(*) > 1 LIMIT 1',
      'ALTER TABLE `post` DROP CONSTRAINT IF EXISTS `CHK`, ADD CONSTRAINT `CHK` CHECK (`views` >= 1), ' +
      'DROP INDEX IF EXISTS `IDX_views`, ADD INDEX `IDX_views` (`views`, `title`), DROP INDEX IF EXISTS `UQ`, ADD UNIQUE INDEX `UQ` (`title`)',
    ])
    const check = { name: 'CHK_old', expression: '`views` >= 0' }
    expect(sqlOf([
      { kind: 'drop_check', table: post, check: { name: 'CHK', expression: '`title` <> \'\'' } },
      { kind: 'rename_constraint', table: post, constraint: 'check', from: 'CHK_old', to: 'CHK', check },
    ], mariadb1011, mySchema([{ ...post, checks: [check] }]))).toEqual([
      'ALTER TABLE `post` DROP CONSTRAINT IF EXISTS `CHK`, DROP CONSTRAINT IF EXISTS `CHK_old`, ADD CONSTRAINT `CHK` CHECK (`views` >= 0)',
    ])
  })

  it('writes IF [NOT] EXISTS on MariaDB only, for every drop and add that takes it', () => {
    const ops: Operation[] = [
      { kind: 'drop_column', table: post, column: title },
      { kind: 'rename_index', table: post, from: 'IDX_views', to: 'IDX_v', index: post.indexes[0]! },
      { kind: 'add_check', table: post, check: { name: 'CHK', expression: '`views` >= 0' } },
      { kind: 'drop_check', table: post, check: { name: 'CHK', expression: '`views` >= 0' } },
      { kind: 'add_unique', table: post, unique: { name: 'UQ', columns: ['views'] } },
      { kind: 'drop_unique', table: post, unique: { name: 'UQ', columns: ['views'] } },
      { kind: 'drop_table', table: post },
    ]
    // The table is dropped at the end: a run again after a failure halfway may find it gone (ALTER TABLE IF EXISTS).
    expect(sqlOf(ops, mariadb1011)).toEqual([
      'ALTER TABLE IF EXISTS `post` DROP COLUMN IF EXISTS `title`, ALGORITHM=INSTANT',
      'ALTER TABLE IF EXISTS `post` RENAME INDEX IF EXISTS `IDX_views` TO `IDX_v`, ALGORITHM=INSTANT',
      // A DROP names what the table had before its ALTER: one ALTER adding and dropping `CHK` keeps it (measured on
      // MariaDB 10.11: "Note 1091 Can't DROP CONSTRAINT `CHK`"), so the drop takes the next ALTER.
      'ALTER TABLE IF EXISTS `post` ADD CONSTRAINT IF NOT EXISTS `CHK` CHECK (`views` >= 0)',
      'ALTER TABLE IF EXISTS `post` DROP CONSTRAINT IF EXISTS `CHK`, ADD UNIQUE INDEX IF NOT EXISTS `UQ` (`views`), ALGORITHM=INPLACE, LOCK=NONE',
      'ALTER TABLE IF EXISTS `post` DROP INDEX IF EXISTS `UQ`, ALGORITHM=INPLACE, LOCK=NONE',
      'DROP TABLE IF EXISTS `post`',
    ])
    expect(sqlOf(ops, mysql8)).toEqual([
      'ALTER TABLE `post` DROP COLUMN `title`',
      'ALTER TABLE `post` RENAME INDEX `IDX_views` TO `IDX_v`, ALGORITHM=INPLACE, LOCK=NONE',
      'ALTER TABLE `post` ADD CONSTRAINT `CHK` CHECK (`views` >= 0)',
      'ALTER TABLE `post` DROP CHECK `CHK`, ADD UNIQUE INDEX `UQ` (`views`)',
      'ALTER TABLE `post` DROP INDEX `UQ`, ALGORITHM=INPLACE, LOCK=NONE',
      'DROP TABLE IF EXISTS `post`',
    ])
  })

  it('copies a column without touching the rows\' ON UPDATE CURRENT_TIMESTAMP columns', () => {
    const stamped = myTable('post', [
      col('id', 'int'), col('title', 'varchar', { length: 50 }), col('headline', 'varchar', { length: 50, nullable: true }),
      col('updated_at', 'datetime', { precision: 6, default: 'CURRENT_TIMESTAMP(6)', onUpdate: 'CURRENT_TIMESTAMP(6)' }),
    ], { primaryKey: { columns: ['id'] } })
    const headline = stamped.columns[2]!
    expect(sqlOf([{ kind: 'copy_column', table: { name: 'post' }, from: title, to: headline, rows: 'empty' }], mariadb1011, mySchema([stamped])))
      .toEqual(['UPDATE `post` SET `headline` = `title`, `updated_at` = `updated_at` WHERE `headline` IS NULL'])
  })

  it('renames tables, foreign keys and checks, keeps a primary key named PRIMARY, and writes views and copies', () => {
    const view = { name: 'titles', definition: 'SELECT `title` FROM `post`', reads: [{ name: 'post' }] }
    const check = { name: 'CHK_a', expression: '`views` > 0' }
    expect(sqlOf([
      { kind: 'rename_table', from: post, to: { name: 'article' }, table: post },
      { kind: 'rename_constraint', table: { name: 'article' }, constraint: 'check', from: 'CHK_a', to: 'CHK_b', check },
      { kind: 'rename_constraint', table: { name: 'article' }, constraint: 'primary_key', from: 'PRIMARY', to: 'PK', primaryKey: { columns: ['id'] } },
      { kind: 'copy_column', table: { name: 'article' }, from: title, to: { ...title, name: 'headline' }, rows: 'empty' },
      { kind: 'create_view', view },
      { kind: 'replace_view', from: view, to: { ...view, definition: 'SELECT `id` FROM `post`' } },
      { kind: 'drop_view', view },
      { kind: 'alter_table_comment', table: { name: 'article' }, to: "it's" },
      { kind: 'alter_table_options', table: { name: 'article' }, from: { engine: 'InnoDB' }, to: { engine: 'Aria' } },
    ], mysql8, mySchema([{ ...post, checks: [check] }]))).toEqual([
      'RENAME TABLE `post` TO `article`',
      'ALTER TABLE `article` DROP CHECK `CHK_a`, ADD CONSTRAINT `CHK_b` CHECK (`views` > 0)',
      'UPDATE `article` SET `headline` = `title` WHERE `headline` IS NULL',
      'CREATE VIEW `titles` AS SELECT `title` FROM `post`',
      'CREATE OR REPLACE VIEW `titles` AS SELECT `id` FROM `post`',
      'DROP VIEW IF EXISTS `titles`',
      "ALTER TABLE `article` COMMENT = 'it''s', ENGINE=Aria",
    ])
  })

  it('names the renamed tables and columns as the views breaking, under their names before the migration', () => {
    const ops: Operation[] = [
      { kind: 'rename_column', table: post, from: 'title', to: 'name', column: title },
      { kind: 'rename_column', table: post, from: 'name', to: 'label', column: { ...title, name: 'name' } },
      { kind: 'rename_table', from: post, to: { name: 'article' }, table: post },
      alterColumn({ name: 'article' }, post.columns[2]!, { ...post.columns[2]!, type: 'bigint' }),
    ]
    expect(mysqlDialectAt(mariadb1011).viewBreakingChanges(changeSetOf(before, ops))).toEqual([
      { name: 'post', columns: ['title'] },
      { name: 'post', columns: ['title'] },
      { name: 'post' },
    ])
  })

  describe('a generated column switched between VIRTUAL and STORED', () => {
    // MySQL 8 refuses to change it in place ("'Changing the STORED status' is not supported for generated
    // columns."), as MariaDB does; MariaDB's SQL runs in test/acceptance/mariadb-generated-storage-switch.test.ts.
    const virtual = col('g', 'int', { computed: { expression: '`a` + 1', stored: false } })
    const source = myTable('source', [virtual, col('a')], {
      indexes: [{ name: 'IDX_g', columns: ['g'], unique: false }],
      checks: [{ name: 'CHK_g', expression: '`g` > 0' }],
    })
    const target = myTable('target', [col('id'), col('g_ref')], {
      primaryKey: { columns: ['id'] },
      foreignKeys: [{ name: 'FK_g', columns: ['g_ref'], referencedTable: 'source', referencedColumns: ['g'], onDelete: 'NO ACTION', onUpdate: 'NO ACTION' }],
    })
    const stored = { ...virtual, computed: { expression: '`a` + 1', stored: true } }

    it('drops it with its check and index and adds them again first in the table, in two ALTERs, with the foreign key to it around them, on MySQL 8', () => {
      expect(sqlOf([alterColumn(source, virtual, stored)], mysql8, mySchema([source, target]))).toEqual([
        'ALTER TABLE `target` DROP FOREIGN KEY `FK_g`',
        'ALTER TABLE `source` DROP INDEX `IDX_g`, DROP CHECK `CHK_g`, DROP COLUMN `g`',
        'ALTER TABLE `source` ADD COLUMN `g` int GENERATED ALWAYS AS (`a` + 1) STORED NOT NULL FIRST, ADD INDEX `IDX_g` (`g`), ADD CONSTRAINT `CHK_g` CHECK (`g` > 0)',
        'ALTER TABLE `target` ADD CONSTRAINT `FK_g` FOREIGN KEY (`g_ref`) REFERENCES `source` (`g`) ON DELETE NO ACTION ON UPDATE NO ACTION',
      ])
    })
  })
})
