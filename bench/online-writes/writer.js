// writer.js DB BIN: inserts a row every 5 ms on its own connection while `upgrade` runs; prints the upgrade's time and the writes' latencies
const { Client } = require('pg')
const { spawn } = require('node:child_process')
async function main() {
  const [db, bin] = process.argv.slice(2)
  const client = new Client({ host: '127.0.0.1', user: 'postgres', database: db })
  await client.connect()
  const latencies = []
  let running = true
  const writer = (async () => {
    while (running) {
      const t = performance.now()
      await client.query(`INSERT INTO event (kind, amount, score) VALUES ('new', 1, 1)`)
      latencies.push(performance.now() - t)
      await new Promise((r) => setTimeout(r, 5))
    }
  })()
  const t0 = performance.now()
  const code = await new Promise((resolve) => spawn(process.execPath, [bin, 'upgrade', '-q'], { stdio: 'inherit' }).on('exit', resolve))
  const upgradeMs = performance.now() - t0
  running = false
  await writer
  await client.end()
  latencies.sort((a, b) => a - b)
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1)
  console.log(JSON.stringify({ code, upgradeMs: Math.round(upgradeMs), writes: latencies.length, p50: q(0.5), p99: q(0.99), max: latencies.at(-1).toFixed(0) }))
}
main().catch((e) => { console.error(e); process.exit(1) })
