import { describeError } from '../../src/cli/describe-error'
import { UserError } from '../../src/source/user-error'

describe('describeError', () => {
  it('prints a UserError as it is', () => {
    expect(describeError(new UserError('config file ./x.ts not found: pass -c/--config FILE'))).toBe(
      'config file ./x.ts not found: pass -c/--config FILE',
    )
  })

  it('adds causes the message does not already quote, on one line', () => {
    const root = new Error('connect ECONNREFUSED 127.0.0.1:5999')
    const quoted = new Error('postgres: cannot connect to 127.0.0.1:5999/app as app: connect ECONNREFUSED 127.0.0.1:5999', { cause: root })
    expect(describeError(quoted)).toBe(quoted.message)
    const wrapped = new Error('postgres: reading foreign keys of "public"."users"', { cause: new Error('permission denied\nfor table x') })
    expect(describeError(wrapped)).toBe('postgres: reading foreign keys of "public"."users": permission denied for table x')
  })
})
