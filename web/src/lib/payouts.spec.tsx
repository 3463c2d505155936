import { payoutProgress, requirementSentences } from './payouts';

describe('requirementSentences', () => {
  it("says what Stripe's requirement codes ask, in words, each thing once and in Stripe's order", () => {
    expect(requirementSentences(['tos_acceptance.date', 'tos_acceptance.ip', 'external_account', 'individual.dob.day', 'individual.dob.month', 'individual.dob.year'])).toEqual([
      'Accept the payment terms of our payments partner, Stripe.',
      'Add the bank account the prize money is paid into.',
      'Give your date of birth.',
    ]);
  });

  it('never shows a code: an unknown one becomes a general sentence, a known family its own', () => {
    const sentences = requirementSentences(['individual.verification.additional_document', 'individual.political_exposure', 'something_new.field']);
    expect(sentences).toEqual(['Upload a photo of an identity document.', 'Complete your personal details.', 'Complete the remaining details on the payout onboarding page.']);
    for (const sentence of sentences) expect(sentence).not.toMatch(/\w\.\w|_/); // no dotted or snake_case code
  });

  it('is empty when nothing is due', () => {
    expect(requirementSentences([])).toEqual([]);
  });
});

describe('payoutProgress', () => {
  it('says where the money is', () => {
    expect(payoutProgress('PAID', true)).toBe('paid');
    expect(payoutProgress('HELD', false)).toBe('held for you until you set up payouts');
    expect(payoutProgress('HELD', true)).toBe('being released to your account');
    expect(payoutProgress('PROCESSING', true)).toBe('being transferred to your account');
  });
});
