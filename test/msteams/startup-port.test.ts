// A taken port is an error at start, not a start that never ends.
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLog } from '../../src/log.js';
import { createTeamsBot } from '../../src/msteams/app.js';
import { openStore } from '../../src/store/db.js';
import { TestClock } from '../support/bot.js';

describe('Teams start-up', () => {
  it('fails with EADDRINUSE when its port is taken (the SDK would otherwise wait forever)', async () => {
    const blocker = http.createServer();
    blocker.listen(0);
    await once(blocker, 'listening');
    const port = (blocker.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'mmw-port-'));
    const store = openStore(join(dir, 'port.db'));
    const bot = createTeamsBot(
      { clientId: '00000000-0000-0000-0000-00000000b07a', clientSecret: '', tenantId: 't', port, adminUserIds: [], membershipTtlMs: 1000, cardUpdateIntervalMs: 0, outboundToken: () => 'x' },
      { store, clock: new TestClock() },
      createLog('error', () => {}),
    );
    try {
      await expect(bot.start(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await bot.stop().catch(() => undefined);
      store.close();
      blocker.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
