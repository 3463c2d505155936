import { InvalidAmountError } from './money';

/**
 * Divides `amountMinor` in proportion to `weights` by the largest-remainder (Hamilton) method, exactly in bigint:
 * each part's quota is amount × w / Σw; every part gets the floor of its quota, and the units left over (fewer than
 * the number of parts) go one each to the largest fractional remainders, ties to the lower index (the stated
 * order). The parts always sum to the amount; each is within one unit of its exact quota; a zero weight gets 0.
 *
 * 100001 by 1:1:1 → 33334, 33334, 33333; by 3334:3333:3333 → 33341, 33330, 33330.
 */
export function splitByLargestRemainder(amountMinor: bigint, weights: readonly bigint[] | readonly number[]): bigint[] {
  if (typeof amountMinor !== 'bigint' || amountMinor < 0n) throw new InvalidAmountError('the amount to split must be a non-negative bigint');
  const w = weights.map((weight: bigint | number) => {
    if (typeof weight === 'number' && !Number.isSafeInteger(weight)) throw new InvalidAmountError(`a weight must be a whole number, got ${weight}`);
    const value = BigInt(weight);
    if (value < 0n) throw new InvalidAmountError(`a weight must not be negative, got ${value}`);
    return value;
  });
  const total = w.reduce((sum, value) => sum + value, 0n);
  if (total <= 0n) throw new InvalidAmountError('the weights must not all be zero');
  const parts = w.map((value) => (amountMinor * value) / total);
  // Remainders as numerators over `total`: comparing them is comparing the fractional parts exactly.
  const remainders = w.map((value, index) => ({ index, remainder: (amountMinor * value) % total }));
  let left = amountMinor - parts.reduce((sum, part) => sum + part, 0n);
  remainders.sort((a, b) => (a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : a.index - b.index));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index]! += 1n;
    left -= 1n;
  }
  return parts;
}
