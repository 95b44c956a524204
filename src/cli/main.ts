import { runCli } from './cli'

// A reader that stops early (`typeorm-autogen diff | head`) closes the pipe: what is left to print is dropped,
// and the command still finishes (an upgrade is not cut short by its output).
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err
  })
}

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
