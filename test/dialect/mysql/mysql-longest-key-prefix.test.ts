import { isLongestKeyPrefix } from '../../../src/dialect/mysql/mysql-longest-key-prefix'
import type { ColumnModel } from '../../../src/model/schema-model'

const column = (type: string, length: number, charset?: string): ColumnModel => ({ name: 'c', type, length, nullable: false, ...(charset !== undefined && { charset }) })

describe('mysql: the prefix the server gives a string column too long for a whole key', () => {
  it.each([
    ['varchar(1000) of the table charset (utf8mb4): 768', column('varchar', 1000), 768, true],
    ['varchar(1000) of the table charset, in a COMPACT table (utf8mb4): 191', column('varchar', 1000), 191, true],
    ['varchar(5000) latin1: 3072', column('varchar', 5000, 'latin1'), 3072, true],
    ['varbinary(4000): 3072', column('varbinary', 4000), 3072, true],
    ['varchar(1000) latin1 cannot get 768 from the server (it fits whole)', column('varchar', 1000, 'latin1'), 768, false],
    ['a prefix written by hand (10)', column('varchar', 1000), 10, false],
    ['a prefix as long as the column', column('varchar', 768), 768, false],
    ['a type with no length of its own', column('text', 1000), 768, false],
  ])('%s', (_name, c, prefix, expected) => {
    expect(isLongestKeyPrefix(c, prefix)).toBe(expected)
  })
})
