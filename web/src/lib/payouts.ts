/**
 * Words for people about prize money, in one place: Stripe's requirement codes as sentences, and what a winner
 * is told about a prize ("You won First prize — $5,000.00, paid 3 Dec 2026").
 */

/**
 * Stripe's requirement codes (`currently_due`: "external_account", "tos_acceptance.date", "individual.dob.day" …)
 * by prefix, most specific first. Several codes say the same thing to a person (day, month and year of birth).
 */
const REQUIREMENTS: [prefix: string, sentence: string][] = [
  ['external_account', 'Add the bank account the prize money is paid into.'],
  ['tos_acceptance', 'Accept the payment terms of our payments partner, Stripe.'],
  ['individual.dob', 'Give your date of birth.'],
  ['individual.id_number', 'Give your national ID or tax number.'],
  ['individual.ssn_last_4', 'Give the last four digits of your social security number.'],
  ['individual.verification', 'Upload a photo of an identity document.'],
  ['individual.address', 'Give your home address.'],
  ['individual.first_name', 'Give your legal name.'],
  ['individual.last_name', 'Give your legal name.'],
  ['individual.email', 'Give your email address.'],
  ['individual.phone', 'Give your phone number.'],
  ['individual', 'Complete your personal details.'],
  ['business_profile', 'Describe what you do (a website or a short description).'],
  ['business_type', 'Say whether you receive the money as a person or a company.'],
  ['company', 'Complete your company’s details.'],
  ['settings', 'Complete your payout settings.'],
];
const FALLBACK_REQUIREMENT = 'Complete the remaining details on the payout onboarding page.';

/** One sentence per thing still to do, in Stripe's order, each once. */
export function requirementSentences(codes: readonly string[]): string[] {
  const sentences = codes.map((code) => REQUIREMENTS.find(([prefix]) => code === prefix || code.startsWith(`${prefix}.`))?.[1] ?? FALLBACK_REQUIREMENT);
  return [...new Set(sentences)];
}

export type PayoutStatusName = 'HELD' | 'PROCESSING' | 'PAID' | 'FAILED' | 'REVERSED';

/** What follows "You won First prize — $5,000.00": where the money is, in words (the paid date is added by the page). */
export function payoutProgress(status: PayoutStatusName | string, accountActive: boolean): string {
  switch (status) {
    case 'PAID':
      return 'paid';
    case 'PROCESSING':
      return 'being transferred to your account';
    case 'HELD':
      return accountActive ? 'being released to your account' : 'held for you until you set up payouts';
    case 'FAILED':
      return 'transfer failed, we are retrying';
    case 'REVERSED':
      return 'transfer reversed, contact support';
    default:
      return 'awarded';
  }
}
