import type { CommissionRule } from './config.js';

/** An order line as commission sees it: every amount in integer minor units of the order's currency. */
export interface LineInput {
  productId: string;
  brand?: string | undefined;
  quantity: number;
  /** The line before discounts: unit price × quantity. */
  amount: number;
}

export interface PricedLine extends LineInput {
  lineNo: number;
  /** What the shopper paid for the line: its amount less its share of the order's discounts. */
  paid: number;
  ruleId: string | null;
  ratePpm: number;
  commission: number;
}

export interface PricedOrder {
  lines: PricedLine[];
  bonus: { amount: number; ruleId: string } | null;
}

const PPM = 1_000_000n;

/**
 * The rule for one line: among the rules whose named fields all match, the most specific. A product outranks a
 * brand, and a creator makes either more specific: product+creator, product, brand+creator, brand, creator, site.
 * Equal rank: the one written first.
 */
export function ruleFor(rules: readonly CommissionRule[], line: Pick<LineInput, 'productId' | 'brand'>, creator: string): CommissionRule | undefined {
  let best: CommissionRule | undefined;
  let bestRank = -1;
  for (const rule of rules) {
    if (rule.product !== undefined && rule.product !== line.productId) continue;
    if (rule.brand !== undefined && rule.brand !== line.brand) continue;
    if (rule.creator !== undefined && rule.creator !== creator) continue;
    const rank = (rule.product !== undefined ? 4 : 0) + (rule.brand !== undefined ? 2 : 0) + (rule.creator !== undefined ? 1 : 0);
    if (rank > bestRank) {
      best = rule;
      bestRank = rank;
    }
  }
  return best;
}

/** `paid × rate`, rounded half up to a whole minor unit. */
export function commissionOf(paid: number, ratePpm: number): number {
  return Number((BigInt(paid) * BigInt(ratePpm) + PPM / 2n) / PPM);
}

/** `amount × part / whole`, rounded down; refunds take cumulative shares of it so the last one leaves exactly 0. */
export function shareOf(amount: number, part: number, whole: number): number {
  if (whole === 0) return 0;
  return Number((BigInt(amount) * BigInt(part)) / BigInt(whole));
}

/**
 * Spreads an order's discount over its lines in proportion to their amounts, to the minor unit: each line gets the
 * rounded-down share, and the units left go to the largest remainders (the earlier line on a tie). A discount larger
 * than the order is capped at it, so no line is paid below zero.
 */
export function allocateDiscount(amounts: readonly number[], discount: number): number[] {
  const total = amounts.reduce((sum, amount) => sum + amount, 0);
  const spread = Math.min(discount, total);
  if (spread === 0) return amounts.map(() => 0);
  const shares = amounts.map((amount) => (BigInt(amount) * BigInt(spread)) / BigInt(total));
  const remainders = amounts.map((amount, index) => ({ index, rest: (BigInt(amount) * BigInt(spread)) % BigInt(total) }));
  let left = spread - Number(shares.reduce((sum, share) => sum + share, 0n));
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0) break;
    shares[index]! += 1n;
    left -= 1;
  }
  return shares.map(Number);
}

/**
 * Prices every line under the rules as they are now; the result is written to the ledger, so a rule changed later
 * never changes it. The order's bonus is the largest bonus in its currency among the rules that won its lines.
 */
export function priceOrder(rules: readonly CommissionRule[], lines: readonly LineInput[], discount: number, currency: string, creator: string): PricedOrder {
  const discounts = allocateDiscount(lines.map((line) => line.amount), discount);
  let bonus: PricedOrder['bonus'] = null;
  const priced = lines.map((line, index): PricedLine => {
    const paid = line.amount - discounts[index]!;
    const rule = ruleFor(rules, line, creator);
    const ruleBonus = rule?.bonus[currency];
    if (rule && ruleBonus !== undefined && ruleBonus > 0 && (!bonus || ruleBonus > bonus.amount)) bonus = { amount: ruleBonus, ruleId: rule.id };
    const ratePpm = rule?.ratePpm ?? 0;
    return { ...line, lineNo: index + 1, paid, ruleId: rule?.id ?? null, ratePpm, commission: commissionOf(paid, ratePpm) };
  });
  return { lines: priced, bonus };
}
