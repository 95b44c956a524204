import { aliasTargets } from '../../src/source/path-aliases'

const aliases = {
  baseDir: '/app',
  paths: {
    '@/*': ['src/*', 'generated/*'],
    '@/enums/*': ['shared/enums/*'],
    '@config': ['config/index.ts'],
    '*': ['vendor/*'],
  },
}

describe('aliasTargets', () => {
  test('replaces the wildcard in every target, in order, against the base folder', () => {
    expect(aliasTargets('@/user', aliases)).toEqual(['/app/src/user', '/app/generated/user'])
  })

  test('the pattern with the longest prefix wins', () => {
    expect(aliasTargets('@/enums/role', aliases)).toEqual(['/app/shared/enums/role'])
  })

  test('an exact pattern wins over wildcards', () => {
    expect(aliasTargets('@config', aliases)).toEqual(['/app/config/index.ts'])
  })

  test('a catch-all pattern maps any other request; without one, nothing matches', () => {
    expect(aliasTargets('lodash', aliases)).toEqual(['/app/vendor/lodash'])
    expect(aliasTargets('lodash', { baseDir: '/app', paths: { '@/*': ['src/*'] } })).toEqual([])
  })

  test('a suffix after the wildcard must match too', () => {
    const suffixed = { baseDir: '/app', paths: { '~*.entity': ['src/entities/*.entity.ts'] } }
    expect(aliasTargets('~user.entity', suffixed)).toEqual(['/app/src/entities/user.entity.ts'])
    expect(aliasTargets('~user', suffixed)).toEqual([])
  })
})
