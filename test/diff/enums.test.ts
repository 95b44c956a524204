import { enumUsers } from '../../src/diff/enum-users'
import type { EnumTypeModel } from '../../src/model/schema-model'
import { column, schema, table } from '../support/model-builders'
import { type DiffCase, expectDiffCase, typed } from './diff-case'

// Enum types, where they are named objects: created, dropped, values added, removed, reordered, renamed
// (Alembic leaves enums to alembic-postgresql-enum; it is the yardstick for these cases).

const mood = (values: string[], name = 'mood_enum'): EnumTypeModel => ({ schema: 'public', name, values })
const person = (enumType: EnumTypeModel) =>
  table('person', [column('id'), column('mood', 'enum', { enumName: enumType.name, enumValues: enumType.values })], { schema: 'public', primaryKey: { columns: ['id'] } })
const withEnum = (enumType: EnumTypeModel) => schema([person(enumType)], { enums: [enumType], schemas: ['public'] })
const bare = table('person', [column('id')], { schema: 'public', primaryKey: { columns: ['id'] } })

/** twoMoods: tables person and pet, each with a `mood` column of its own enum type, both types with the same values. */
function twoMoods(personType: string, petType: string) {
  const [forPerson, forPet] = [mood(['happy', 'sad'], personType), mood(['happy', 'sad'], petType)]
  const pet = { ...person(forPet), name: 'pet' }
  return schema([person(forPerson), pet], { enums: [forPerson, forPet], schemas: ['public'] })
}

function altered(name: string, from: string[], to: string[]): DiffCase {
  return {
    name,
    before: withEnum(mood(from)),
    after: withEnum(mood(to)),
    operations: [{ kind: 'alter_enum', from: mood(from), to: mood(to), users: enumUsers(withEnum(mood(from)), mood(from)) }],
    capabilities: typed,
  }
}

const cases: DiffCase[] = [
  {
    name: 'an enum type is created before the column that uses it',
    before: schema([bare], { schemas: ['public'] }),
    after: withEnum(mood(['happy', 'sad'])),
    operations: [
      { kind: 'create_enum', enumType: mood(['happy', 'sad']) },
      { kind: 'add_column', table: { schema: 'public', name: 'person' }, column: person(mood(['happy', 'sad'])).columns[1]! },
    ],
    capabilities: typed,
  },
  {
    name: 'an enum type is dropped after the column that used it',
    before: withEnum(mood(['happy', 'sad'])),
    after: schema([bare], { schemas: ['public'] }),
    operations: [
      { kind: 'drop_column', table: { schema: 'public', name: 'person' }, column: person(mood(['happy', 'sad'])).columns[1]! },
      { kind: 'drop_enum', enumType: mood(['happy', 'sad']) },
    ],
    capabilities: typed,
  },
  altered('a value is added at the end', ['happy', 'sad'], ['happy', 'sad', 'ok']),
  altered('a value is added in the middle', ['happy', 'sad'], ['happy', 'ok', 'sad']),
  altered('a value is removed', ['happy', 'sad', 'ok'], ['happy', 'sad']),
  altered('the values are reordered', ['happy', 'sad'], ['sad', 'happy']),
  {
    name: 'an enum type with the same values under another name is renamed',
    before: withEnum(mood(['happy', 'sad'], 'person_mood_enum')),
    after: withEnum(mood(['happy', 'sad'])),
    operations: [{ kind: 'rename_enum', from: { schema: 'public', name: 'person_mood_enum' }, to: { schema: 'public', name: 'mood_enum' } }],
    capabilities: typed,
  },
  {
    name: 'enum types with the same values under new names are each renamed to the one its column takes',
    before: twoMoods('person_mood_enum', 'pet_mood_enum'),
    after: twoMoods('person_mood', 'pet_mood'),
    operations: [
      { kind: 'rename_enum', from: { schema: 'public', name: 'person_mood_enum' }, to: { schema: 'public', name: 'person_mood' } },
      { kind: 'rename_enum', from: { schema: 'public', name: 'pet_mood_enum' }, to: { schema: 'public', name: 'pet_mood' } },
    ],
    capabilities: typed,
  },
]

it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, diffCase) => expectDiffCase(diffCase))
