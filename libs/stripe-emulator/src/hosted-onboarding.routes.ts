import type { Request, Response, Router } from 'express';
import { applyOnboarding, type OnboardingOutcome } from './accounts.service';
import type { EmulatorContext } from './emulator.context';
import { parseForm } from './form-params.parser';
import { escapeHtml, page, radioGroup, safeHttpUrl } from './html.util';
import { nowSeconds, randomToken } from './ids.util';
import type { AccountLinkRecord } from './stripe-objects.model';

function unusable(link: AccountLinkRecord | undefined): string | undefined {
  if (!link) return 'This onboarding link is not valid.';
  if (link.used) return 'This onboarding link has already been used.';
  if (link.expires_at < nowSeconds()) return 'This onboarding link has expired.';
  return undefined;
}

function expiredPage(res: Response, reason: string, link: AccountLinkRecord | undefined): void {
  const refresh = safeHttpUrl(link?.refresh_url);
  const action = refresh
    ? `<p><a href="${escapeHtml(refresh)}">Get a new onboarding link</a></p>`
    : '<p>Ask the platform for a new onboarding link.</p>';
  // Stripe sends the user to refresh_url; a link keeps the page inspectable in tests.
  res.status(410).type('html').send(page('Link expired', `<p role="alert">${escapeHtml(reason)}</p>\n${action}`));
}

/**
 * Stand-in for Stripe's hosted Connect onboarding. GET shows a form; POST `outcome=complete`
 * activates the account, `outcome=incomplete` submits details but leaves requirements due.
 * Either way the link is spent and the browser is sent to return_url (303), as Stripe does.
 */
export function registerHostedOnboardingRoutes(router: Router, ctx: EmulatorContext): void {
  router.get('/hosted/onboarding/:token', (req: Request, res: Response) => {
    const link = ctx.store.data.accountLinks[req.params['token'] as string];
    const reason = unusable(link);
    if (reason || !link) return expiredPage(res, reason ?? 'Invalid link.', link);
    const account = ctx.store.data.accounts[link.account];
    const form = `<p>Onboarding for connected account <code>${escapeHtml(link.account)}</code>${
      account?.email ? ` (${escapeHtml(account.email)})` : ''
    }.</p>
<form method="post">
${radioGroup('outcome', 'How should onboarding end?', [
  { value: 'complete', label: 'Complete onboarding', hint: 'All requirements are met; transfers and payouts become active.' },
  { value: 'incomplete', label: 'Leave onboarding incomplete', hint: 'Details are submitted but requirements stay due; transfers stay inactive.' },
])}
<button type="submit">Submit</button>
</form>`;
    res.type('html').send(page('Connect onboarding', form));
  });

  router.post('/hosted/onboarding/:token', (req: Request, res: Response) => {
    const link = ctx.store.data.accountLinks[req.params['token'] as string];
    const reason = unusable(link);
    if (reason || !link) return expiredPage(res, reason ?? 'Invalid link.', link);
    const form = parseForm(typeof req.body === 'string' ? req.body : '');
    const outcome = form['outcome'];
    if (outcome !== 'complete' && outcome !== 'incomplete') {
      res.status(400).type('html').send(page('Connect onboarding', '<p role="alert">Choose whether onboarding is complete or incomplete.</p>'));
      return;
    }
    const account = ctx.store.data.accounts[link.account];
    if (!account) return expiredPage(res, 'The account of this link no longer exists.', link);
    link.used = true;
    applyOnboarding(ctx, account, outcome as OnboardingOutcome, { id: `req_${randomToken(14)}`, idempotencyKey: null });
    const back = safeHttpUrl(link.return_url);
    if (back) {
      res.redirect(303, back);
      return;
    }
    res.type('html').send(page('Onboarding submitted', `<p role="status">Onboarding ${outcome === 'complete' ? 'completed' : 'left incomplete'}.</p>`));
  });
}
