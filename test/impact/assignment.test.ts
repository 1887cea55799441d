import { assignGroup, assignmentPosition } from '../../nodes/shared/impact/assignment';
import { band, seededRandom } from './simulate';

/**
 * Assign Holdout's rule (position = SHA-256 of campaign and customer ID, holdout below the share) must behave
 * like an independent coin per customer and campaign: the holdout share of a campaign and of every stratum is
 * binomial around the requested share (within 3 binomial standard deviations here), positions are uniform,
 * and two campaigns' assignments are independent.
 */
const CUSTOMERS = 20000;
const ids = Array.from({ length: CUSTOMERS }, (_, i) => `C${String(100000 + i)}`);
const positionsOf = (campaign: string) => ids.map((id) => assignmentPosition(campaign, id));

describe('Assign Holdout: the hash behaves like an independent coin per customer and campaign', () => {
	const positions = positionsOf('win-back-2026-03');

	it.each([0.1, 0.05, 0.5])('holds out the requested share %s of 20,000 customers within binomial limits', (share) => {
		const held = positions.filter((p) => assignGroup(p, share) === 'holdout').length;
		expectWithin(held / CUSTOMERS, band(share, CUSTOMERS));
	});

	it('gives uniform positions (chi-square over 20 equal bins below the 0.1% critical value 43.82, 19 df)', () => {
		const bins = new Array<number>(20).fill(0);
		for (const p of positions) bins[Math.floor(p * 20)]++;
		const expected = CUSTOMERS / 20;
		const chiSquare = bins.reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
		expect(chiSquare).toBeLessThan(43.82);
		expect(Math.min(...positions)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...positions)).toBeLessThan(1);
	});

	it('keeps the share in every stratum, large and small (a 5% and a 10% holdout)', () => {
		// Strata of very different sizes, given by a draw unrelated to the IDs (as a risk level is).
		const random = seededRandom(16_301);
		const strata = ids.map(() => {
			const u = random();
			return u < 0.6 ? 'low' : u < 0.9 ? 'medium' : u < 0.98 ? 'high' : 'critical';
		});
		for (const share of [0.05, 0.1]) {
			for (const stratum of ['low', 'medium', 'high', 'critical']) {
				const members = positions.filter((_, i) => strata[i] === stratum);
				const held = members.filter((p) => assignGroup(p, share) === 'holdout').length;
				expectWithin(held / members.length, band(share, members.length));
			}
		}
	});

	it('is stable: the same customer and campaign give the same position on every call, whatever else is assigned', () => {
		const again = [...ids].reverse().map((id) => assignmentPosition('win-back-2026-03', id)).reverse();
		expect(again).toEqual(positions);
	});

	it('is independent between campaigns, also of names one character apart', () => {
		for (const other of ['win-back-2026-04', 'win-back-2026-03 ', 'Win-back-2026-03', 'nps-follow-up']) {
			const second = positionsOf(other);
			const both = positions.filter((p, i) => p < 0.1 && second[i] < 0.1).length;
			expectWithin(both / CUSTOMERS, band(0.01, CUSTOMERS));
			// Correlation of the positions: about 0 with a standard error of 1/√n.
			const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
			const [ma, mb] = [mean(positions), mean(second)];
			const cov = mean(positions.map((p, i) => (p - ma) * (second[i] - mb)));
			const correlation = cov / (1 / 12);
			expect(Math.abs(correlation)).toBeLessThan(3 / Math.sqrt(CUSTOMERS));
		}
	});
});

function expectWithin(value: number, [low, high]: [number, number]) {
	expect(value).toBeGreaterThanOrEqual(low);
	expect(value).toBeLessThanOrEqual(high);
}
