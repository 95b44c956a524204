import { PassThrough } from 'node:stream'
import { labelRenameFlagText, renameFlagText } from '../../src/diff/rename-flag-text'
import { parseRenameFlags } from '../../src/cli/rename-flag'
import { renamePrompt, renameQuestion } from '../../src/cli/prompt-rename'
import type { SuspectedRename } from '../../src/diff/rename-types'
import { UserError } from '../../src/source/user-error'

const body: SuspectedRename = { kind: 'column', table: { name: 'post' }, from: 'body', to: 'content', reasons: ['same type text', 'same position'] }
const post: SuspectedRename = { kind: 'table', table: { name: 'post' }, from: 'post', to: 'article', reasons: ['3 of 4 columns equal'] }

describe('renamePrompt', () => {
  function prompt(input: string, end = true) {
    const stdin = new PassThrough()
    const stdout = new PassThrough()
    let shown = ''
    stdout.on('data', (chunk: Buffer) => (shown += chunk.toString()))
    stdin.write(input)
    if (end) stdin.end()
    return { ...renamePrompt(stdin, stdout), shown: () => shown, stdin }
  }

  it('asks with the reasons and reads y or yes as yes, anything else as no, default no', async () => {
    const p = prompt('y\nno\n\nYES\n')
    expect([await p.ask(body), await p.ask(post), await p.ask(body), await p.ask(post)]).toEqual([true, false, false, true])
    expect(p.shown()).toBe(renameQuestion(body) + renameQuestion(post) + renameQuestion(body) + renameQuestion(post))
    expect(renameQuestion(body)).toBe('column post.body is gone and post.content is new (same type text, same position)\nwas post.body renamed to post.content? [y/N] (N drops post.body and its values) ')
    expect(renameQuestion(post)).toMatch(/\nwas post renamed to article\? \[y\/N\] \(N drops table post and its rows\) $/)
    p.close()
  })

  it('takes the end of the input as no', async () => {
    const p = prompt('')
    expect(await p.ask(post)).toBe(false)
    expect(p.shown()).toBe(`${renameQuestion(post)}\n`)
    p.close()
  })

  it('waits for an answer typed later', async () => {
    const p = prompt('', false)
    const answer = p.ask(body)
    setTimeout(() => p.stdin.write('yes\n'), 10)
    expect(await answer).toBe(true)
    p.close()
  })
})

