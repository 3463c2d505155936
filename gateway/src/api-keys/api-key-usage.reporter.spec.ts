import { ApiKeyUsageReporter } from './api-key-usage.reporter';
import type { ApiKeyUse } from './api-key.registry';

describe('ApiKeyUsageReporter', () => {
  function setUp(uses: ApiKeyUse[], record: (uses: ApiKeyUse[]) => Promise<void>) {
    const held = [...uses];
    const restored: ApiKeyUse[] = [];
    const registry = {
      takeUses: () => held.splice(0),
      restoreUses: (back: readonly ApiKeyUse[]) => void restored.push(...back),
    };
    return { reporter: new ApiKeyUsageReporter(registry, record, 60_000, { warn: () => undefined }), restored, held };
  }
  const use = (apiKeyId: string): ApiKeyUse => ({ apiKeyId, lastUsedAt: new Date().toISOString() });

  it('records one event with every key used since the last report, and nothing when none was', async () => {
    const recorded: ApiKeyUse[][] = [];
    const { reporter } = setUp([use('a'), use('b')], async (uses) => void recorded.push(uses));
    expect(await reporter.report()).toBe(2);
    expect(await reporter.report()).toBe(0);
    expect(recorded.map((uses) => uses.map((u) => u.apiKeyId))).toEqual([['a', 'b']]);
  });

  it('gives the uses back to the registry when the event could not be recorded', async () => {
    const { reporter, restored } = setUp([use('a')], async () => {
      throw new Error('database down');
    });
    await expect(reporter.report()).rejects.toThrow('database down');
    expect(restored.map((u) => u.apiKeyId)).toEqual(['a']);
  });

  it('reports at once when started, then every interval, and what is left when it stops', async () => {
    const recorded: ApiKeyUse[][] = [];
    const { reporter, held } = setUp([use('a')], async (uses) => void recorded.push(uses));
    reporter.start();
    await new Promise((r) => setTimeout(r, 50));
    held.push(use('b')); // used after the first report; the next is a minute away
    await reporter.stop();
    expect(recorded.map((uses) => uses.map((u) => u.apiKeyId))).toEqual([['a'], ['b']]);
  });
});
