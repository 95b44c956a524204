import { fork } from 'node:child_process'
import { benchEntry } from './bench-settings'
import type { ChildResult, ChildTask } from './child-protocol'
import { errorText } from './error-text'

const childTimeoutMs = 20 * 60 * 1000

/** childFlag marks the command line of a child process started by runInChild. */
export const childFlag = '--bench-child'

/**
 * runInChild runs one step in a fresh Node process (`node bin/bench.js --bench-child <task>`), so that its
 * module cache and peak memory are its own, and returns what it reports.
 */
export function runInChild(task: ChildTask): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(benchEntry, [childFlag, JSON.stringify(task)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let result: ChildResult | undefined
    let failure: string | undefined
    const timer = setTimeout(() => {
      failure = `timed out after ${childTimeoutMs / 1000} s`
      child.kill('SIGKILL')
    }, childTimeoutMs)
    child.on('message', (message: { result?: ChildResult; error?: string }) => {
      if (message.result) result = message.result
      if (message.error) failure = message.error
    })
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`bench: starting the ${task.kind} child for ${task.configPath}`, { cause: err }))
    })
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (result && code === 0) resolve(result)
      else {
        const why = failure ?? `exited with ${signal ?? `code ${code}`} without a result`
        reject(new Error(`bench: the ${task.kind} step for ${task.configPath} failed: ${why}`))
      }
    })
  })
}

/** childMain is the entry of a child process: run the task from the command line and send back its result. */
export async function childMain(taskJson: string, run: (task: ChildTask) => Promise<ChildResult>): Promise<void> {
  // Started by hand (no IPC channel), a child prints its result instead: handy when debugging one step.
  const send = (message: unknown) =>
    new Promise<void>((resolve) => {
      if (process.send) process.send(message, () => resolve())
      else process.stdout.write(`${JSON.stringify(message, null, 2)}\n`, () => resolve())
    })
  try {
    const result = await run(JSON.parse(taskJson) as ChildTask)
    await send({ result })
    process.exit(0)
  } catch (err) {
    await send({ error: errorText(err) })
    process.exit(1)
  }
}
