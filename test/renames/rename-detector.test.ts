import { detectColumnRenames, detectTableRenames } from '../../src/diff/rename-detector'
import { columnMatch, typeFamily } from '../../src/diff/rename-compatibility'
import { column, schema, table } from '../support/model-builders'
import { postgresTypeFamilies } from '../../src/dialect/postgres/postgres-type-families'

const comparison = { enumValuesOnType: false }
const id = column('id', 'integer', { generated: { kind: 'increment' } })

describe('detectColumnRenames', () => {
  it('pairs a dropped column with an added one of the same type, with the reasons', () => {
    const before = table('post', [id, column('body', 'varchar', { length: 200 })])
    const after = table('post', [id, column('content', 'varchar', { length: 200 }), column('views', 'bigint')])
    expect(detectColumnRenames(before, after, postgresTypeFamilies)).toEqual([
      { kind: 'column', table: { name: 'post' }, from: 'body', to: 'content', reasons: ['same type varchar(200)', 'same position'] },
    ])
  })

  it('pairs within a type family and lists what else changes', () => {
    const before = table('post', [id, column('title', 'varchar', { length: 50, nullable: true, default: "'x'" })])
    const after = table('post', [column('heading', 'text'), id])
    expect(detectColumnRenames(before, after, postgresTypeFamilies)).toEqual([
      {
        kind: 'column', table: { name: 'post' }, from: 'title', to: 'heading',
        reasons: ['type varchar(50) -> text', 'becomes NOT NULL', "default 'x' -> none"],
      },
    ])
  })

  it('does not pair columns of different families, arrays with scalars, or computed columns', () => {
    const before = table('t', [id, column('a', 'integer'), column('b', 'text', { isArray: true }), column('c', 'integer')])
    const after = table('t', [
      id,
      column('x', 'text'),
      column('y', 'text'),
      column('z', 'integer', { computed: { expression: '"id" * 2', stored: true } }),
    ])
    expect(detectColumnRenames(before, after, postgresTypeFamilies)).toEqual([])
  })

  it('pairs each column once, best match first', () => {
    const before = table('t', [id, column('a', 'varchar', { length: 10 }), column('b', 'varchar', { length: 20 })])
    const after = table('t', [id, column('c', 'varchar', { length: 20 }), column('d', 'varchar', { length: 10 })])
    expect(detectColumnRenames(before, after, postgresTypeFamilies).map((s) => [s.from, s.to])).toEqual([['a', 'd'], ['b', 'c']])
  })

  it('pairs columns by name over position when the new names hold the old ones (moved into an embedded)', () => {
    // venues.city and .region became the embedded Place's placeRegion and placeCity, listed in another order:
    // by position alone city went to placeRegion, and a rename stated as suggested swapped the values.
    const before = table('venues', [id, column('city', 'varchar'), column('region', 'varchar'), column('country', 'varchar')])
    const after = table('venues', [id, column('placeRegion', 'varchar'), column('placeCity', 'varchar'), column('place_country', 'varchar', { length: 2 })])
    expect(detectColumnRenames(before, after, postgresTypeFamilies)).toEqual([
      { kind: 'column', table: { name: 'venues' }, from: 'city', to: 'placeCity', reasons: ['same type varchar', 'similar name'] },
      { kind: 'column', table: { name: 'venues' }, from: 'country', to: 'place_country', reasons: ['type varchar -> varchar(2)', 'same position', 'similar name'] },
      { kind: 'column', table: { name: 'venues' }, from: 'region', to: 'placeRegion', reasons: ['same type varchar', 'similar name'] },
    ])
  })

  it('pairs columns by a word their names share, over position (counters moved into an embedded)', () => {
    // post.viewsCount and .likesCount became the embedded Stat's statLikes and statViews: by position alone
    // viewsCount went to statLikes.
    const before = table('post', [id, column('viewsCount', 'integer'), column('likesCount', 'integer')])
    const after = table('post', [id, column('statLikes', 'integer'), column('statViews', 'integer')])
    expect(detectColumnRenames(before, after, postgresTypeFamilies)).toEqual([
      { kind: 'column', table: { name: 'post' }, from: 'likesCount', to: 'statLikes', reasons: ['same type integer', 'both names say "likes"'] },
      { kind: 'column', table: { name: 'post' }, from: 'viewsCount', to: 'statViews', reasons: ['same type integer', 'both names say "views"'] },
    ])
  })

  it('does not take a short name inside a longer one for a similar name', () => {
    const before = table('t', [id, column('ab', 'varchar')])
    const after = table('t', [id, column('label', 'varchar')])
    expect(detectColumnRenames(before, after, postgresTypeFamilies)[0]!.reasons).toEqual(['same type varchar', 'same position'])
  })

  it('finds nothing when only columns are added or only dropped', () => {
    expect(detectColumnRenames(table('t', [id, column('a')]), table('t', [id]), postgresTypeFamilies)).toEqual([])
    expect(detectColumnRenames(table('t', [id]), table('t', [id, column('a')]), postgresTypeFamilies)).toEqual([])
  })
})

