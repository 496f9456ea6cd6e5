require('reflect-metadata');
const { sigkill } = require('./reliability/scenarios.js');
const { NatsDriver } = require('./reliability/nats-driver.js');
(async () => {
  const driver = new NatsDriver(['nats://127.0.0.1:4222']);
  const sizes = { kill: Number(process.env.N ?? 2000), term: 2000, restart: 2000, poison: 300, flaky: 300, cluster: 1000, seeds: 1, handlerDelayMs: 0 };
  const seeds = Number(process.env.SEEDS ?? 5);
  for (let seed = 1; seed <= seeds; seed++) {
    for (const policy of ['ACK_FIRST', 'ACK', 'REJECT_ON_ERROR', 'NACK_ON_ERROR', 'MANUAL']) {
    const r = await sigkill(driver, sizes, policy, seed);
    console.log(`${policy} seed ${seed}: processed ${r.processed}, dup ${r.duplicates}, lost ${r.lost}, failures ${JSON.stringify(r.failures)} notes ${JSON.stringify(r.notes.slice(0,3))} ${(r.durationMs/1000).toFixed(1)} s`);
  }}
  await driver.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
