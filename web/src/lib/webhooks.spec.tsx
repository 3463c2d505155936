import { attemptOutcome, deliveryStatus, eventsFromForm, eventsInWords, EVENTS_MESSAGE, URL_MESSAGE, URL_REFUSED_MESSAGE, validateWebhookEndpoint, WEBHOOK_EVENTS, webhookLogPath, webhookRefusal, wireName } from './webhooks';

describe('webhook events in words', () => {
  it('names each event as its JSON type', () => {
    expect(WEBHOOK_EVENTS.map(wireName)).toEqual([
      'challenge.published', 'question.asked', 'submission.created', 'challenge.closed', 'prize.awarded', 'payout.paid', 'payout.failed', 'challenge.settled',
    ]);
  });

  it('says what an endpoint is told about in one phrase, in the form’s order', () => {
    expect(eventsInWords(['PRIZE_AWARDED', 'CHALLENGE_PUBLISHED'])).toBe('A challenge is published and a prize is awarded');
    expect(eventsInWords(['PAYOUT_PAID', 'QUESTION_ASKED', 'CHALLENGE_PUBLISHED'])).toBe('A challenge is published, a solver asks a question and a winner is paid');
    expect(eventsInWords([...WEBHOOK_EVENTS])).toBe('Every event');
    expect(eventsInWords([])).toBe('No event');
  });

  it('reads the ticked events once each, in the form’s order, unknown ones dropped', () => {
    const fd = new FormData();
    for (const value of ['PAYOUT_PAID', 'ROOT', 'CHALLENGE_PUBLISHED', 'PAYOUT_PAID']) fd.append('events', value);
    expect(eventsFromForm(fd)).toEqual(['CHALLENGE_PUBLISHED', 'PAYOUT_PAID']);
  });

  it('builds the log’s address', () => {
    expect(webhookLogPath('o 1', 'w1')).toBe('/sponsor/organizations/o%201/developers/webhooks/w1');
  });
});

describe('validateWebhookEndpoint', () => {
  it('asks for a full http(s) address and at least one event', () => {
    expect(validateWebhookEndpoint('https://hooks.example.com/ideagora', ['CHALLENGE_PUBLISHED'])).toEqual({});
    expect(validateWebhookEndpoint('http://127.0.0.1:4555/hooks', ['PAYOUT_PAID'])).toEqual({});
    expect(validateWebhookEndpoint(' ', [])).toEqual({ url: URL_MESSAGE, events: EVENTS_MESSAGE });
    expect(validateWebhookEndpoint('hooks.example.com', ['CHALLENGE_PUBLISHED']).url).toBe(URL_MESSAGE);
    expect(validateWebhookEndpoint('ftp://hooks.example.com', ['CHALLENGE_PUBLISHED']).url).toBe(URL_MESSAGE);
    expect(validateWebhookEndpoint(`https://example.com/${'a'.repeat(2048)}`, ['CHALLENGE_PUBLISHED']).url).toBe(URL_MESSAGE);
    expect(validateWebhookEndpoint('https://me:secret@example.com/hooks', ['CHALLENGE_PUBLISHED']).url).toBe(URL_REFUSED_MESSAGE);
    expect(validateWebhookEndpoint('https://example.com', ['ROOT']).events).toBe(EVENTS_MESSAGE);
  });
});

describe('a delivery in words', () => {
  it('says its status as people do', () => {
    expect(deliveryStatus('DELIVERED', 1)).toEqual({ label: 'Delivered', tone: 'success' });
    expect(deliveryStatus('PENDING', 0)).toEqual({ label: 'Sending', tone: 'info' });
    expect(deliveryStatus('PENDING', 2)).toEqual({ label: 'Retrying', tone: 'warning' });
    expect(deliveryStatus('FAILED', 9)).toEqual({ label: 'Failed', tone: 'danger' });
    expect(deliveryStatus('CANCELLED', 1)).toEqual({ label: 'Cancelled', tone: 'neutral' });
  });

  it('says what an attempt got', () => {
    expect(attemptOutcome(503, 'HTTP 503')).toBe('HTTP 503');
    expect(attemptOutcome(null, 'connect ECONNREFUSED')).toBe('No answer: connect ECONNREFUSED');
    expect(attemptOutcome(null, null)).toBeNull();
  });
});

describe('webhookRefusal', () => {
  it('says each refusal in words, by field or above the form, never the server’s text', () => {
    expect(webhookRefusal({ fieldErrors: { url: 'Url: must be https' } }, 'create')).toEqual({ fieldErrors: { url: URL_REFUSED_MESSAGE }, formError: undefined });
    expect(webhookRefusal({ fieldErrors: { events: 'Events: each once' } }, 'create').fieldErrors).toEqual({ events: EVENTS_MESSAGE });
    expect(webhookRefusal({ formError: 'At most 20', code: 'FAILED_PRECONDITION' }, 'create').formError).toMatch(/^This organization already has 20 webhook endpoints/);
    expect(webhookRefusal({ formError: 'deleted', code: 'FAILED_PRECONDITION' }, 'redeliver').formError).toMatch(/^This endpoint was deleted/);
    expect(webhookRefusal({ formError: 'x', code: 'NOT_FOUND' }, 'delete').formError).toMatch(/^This endpoint no longer exists/);
    expect(webhookRefusal({ formError: 'x', code: 'NOT_FOUND' }, 'redeliver').formError).toMatch(/^This delivery no longer exists/);
    expect(webhookRefusal({ formError: 'x', code: 'FORBIDDEN' }, 'create').formError).toBe('Only owners and admins of this organization manage its webhooks.');
    expect(webhookRefusal({ fieldErrors: { organizationId: 'Check the organization.' } }, 'create').formError).toBe('This organization no longer exists.');
  });
});