describe('detectTableRenames', () => {
  const post = table('post', [id, column('title', 'varchar', { length: 100 }), column('body', 'text'), column('views', 'integer')])

  it('pairs a dropped table with an added one when most columns are equal', () => {
    const article = table('article', [id, column('title', 'varchar', { length: 100 }), column('body', 'text'), column('stars', 'integer')])
    expect(detectTableRenames(schema([post]), schema([article]), comparison)).toEqual([
      { kind: 'table', table: { name: 'post' }, from: 'post', to: 'article', reasons: ['3 of 4 columns equal'] },
    ])
  })

  it('does not pair tables with less than half of their columns equal', () => {
    const other = table('other', [id, column('a', 'text'), column('b', 'text'), column('c', 'text')])
    expect(detectTableRenames(schema([post]), schema([other]), comparison)).toEqual([])
  })

  it('pairs a table dropped in one schema with one added in another as a move, renamed or not', () => {
    const moved = { ...post, schema: 'archive', name: 'post_archive' }
    expect(detectTableRenames(schema([{ ...post, schema: 'public' }]), schema([moved]), comparison)).toEqual([
      { kind: 'table', table: { schema: 'public', name: 'post' }, from: 'post', to: 'post_archive', toSchema: 'archive', reasons: ['4 of 4 columns equal'] },
    ])
  })

  it('prefers a pair within one schema to a move at an equal score', () => {
    const old = { ...post, schema: 'public' }
    const stays = { ...post, schema: 'public', name: 'article' }
    const moved = { ...post, schema: 'archive', name: 'article' }
    expect(detectTableRenames(schema([old]), schema([moved, stays]), comparison)).toEqual([
      { kind: 'table', table: { schema: 'public', name: 'post' }, from: 'post', to: 'article', reasons: ['4 of 4 columns equal'] },
    ])
  })

  it('ignores tables both sides have', () => {
    expect(detectTableRenames(schema([post]), schema([post]), comparison)).toEqual([])
  })

  it('compares enum columns without their type names, which follow the table name', () => {
    const status = (enumName: string) => column('status', 'enum', { enumName, enumValues: ['a', 'b'] })
    const before = table('post', [id, status('post_status_enum')])
    const after = table('article', [id, status('article_status_enum')])
    expect(detectTableRenames(schema([before]), schema([after]), { enumValuesOnType: true })[0].reasons).toEqual(['2 of 2 columns equal'])
  })
})

describe('columnMatch and typeFamily', () => {
  it('groups canonical types into families', () => {
    expect(typeFamily('bigint', postgresTypeFamilies)).toBe(typeFamily('integer', postgresTypeFamilies))
    expect(typeFamily('varchar', postgresTypeFamilies)).toBe(typeFamily('text', postgresTypeFamilies))
    expect(typeFamily('timestamptz', postgresTypeFamilies)).toBe(typeFamily('timestamp', postgresTypeFamilies))
    expect(typeFamily('uuid', postgresTypeFamilies)).toBe('uuid')
    expect(typeFamily('uuid', postgresTypeFamilies)).not.toBe(typeFamily('text', postgresTypeFamilies))
  })

  it('scores an identical column above a widened one', () => {
    const from = column('a', 'integer')
    expect(columnMatch(from, column('b', 'integer'), false, postgresTypeFamilies)!.score).toBeGreaterThan(columnMatch(from, column('b', 'bigint'), false, postgresTypeFamilies)!.score)
    expect(columnMatch(from, column('b', 'integer', { nullable: true }), true, postgresTypeFamilies)!.reasons).toEqual(['same type integer', 'same position', 'becomes nullable'])
  })
})
