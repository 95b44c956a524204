import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { sqliteDialect } from '../../src/dialect/sqlite/sqlite-dialect'
import { compareProject } from '../../src/pipeline/compare-project'
import { measureHazards } from '../../src/pipeline/measure-hazards'
import { RenamedFrom } from '../../src/source/renamed-from'
import { migrateTo, projectFor } from '../support/migration-cycle'
import { createSqliteDatabase, type TestDatabase } from '../support/test-database'

@Entity('users')
class UsersBefore {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', nullable: true }) email: string | null
  @Column({ type: 'integer', nullable: true }) age: number | null
  @Column({ type: 'varchar', length: 100 }) name: string
}

@Entity('users')
class UsersAfter {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', unique: true }) email: string
  @Column({ type: 'varchar', length: 5 }) name: string
}

const rows = 'SELECT id, email, age, name FROM users ORDER BY id'

// Hydra launcher's game_shop_cache: "language" renamed "lang" and made NOT NULL, in one rebuild.
@Entity('users')
class UsersRenamedNotNull {
  @PrimaryGeneratedColumn() id: number
  @RenamedFrom('email') @Column({ type: 'varchar' }) contact: string
  @Column({ type: 'integer', nullable: true }) age: number | null
  @Column({ type: 'varchar', length: 100 }) name: string
}

describe('sqlite: hazards are reported with the data they affect, before anyone runs the migration', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [UsersBefore], 'Init')
    await db.query(`INSERT INTO users (email, age, name) VALUES
      ('a@x', 30, 'Ann'), (NULL, NULL, 'Bartholomew'), (NULL, 41, 'Cy'), ('a@x', NULL, 'Dorothea')`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it('counts NULLs under a new NOT NULL, values longer than a new length, dropped values, duplicates, rebuilt rows', async () => {
    const data = await db.query(rows)
    const { hazards, warnings } = await compareProject(projectFor(db, [UsersAfter]))
    expect(warnings).toEqual([])
    expect(hazards.map((h) => [h.code, h.measurement?.text])).toEqual([
      ['DROP_COLUMN', '2 non-null values'],
      ['TABLE_REBUILD', '4 rows'],
      ['SET_NOT_NULL', '2 rows have NULL in "email"'],
      ['NO_SCHEMA_EFFECT', '2 rows are longer than 5 characters'],
      ['ADD_UNIQUE', '1 duplicate value of ("email")'],
    ])
    expect(hazards[2]!.message).toBe(
      'Makes "users"."email" NOT NULL, which fails while a row holds NULL there (2 rows have NULL in "email"); ' +
      'fill those rows first (UPDATE ... SET "email" = ... WHERE "email" IS NULL).',
    )
    expect(await db.query(rows)).toEqual(data)
  })

  it('a column renamed and made NOT NULL at once is filled under the name it has before the migration', async () => {
    const { hazards } = await compareProject(projectFor(db, [UsersRenamedNotNull]))
    const setNotNull = hazards.find((h) => h.code === 'SET_NOT_NULL')!
    expect(setNotNull.message).toBe(
      'Makes "users"."contact" NOT NULL, which fails while a row holds NULL there (2 rows have NULL in "contact"); ' +
      'fill those rows first (UPDATE ... SET "email" = ... WHERE "email" IS NULL).',
    )
  })

  it('still lists the hazards, without counts and with a warning, when the data cannot be read', async () => {
    const connection = await sqliteDialect.connect(db.options)
    try {
      const operation = { kind: 'drop_column', table: { name: 'users' }, column: { name: 'gone', type: 'text', nullable: true } } as const
      const finding = { code: 'DROP_COLUMN', operation, what: 'Deletes "gone"', advice: 'keep it', probe: { kind: 'non_null', table: { name: 'users' }, column: 'gone' } } as const
      const measured = await measureHazards([finding], sqliteDialect, connection)
      expect(measured.hazards).toEqual([{ code: 'DROP_COLUMN', severity: 'danger', message: 'Deletes "gone"; keep it.', operation }])
      expect(measured.warnings).toEqual([expect.stringMatching(/^the data behind the hazards could not be counted \(.*no such column.*\); they are listed without counts$/)])
    } finally {
      await connection.close()
    }
  })
})

@Entity('movement')
class MovementText {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar' }) type: string
}

@Entity('movement')
class MovementEnum {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'simple-enum', enum: ['SALE', 'ADJUSTMENT'] }) type: string
}

describe('sqlite: a text column becoming an enum', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createSqliteDatabase()
    await migrateTo(db, [MovementText], 'Init')
    await db.query(`INSERT INTO movement (type) VALUES ('SALE'), ('BOGUS'), ('OTHER')`)
  })
  afterAll(async () => db?.drop())

  it('is a danger counting the values outside its labels, which its check refuses', async () => {
    const { hazards } = await compareProject(projectFor(db, [MovementEnum]))
    const restricted = hazards.find((h) => h.code === 'ENUM_VALUE_REMOVED')
    expect([restricted?.severity, restricted?.measurement?.text]).toEqual(['danger', "2 values do not look like varchar ('SALE', 'ADJUSTMENT')"])
    expect(restricted?.message).toMatch(/^Restricts "movement"\."type" to 'SALE' or 'ADJUSTMENT', which fails while rows hold other values/)
  })
})


@Entity('visits')
class VisitsText {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'text' }) seenAt: string
}

@Entity('visits')
class VisitsDatetime {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'datetime' }) seenAt: Date
}

it('sqlite: text made datetime counts only the values that are no date: a date is kept as text, as TypeORM writes it, and a number is not one', async () => {
  const db = await createSqliteDatabase()
  try {
    await migrateTo(db, [VisitsText], 'Init')
    await db.query(`INSERT INTO visits ("seenAt") VALUES ('2024-05-01 12:00:00'), ('2024-05-01T12:00:00.000Z'), ('2024-05-01'), ('yesterday'), ('20240501')`)
    const { hazards } = await compareProject(projectFor(db, [VisitsDatetime]))
    const cast = hazards.find((h) => h.code === 'TYPE_CAST_MAY_FAIL')
    expect(cast?.measurement?.text).toBe('2 values do not look like datetime')
  } finally {
    await db.drop()
  }
})