describe('parseRenameFlags', () => {
  it('reads columns, tables and schema-qualified tables', () => {
    expect(parseRenameFlags(['post.body=content', 'post=article', 'app.post.body=content'])).toEqual([
      { kind: 'column', table: { name: 'post' }, from: 'body', to: 'content', origin: '--rename post.body=content' },
      { kind: 'table', table: { name: 'post' }, from: 'post', to: 'article', origin: '--rename post=article' },
      { kind: 'column', table: { schema: 'app', name: 'post' }, from: 'body', to: 'content', origin: '--rename app.post.body=content' },
    ])
    expect(parseRenameFlags(undefined)).toEqual([])
  })

  it('reads a table moved to another schema, renamed or not, and writes the flag back', () => {
    expect(parseRenameFlags(['crm.client=sales.client', 'crm.client=sales.customer'])).toEqual([
      { kind: 'table', table: { schema: 'crm', name: 'client' }, from: 'client', to: 'client', toSchema: 'sales', move: true, origin: '--rename crm.client=sales.client' },
      { kind: 'table', table: { schema: 'crm', name: 'client' }, from: 'client', to: 'customer', toSchema: 'sales', move: true, origin: '--rename crm.client=sales.customer' },
    ])
    const moved: SuspectedRename = { kind: 'table', table: { schema: 'crm', name: 'client' }, from: 'client', to: 'client', toSchema: 'sales', reasons: ['2 of 2 columns equal'] }
    expect(renameFlagText(moved)).toBe('--rename crm.client=sales.client')
    expect(renameQuestion(moved)).toBe('table crm.client is gone and sales.client is new (2 of 2 columns equal)\nwas crm.client moved to sales.client? [y/N] (N drops table crm.client and its rows) ')
  })

  it('refuses what is neither', () => {
    for (const bad of ['post', 'post.body', 'a=b.c', 'a.b.c=d.e', 'a.b=.c', 'a.b=c.d.e', '=x', 'a..b=c', 'a.b.c.d=e', 'a=b=c']) {
      expect(() => parseRenameFlags([bad])).toThrow(UserError)
    }
    expect(() => parseRenameFlags(['post.body'])).toThrow('--rename post.body is not table.old_column=new_column (a column), old_table=new_table (a table), schema.table=new_schema.new_table (a table moved to another schema) nor table.column:old_label=new_label (an enum label)')
    for (const bad of ['post."body=a', 'post."body"x=a', 'post.body=""a"']) expect(() => parseRenameFlags([bad])).toThrow(UserError)
  })

  it('reads names holding . or = in double quotes, as the flag the tool suggests writes them', () => {
    expect(parseRenameFlags(['guilds."roles.muted"="roles.timeout"', '"a=b".c=d', '"we""ird".x=y']).map(({ table, from, to }) => [table, from, to])).toEqual([
      [{ name: 'guilds' }, 'roles.muted', 'roles.timeout'],
      [{ name: 'a=b' }, 'c', 'd'],
      [{ name: 'we"ird' }, 'x', 'y'],
    ])
    const dotted = { kind: 'column', table: { name: 'guilds' }, from: 'roles.muted', to: 'roles.timeout' } as const
    expect(renameFlagText(dotted)).toBe(`--rename 'guilds."roles.muted"="roles.timeout"'`)
    expect(renameFlagText({ kind: 'column', table: { name: 'post' }, from: 'body', to: 'content' })).toBe('--rename post.body=content')
    expect(renameFlagText({ kind: 'table', table: { name: 'post' }, from: 'post', to: 'article' })).toBe('--rename post=article')
    const [read] = parseRenameFlags(['guilds."roles.muted"="roles.timeout"'])
    expect(read).toMatchObject(dotted)
  })

  it('reads an enum label renamed, table.column:old=new, and writes the flag back', () => {
    expect(parseRenameFlags(['task.status:pending=queued', 'app.task.status:in progress=running', 'task."a:b":"v1.0"="v:2"'])).toEqual([
      { kind: 'label', table: { name: 'task' }, column: 'status', from: 'pending', to: 'queued', origin: '--rename task.status:pending=queued' },
      { kind: 'label', table: { schema: 'app', name: 'task' }, column: 'status', from: 'in progress', to: 'running', origin: '--rename app.task.status:in progress=running' },
      { kind: 'label', table: { name: 'task' }, column: 'a:b', from: 'v1.0', to: 'v:2', origin: '--rename task."a:b":"v1.0"="v:2"' },
    ])
    expect(labelRenameFlagText({ name: 'task' }, 'status', 'pending', 'queued')).toBe('--rename task.status:pending=queued')
    const written = labelRenameFlagText({ name: 'task' }, 'a:b', 'v1.0', 'in progress')
    expect(written).toBe(`--rename 'task."a:b":"v1.0"="in progress"'`)
    expect(parseRenameFlags([written.slice(`--rename '`.length, -1)])).toMatchObject([{ kind: 'label', column: 'a:b', from: 'v1.0', to: 'in progress' }])
    // A name holding a colon, quoted, is still a column's rename.
    expect(parseRenameFlags(['post."a:b"=c'])).toMatchObject([{ kind: 'column', from: 'a:b', to: 'c' }])
    for (const bad of ['status:a=b', 'task.status:a', 'task.status:a.b=c', 'a.b.c.d:x=y', 'task.:a=b', 'task.status:a=s.b']) {
      expect(() => parseRenameFlags([bad])).toThrow('is not table.column:old_label=new_label (an enum label renamed)')
    }
  })
})
