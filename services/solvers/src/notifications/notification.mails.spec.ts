import {
  challengeInvitationMail,
  finalistsAnnouncedMail,
  notificationMail,
  organizationInvitationMail,
  payoutPaidMail,
  prizeAwardedMail,
  teamInvitationMail,
  teamPrizeAwardedMail,
} from './notification.mails';

const WEB = 'https://ideagora.example/';
const CHALLENGE = '0195f3a2-7c4e-7d1a-9b2c-3e4f5a6b7c8d';

describe('the winner mails', () => {
  it.each([
    ['JPY', 1_500_000n, '¥1,500,000'],
    ['USD', 500_000n, '$5,000.00'],
    ['KWD', 1_500n, 'KWD\u00a01.500'],
  ])('writes an award of %s with the currency exponent, what to do to get paid, and the links', (currency, amountMinor, shown) => {
    const mail = prizeAwardedMail('ada@example.test', { challengeId: CHALLENGE, amount: { amountMinor, currency } }, WEB);
    expect(mail.to).toBe('ada@example.test');
    expect(mail.subject).toBe('You won a prize on Ideagora');
    expect(mail.text).toContain(`won a prize of ${shown} on Ideagora.`);
    expect(mail.text).toContain(`\nhttps://ideagora.example/challenges/${CHALLENGE}\n`);
    expect(mail.text).toContain('To receive it, set up payouts: https://ideagora.example/me/payouts\n');
  });

  it.each([
    ['USD', 100_001n, 33_334n, '$1,000.01', '$333.34'],
    ['JPY', 100_000n, 33_334n, '¥100,000', '¥33,334'],
    ['KWD', 1_000_001n, 333_333n, 'KWD\u00a01,000.001', 'KWD\u00a0333.333'],
  ])("writes each team member's part of a %s award and how to get paid", (currency, prize, part, shownPrize, shownPart) => {
    const mail = teamPrizeAwardedMail('ada@example.test', { challengeId: CHALLENGE, amount: { amountMinor: prize, currency }, part: { amountMinor: part, currency } }, WEB);
    expect(mail.subject).toBe('Your team won a prize on Ideagora');
    expect(mail.text).toContain(`your team's solution won a prize of ${shownPrize} on Ideagora.\nYour part, by the split your team agreed, is ${shownPart}.`);
    expect(mail.text).toContain(`\nhttps://ideagora.example/challenges/${CHALLENGE}\n`);
    expect(mail.text).toContain('To receive it, set up payouts: https://ideagora.example/me/payouts\n');
  });

  it('is plain text, in full', () => {
    expect(prizeAwardedMail('ada@example.test', { challengeId: CHALLENGE, amount: { amountMinor: 500_000n, currency: 'USD' } }, 'http://localhost:3000').text).toBe(
      [
        'Congratulations: your solution won a prize of $5,000.00 on Ideagora.',
        '',
        'The challenge:',
        `http://localhost:3000/challenges/${CHALLENGE}`,
        '',
        'To receive it, set up payouts: http://localhost:3000/me/payouts',
        'The money waits for you until then. If your payouts are already set up, there is nothing to do: it is sent to your payout account, and you get a mail when it has been.',
      ].join('\n'),
    );
    expect(payoutPaidMail('ada@example.test', { amountMinor: 500_000n, currency: 'USD' }, 'http://localhost:3000').text).toBe(
      [
        'We have sent your prize money, $5,000.00, to your payout account.',
        "When it reaches your bank depends on that account's payout schedule.",
        '',
        'Your payouts:',
        'http://localhost:3000/me/payouts',
      ].join('\n'),
    );
  });

  it.each([
    ['JPY', 7n, '¥7'],
    ['USD', 5n, '$0.05'],
    ['KWD', 2n ** 53n + 1n, 'KWD\u00a09,007,199,254,740.993'],
  ])('writes a sent payout of %s exactly, beyond floats too, with the link to the payouts', (currency, amountMinor, shown) => {
    const mail = payoutPaidMail('ada@example.test', { amountMinor, currency }, 'http://localhost:3000');
    expect(mail).toEqual({ to: 'ada@example.test', subject: 'Your prize money has been sent', text: expect.any(String) });
    expect(mail.text).toContain(`We have sent your prize money, ${shown}, to your payout account.`);
    expect(mail.text.endsWith('\nhttp://localhost:3000/me/payouts')).toBe(true);
  });
});

describe('the invitation mail', () => {
  const invitation = { inviterName: 'Grace', organizationName: 'Aquatech Labs', role: 'ADMIN', expiresAt: new Date('2026-12-20T10:00:00Z') };

  it('asks an address with an account to sign in', () => {
    expect(organizationInvitationMail('ada@example.test', invitation, true, 'http://localhost:3000/')).toEqual({
      to: 'ada@example.test',
      subject: 'Grace invited you to join Aquatech Labs on Ideagora',
      text: [
        'Grace invited you to join Aquatech Labs on Ideagora as an admin.',
        '',
        'Sign in to accept or decline:',
        'http://localhost:3000/login?next=%2Fsponsor',
        '',
        'The invitation is valid until 20 December 2026. If you did not expect it, you can ignore this mail.',
      ].join('\n'),
    });
  });

  it('asks an address without an account to sign up with it', () => {
    const mail = organizationInvitationMail('new@example.test', { ...invitation, inviterName: null, role: 'MEMBER' }, false, WEB);
    expect(mail.subject).toBe('Someone invited you to join Aquatech Labs on Ideagora');
    expect(mail.text).toContain('as a member.');
    expect(mail.text).toContain('Sign up with this email address (new@example.test) to accept or decline:\nhttps://ideagora.example/signup?next=%2Fsponsor\n');
  });
});

