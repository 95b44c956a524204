import { namedIn, sameName } from '../../src/model/qualified-name'
import type { QualifiedName } from '../../src/model/schema-model'

describe('namedIn', () => {
  const items: (QualifiedName & { readonly n: number })[] = [
    { name: 'a.b', n: 1 },
    { schema: 'a', name: 'b', n: 2 },
    { schema: '', name: 'b', n: 3 },
    { name: 'b', n: 4 },
    { schema: 'a', name: 'b', n: 5 },
  ]

  it('finds what a scan with sameName finds, the first of equal names, and nothing for a name not there', () => {
    const find = namedIn(items)
    const asked: QualifiedName[] = [{ name: 'a.b' }, { schema: 'a', name: 'b' }, { schema: '', name: 'b' }, { name: 'b' }, { schema: 'a.b', name: '' }, { name: 'c' }]
    for (const name of asked) expect(find(name)).toBe(items.find((i) => sameName(i, name)))
    expect(find({ schema: 'a', name: 'b' })?.n).toBe(2)
  })
})
