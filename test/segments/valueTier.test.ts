import { valueTiers } from '../../nodes/shared/segments';

const tiers = (revenues: number[], a = 0.8, b = 0.95) => valueTiers(revenues, { a, b }, 'en');

describe('valueTiers (ABC)', () => {
	it('puts the customer who crosses 80% in A, the next 15% in B and the rest in C', () => {
		// Shares: 50, 25, 10, 8, 4, 3 (%). Cumulative before: 0, 50, 75, 85, 93, 97.
		const result = tiers([500, 250, 100, 80, 40, 30]);
		expect(result.map((r) => r.tier.key)).toEqual(['A', 'A', 'A', 'B', 'B', 'C']);
		expect(result.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(result[2].revenueShare).toBeCloseTo(0.1, 12);
		expect(result[2].cumulativeShare).toBeCloseTo(0.85, 12);
	});

	it('keeps input order and gives tied revenues the same tier and rank', () => {
		const result = tiers([10, 60, 10, 10, 10]); // 60 is 60%, then four ties of 10%
		expect(result.map((r) => r.rank)).toEqual([2, 1, 2, 2, 2]);
		expect(result.map((r) => r.tier.key)).toEqual(['A', 'A', 'A', 'A', 'A']);
	});

	it('puts customers without revenue in C and survives an all-zero batch', () => {
		expect(tiers([100, 0]).map((r) => r.tier.key)).toEqual(['A', 'C']);
		const zero = tiers([0, 0]);
		expect(zero.map((r) => r.tier.key)).toEqual(['C', 'C']);
		expect(zero.every((r) => r.revenueShare === 0 && Number.isFinite(r.cumulativeShare))).toBe(true);
	});

	it('labels tiers in zh-CN', () => {
		expect(valueTiers([1], { a: 0.8, b: 0.95 }, 'zh-CN')[0].tier).toEqual({ key: 'A', label: 'A 类（核心）' });
	});
});
