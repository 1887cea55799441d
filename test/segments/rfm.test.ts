import { quantileScores, scoreRfm, segmentForGrid, toGridScore, RFM_SEGMENT_LABELS } from '../../nodes/shared/segments';

describe('quantileScores', () => {
	it('scores n = k distinct values 1..k whatever their order', () => {
		expect([...quantileScores([30, 10, 50, 20, 40], 5)]).toEqual([3, 1, 5, 2, 4]);
	});

	it('fills bins evenly for larger batches', () => {
		const values = Array.from({ length: 100 }, (_, i) => i);
		const scores = quantileScores(values, 4);
		for (let s = 1; s <= 4; s++) expect(scores.filter((x) => x === s)).toHaveLength(25);
	});

	it('gives tied values one score', () => {
		// The four ties sit at mid-rank percentile 0.4 -> 1 + floor(2) = 3.
		expect([...quantileScores([1, 1, 1, 1, 9], 5)]).toEqual([3, 3, 3, 3, 5]);
		expect([...quantileScores([7, 7, 7], 5)]).toEqual([3, 3, 3]);
	});

	it('spreads fewer customers than bins symmetrically', () => {
		expect([...quantileScores([5], 5)]).toEqual([3]);
		expect([...quantileScores([1, 2], 5)]).toEqual([2, 4]);
		expect([...quantileScores([1, 2], 10)]).toEqual([3, 8]);
		expect([...quantileScores([], 5)]).toEqual([]);
	});
});

describe('R x F grid', () => {
	it('names each of the 25 cells exactly once and uses all ten segments', () => {
		const seen = new Set<string>();
		for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) seen.add(segmentForGrid(r, f));
		expect([...seen].sort()).toEqual(Object.keys(RFM_SEGMENT_LABELS).sort());
	});

	it('puts recent frequent buyers in Champions and lapsed frequent buyers in Can’t Lose Them', () => {
		expect(segmentForGrid(5, 5)).toBe('champions');
		expect(segmentForGrid(5, 1)).toBe('newCustomers');
		expect(segmentForGrid(1, 5)).toBe('cantLoseThem');
		expect(segmentForGrid(1, 1)).toBe('hibernating');
		expect(segmentForGrid(3, 3)).toBe('needAttention');
	});

	it('maps 3, 4 and 10 bins onto the 5-grid by band midpoints', () => {
		expect([1, 2, 3].map((s) => toGridScore(s, 3))).toEqual([1, 3, 5]);
		expect([1, 2, 3, 4].map((s) => toGridScore(s, 4))).toEqual([1, 2, 4, 5]);
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => toGridScore(s, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
		expect([1, 2, 3, 4, 5].map((s) => toGridScore(s, 5))).toEqual([1, 2, 3, 4, 5]);
	});
});

describe('scoreRfm', () => {
	it('reverses recency so the most recent buyer scores highest', () => {
		const results = scoreRfm(
			[
				{ recencyDays: 300, frequency: 1, monetary: 10 },
				{ recencyDays: 2, frequency: 1, monetary: 10 },
			],
			5,
			'en',
		);
		expect(results.map((r) => r.r)).toEqual([2, 4]);
		expect(results[0].f).toBe(results[1].f);
		expect(results[1].code).toBe('4-3-3');
	});
});