describe('the team invitation mail', () => {
  const invitation = { inviterName: 'Grace', teamName: 'Clear Water', challengeTitle: 'Low-cost water purification', expiresAt: new Date('2026-12-20T09:00:00Z') };

  it('to an address with an account: sign in, then the team invitations page', () => {
    expect(teamInvitationMail('ada@example.test', invitation, true, 'http://localhost:3000/')).toEqual({
      to: 'ada@example.test',
      subject: 'Grace invited you to join the team Clear Water on Ideagora',
      text: [
        'Grace invited you to join the team Clear Water for the challenge “Low-cost water purification” on Ideagora.',
        'Team members enter the challenge together and share any prize by a split they all agree on; each member is paid their share directly.',
        '',
        'Sign in to accept or decline:',
        'http://localhost:3000/login?next=%2Fteams%2Finvitations',
        '',
        'The invitation is valid until 20 December 2026. If you did not expect it, you can ignore this mail.',
      ].join('\n'),
    });
  });

  it('to an address without one: sign up with it; without a known inviter or title, still in words', () => {
    const mail = teamInvitationMail('new@example.test', { ...invitation, inviterName: null, challengeTitle: null }, false, 'https://ideagora.example');
    expect(mail.subject).toBe('Someone invited you to join the team Clear Water on Ideagora');
    expect(mail.text).toContain('Someone invited you to join the team Clear Water on Ideagora.\n');
    expect(mail.text).toContain('Sign up with this email address (new@example.test) to accept or decline:\nhttps://ideagora.example/signup?next=%2Fteams%2Finvitations\n');
  });
});

describe('the challenge invitation mail', () => {
  const invitation = { inviterName: 'Grace', organizationName: 'Aquatech Labs', challengeTitle: 'Clean water', role: 'JUDGE', expiresAt: new Date('2026-12-20T10:00:00Z') };

  it('invites a judge with an account to sign in, then the judging invitations page', () => {
    expect(challengeInvitationMail('ada@example.test', invitation, true, 'http://localhost:3000/')).toEqual({
      to: 'ada@example.test',
      subject: 'Grace of Aquatech Labs invited you to judge “Clean water” on Ideagora',
      text: [
        'Grace of Aquatech Labs invited you to judge the challenge “Clean water” on Ideagora.',
        'Judges read the sealed submissions of this challenge and score them by its criteria; the sponsor decides the prizes.',
        '',
        'Sign in to accept or decline:',
        'http://localhost:3000/login?next=%2Fjudging%2Finvitations',
        '',
        'The invitation is valid until 20 December 2026. If you did not expect it, you can ignore this mail.',
      ].join('\n'),
    });
  });

  it('asks an address without an account to sign up with it; a participant is invited to enter; an unknown inviter is the organization', () => {
    const mail = challengeInvitationMail('new@example.test', { ...invitation, inviterName: null, role: 'PARTICIPANT' }, false, 'https://ideagora.example');
    expect(mail.subject).toBe('Aquatech Labs invited you to enter “Clean water” on Ideagora');
    expect(mail.text).toContain('This challenge is by invitation only');
    expect(mail.text).toContain('Sign up with this email address (new@example.test) to accept or decline:\nhttps://ideagora.example/signup?next=%2Fjudging%2Finvitations\n');
  });
});

describe('the finalists mail', () => {
  const announcement = { challengeId: CHALLENGE, challengeTitle: 'Clean water', finalRoundDeadline: new Date('2026-12-20T10:00:00Z'), finalist: true };

  it('tells a finalist until when to submit new versions, with the challenge link', () => {
    const mail = finalistsAnnouncedMail('ada@example.test', announcement, WEB);
    expect(mail.subject).toBe('Your submission is a finalist of “Clean water”');
    expect(mail.text).toContain('submit new versions until 20 December 2026');
    expect(mail.text).toContain('10:00');
    expect(mail.text.endsWith(`\nhttps://ideagora.example/challenges/${CHALLENGE}`)).toBe(true);
  });

  it('tells the others that the finalists are chosen without them; a missing title is worded', () => {
    const mail = finalistsAnnouncedMail('bob@example.test', { ...announcement, finalist: false, challengeTitle: null }, WEB);
    expect(mail.subject).toBe('The finalists of a challenge you entered have been chosen');
    expect(mail.text).toContain('your submission is not among them');
    expect(mail.text).not.toContain('new versions');
    expect(mail.text.endsWith(`\nhttps://ideagora.example/challenges/${CHALLENGE}`)).toBe(true);
  });
});

describe('the mail of a notification kind without its own', () => {
  it('is its title, its words, the link, and where to choose what is mailed', () => {
    expect(notificationMail({ title: 'Your question about “Clean water” was answered', body: 'The sponsor answered your question.', link: `/challenges/${CHALLENGE}#questions` }, 'http://localhost:3000/')).toEqual({
      subject: 'Your question about “Clean water” was answered',
      text: [
        'The sponsor answered your question.',
        '',
        `http://localhost:3000/challenges/${CHALLENGE}#questions`,
        '',
        'Choose which news you receive by mail: http://localhost:3000/me/profile#notifications',
      ].join('\n'),
    });
  });
});
