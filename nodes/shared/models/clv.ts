/**
 * Customer lifetime value over a horizon: expected purchases in each period (from a count model's
 * cumulative expectation E[Y(t)]) times the expected spend per purchase, discounted per period:
 *   CLV = Σ_{k=1..periods} (E[Y(k·L)] − E[Y((k−1)·L)]) · spend / (1 + d)^k
 * where L is the period length in the model's time unit and d the discount rate per period.
 */
export function discountedValue(
	cumulativeExpected: (t: number) => number,
	spendPerPurchase: number,
	periods: number,
	periodLength: number,
	discountRatePerPeriod: number,
): number {
	let value = 0;
	let previous = 0;
	for (let k = 1; k <= periods; k++) {
		const current = cumulativeExpected(k * periodLength);
		value += ((current - previous) * spendPerPurchase) / Math.pow(1 + discountRatePerPeriod, k);
		previous = current;
	}
	return value;
}
