// CLI: `node -r @swc-node/register libs/stripe-emulator/src/main.ts` (or `nx serve stripe-emulator`).
import { startStripeEmulator } from './emulator.server';

async function main(): Promise<void> {
  const port = Number(process.env['STRIPE_EMULATOR_PORT'] ?? 12111);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid STRIPE_EMULATOR_PORT: ${process.env['STRIPE_EMULATOR_PORT']}`);
  const webhookUrl = process.env['STRIPE_WEBHOOK_URL'];
  const webhookSecret = process.env['STRIPE_WEBHOOK_SECRET'];
  const connectSecret = process.env['STRIPE_CONNECT_WEBHOOK_SECRET'];
  if (webhookUrl && !webhookSecret) throw new Error('STRIPE_WEBHOOK_URL is set but STRIPE_WEBHOOK_SECRET is not');
  // With a Connect secret: two endpoints at the URL, as on Stripe (platform events, Connect events); without: one for both.
  const endpoints =
    webhookUrl && webhookSecret
      ? connectSecret
        ? [
            { url: webhookUrl, secret: webhookSecret, connect: false },
            { url: webhookUrl, secret: connectSecret, connect: true },
          ]
        : [{ url: webhookUrl, secret: webhookSecret }]
      : [];
  const emulator = await startStripeEmulator({
    port,
    host: process.env['STRIPE_EMULATOR_HOST'] ?? '127.0.0.1',
    dataDir: process.env['STRIPE_EMULATOR_DATA_DIR'] || undefined,
    webhookEndpoints: endpoints,
  });
  console.log(`[stripe-emulator] listening on ${emulator.url}${webhookUrl ? `, webhooks → ${webhookUrl}` : ''}`);
  const stop = () => {
    // Flush state to disk before exiting so a restart resumes where this run stopped.
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error('[stripe-emulator] failed to start', err);
  process.exit(1);
});
