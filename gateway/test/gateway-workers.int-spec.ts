import { GraphQLTestClient, signUpUser, startStack, type Stack } from '@ideagora/testing';

/** GATEWAY_WORKERS > 1: several gateway processes share one port; one that dies is replaced. */
describe('gateway workers (Node cluster)', () => {
  let stack: Stack;
  let client: GraphQLTestClient;
  beforeAll(async () => {
    stack = await startStack();
    client = new GraphQLTestClient(await stack.startAnotherGateway({ GATEWAY_WORKERS: '2' }));
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  /** pids of the workers that logged 'listening' in the extra gateway's output. */
  const workerPids = (): number[] => {
    const section = stack.logs().split('--- gateway-extra').slice(1).join('\n');
    return [...section.matchAll(/"pid":(\d+),[^\n]*"msg":"listening"|"msg":"listening"[^\n]*"pid":(\d+)/g)].map((m) => Number(m[1] ?? m[2]));
  };
  // A worker's start now includes its event participant (migrations under a lock, the bus, the key registry): seconds,
  // more on a loaded machine. This bounds a hang, it is not a timing target.
  const waitFor = async (condition: () => boolean, what: string) => {
    for (let i = 0; i < 600 && !condition(); i += 1) await new Promise((r) => setTimeout(r, 100));
    if (!condition()) throw new Error(`timed out waiting for ${what}\n${stack.logs()}`);
  };

  it('serves from two processes and replaces one that dies', async () => {
    await waitFor(() => new Set(workerPids()).size === 2, 'two workers');
    const user = await signUpUser(client);
    const viewer = async () => (await client.request('{ viewer { id } }', {}, { token: user.token })).data?.viewer;
    expect(await Promise.all(Array.from({ length: 20 }, viewer))).toEqual(Array.from({ length: 20 }, () => ({ id: user.id })));

    const [victim] = workerPids();
    process.kill(victim!, 'SIGKILL');
    await waitFor(() => new Set(workerPids()).size === 3, 'a replacement worker');
    expect(await Promise.all(Array.from({ length: 20 }, viewer))).toEqual(Array.from({ length: 20 }, () => ({ id: user.id })));
  }, 180_000);
});
