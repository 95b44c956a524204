import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm'
import { migrateTo, pendingChanges, revertLast, synchronizeWithTypeorm } from '../../support/migration-cycle'
import { createMariaDbDatabase, type TestDatabase } from '../../support/test-database'

// MariaDB and MySQL report comments and defaults in utf8mb3: a character outside the Basic Multilingual Plane (an
// emoji) reads `?`. Compared as declared, such a comment or default was a change after every migration and after
// synchronize.

@Entity('shop_user', { comment: '用户 🚀 信息' })
class ShopUser {
  @PrimaryGeneratedColumn() id: number
  @Column({ type: 'varchar', length: 20, nullable: true, comment: '表情 ✅🚀 标记' }) mood: string | null
  @Column({ type: 'int', default: 0, comment: '积分 😀😀' }) points: number
  @Column({ type: 'varchar', length: 20, default: '你好 🚀' }) greeting: string
}

describe('a comment or default with characters outside the Basic Multilingual Plane, on MariaDB', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createMariaDbDatabase('storedcomment')
  })
  afterEach(async () => db?.drop())

  it('is written as the server stores it, and the database matches the entities after the migration', async () => {
    const { source } = await migrateTo(db, [ShopUser], 'Init')
    expect(source).toContain(`COMMENT '表情 ✅? 标记'`)
    expect(source).toContain(`COMMENT '积分 ??'`)
    expect(source).toContain(`COMMENT='用户 ? 信息'`)
    expect(await pendingChanges(db, [ShopUser])).toEqual([])
    const [stored] = await db.query<{ comment: string }>(
      `SELECT COLUMN_COMMENT AS comment FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_NAME = 'mood'`)
    expect(stored!.comment).toBe('表情 ✅? 标记')
    // The default is written as declared: the server keeps it whole, and reports it with its `?`.
    expect(source).toContain(`DEFAULT '你好 🚀'`)
    await db.query('INSERT INTO shop_user (id) VALUES (1)')
    const [row] = await db.query<{ greeting: string }>('SELECT greeting FROM shop_user')
    expect(row!.greeting).toBe('你好 🚀')
    await revertLast(db, [ShopUser])
  })

  it('matches the entities after TypeORM\'s synchronize', async () => {
    await synchronizeWithTypeorm(db, [ShopUser])
    expect(await pendingChanges(db, [ShopUser])).toEqual([])
  })
})
