export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __IDEAGORA_PG__?: { stop(): Promise<void> } }).__IDEAGORA_PG__?.stop();
}
