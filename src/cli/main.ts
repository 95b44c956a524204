import { runCli } from './cli'
import { exitWhenDone } from './exit-when-done'

// A reader that stops early (`typeorm-autogen diff | head`) closes the pipe: what is left to print is dropped,
// and the command still finishes (an upgrade is not cut short by its output).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err
  })
}

void runCli(process.argv.slice(2)).then(exitWhenDone)
