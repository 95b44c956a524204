#!/usr/bin/env node
'use strict'
// Renders the pull-request comment `diff --format markdown` prints for an edit of the example application
// (on a scratch SQLite file) to HTML with a GitHub-like style, and screenshots it with headless Chromium:
// docs/pr-comment.png. Needs `npm run build` and a `chromium` on the PATH (CHROMIUM=... names another);
// SHOT_SIZE=width,height sets the window. Not part of `npm test`.
const { execFileSync, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { marked } = require('marked')
const Database = require('better-sqlite3')

const root = path.resolve(__dirname, '..')
const bin = path.join(root, 'bin', 'typeorm-autogen.js')
const out = path.join(root, 'docs', 'pr-comment.png')

/** The edit reviewed: several tables changed, a column with data dropped (danger), a rebuild (warning), a widening (note). */
const edit = [
  ['entities/author.entity.ts', '  @Column({ default: true })\n', "  @Column({ type: 'varchar', length: 200, nullable: true })\n  website: string | null\n\n  @Column({ default: true })\n"],
  ['entities/tag.entity.ts', "@Column({ type: 'varchar', length: 50 })", "@Column({ type: 'varchar', length: 80 })"],
  ['entities/tag.entity.ts', '  @Column({ default: false })\n  featured: boolean\n\n', ''],
  ['entities/post.entity.ts', '  @Column({ default: 0 })\n  views: number', '  @Index()\n  @Column({ default: 0 })\n  views: number'],
]

function main() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'autogen-screenshot-')))
  try {
    fs.cpSync(path.join(root, 'entities'), path.join(dir, 'entities'), { recursive: true })
    for (const file of ['ormconfig.ts', 'tsconfig.json']) fs.copyFileSync(path.join(root, file), path.join(dir, file))
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir')
    const database = path.join(dir, 'app.sqlite')
    const cli = (...args) => {
      const run = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', AUTOGEN_SQLITE_FILE: database } })
      if (run.status !== 0 && !(args[0] === 'check' && run.status === 1)) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr}`)
      return run.stdout
    }
    cli('generate', 'Init', '--timestamp', '1700000000000')
    cli('upgrade')
    const db = new Database(database)
    db.prepare("INSERT INTO tag (name, featured) VALUES ('typeorm', 1), ('migrations', 0), ('postgres', 1)").run()
    db.close()
    for (const [file, from, to] of edit) {
      const target = path.join(dir, file)
      const text = fs.readFileSync(target, 'utf8')
      if (!text.includes(from)) throw new Error(`${file} no longer holds the text the edit replaces`)
      fs.writeFileSync(target, text.replace(from, to))
    }
    const markdown = cli('check', '--format', 'markdown')
    // The first fold (the up SQL) is shown open, to see its long lines; the others as a reviewer first sees them.
    const html = page(marked.parse(markdown).replace('<details>', '<details open>'))
    const htmlFile = path.join(dir, 'pr-comment.html')
    fs.writeFileSync(htmlFile, html)
    const chromium = process.env.CHROMIUM ?? 'chromium'
    execFileSync(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', `--screenshot=${out}`,
      `--window-size=${process.env.SHOT_SIZE ?? '1000,1900'}`, `file://${htmlFile}`,
    ], { stdio: ['ignore', 'ignore', 'pipe'] })
    console.log(`Wrote ${path.relative(process.cwd(), out)}`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** page wraps the comment's HTML in a page styled like a GitHub pull-request comment. */
function page(body) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 24px; background: #f6f8fa; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.5; color: #1f2328; }
.comment { max-width: 880px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { padding: 8px 16px; background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0; color: #59636e; }
.comment-header b { color: #1f2328; }
.markdown-body { padding: 16px; }
.markdown-body > :first-child { margin-top: 0; }
h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0; margin: 24px 0 16px; font-weight: 600; }
h3 { font-size: 1.25em; margin: 24px 0 16px; font-weight: 600; }
h4 { font-size: 1em; margin: 24px 0 16px; font-weight: 600; }
p, ul, details { margin: 0 0 16px; }
ul { padding-left: 2em; }
li + li { margin-top: .25em; }
ul ul { margin: .25em 0 0; }
code { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 85%; padding: .2em .4em; background: rgba(129,139,152,.12); border-radius: 6px; }
pre { padding: 16px; overflow: auto; font-size: 85%; line-height: 1.45; background: #f6f8fa; border-radius: 6px; }
pre code { padding: 0; background: none; font-size: 100%; white-space: pre; }
summary { cursor: pointer; }
code.language-diff .add { color: #116329; background: #dafbe1; display: inline-block; width: 100%; }
code.language-diff .del { color: #82071e; background: #ffebe9; display: inline-block; width: 100%; }
code.language-diff .hunk { color: #59636e; }
</style></head><body><div class="comment"><div class="comment-header"><b>github-actions</b> bot commented</div>
<div class="markdown-body">${colourDiffs(body)}</div></div></body></html>
`
}

/** colourDiffs marks the lines of ```diff blocks, as GitHub's highlighter does. */
function colourDiffs(html) {
  return html.replace(/(<code class="language-diff">)([\s\S]*?)(<\/code>)/g, (_all, open, code, close) => {
    const lines = code.replace(/\n$/, '').split('\n').map((line) => {
      const kind = /^(\+\+\+|---)/.test(line) ? 'hunk' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : undefined
      return kind === undefined ? line : `<span class="${kind}">${line}</span>`
    })
    return `${open}${lines.join('\n')}\n${close}`
  })
}

main()
