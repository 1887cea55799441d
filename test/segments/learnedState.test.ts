import {
	applyValueTier,
	histogramOf,
	learnRfmCutPoints,
	learnRfmCutPointsFromHistograms,
	learnValueTierState,
	learnValueTierStateFromHistogram,
	parseRfmCutPoints,
	parseValueTierState,
	quantileScores,
	scoreRfmColumnArrays,
	valueTiers,
	type RfmBins,
} from '../../nodes/shared/segments';

let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

function base(n: number) {
	const recencyDays = new Float64Array(n);
	const frequency = new Float64Array(n);
	const monetary = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		recencyDays[i] = Math.floor(next() * 400) + (next() < 0.3 ? 0.5 : 0);
		frequency[i] = 1 + Math.floor(next() * next() * 20);
		monetary[i] = Math.round(frequency[i] * next() * 30000) / 100;
	}
	return { recencyDays, frequency, monetary };
}

function countsOf(values: Float64Array) {
	const counts = new Map<number, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	// Rows in no particular order, as GROUP BY returns them.
	const rows = [...counts].sort(() => next() - 0.5);
	return histogramOf(rows.map((r) => r[0]), rows.map((r) => r[1]), 'test');
}

describe('RFM cut points learned once, applied to pages', () => {
	it.each([3, 4, 5, 10] as RfmBins[])('pages scored with the cut points equal one run over everyone, %i bins', (bins) => {
		for (const n of [1, 2, 7, 100, 5000]) {
			const columns = base(n);
			const whole = scoreRfmColumnArrays(columns, bins, 'en');
			const learned = parseRfmCutPoints(JSON.parse(JSON.stringify(learnRfmCutPoints(columns, bins))), bins);
			// Uneven pages, each scored alone against the learned cut points.
			for (let start = 0; start < n; ) {
				const end = Math.min(n, start + 1 + Math.floor(next() * n * 0.4));
				const page = { recencyDays: columns.recencyDays.slice(start, end), frequency: columns.frequency.slice(start, end), monetary: columns.monetary.slice(start, end) };
				const scored = scoreRfmColumnArrays(page, bins, 'en', learned);
				expect([...scored.r]).toEqual([...whole.r.slice(start, end)]);
				expect([...scored.f]).toEqual([...whole.f.slice(start, end)]);
				expect([...scored.m]).toEqual([...whole.m.slice(start, end)]);
				expect(scored.codes).toEqual(whole.codes.slice(start, end));
				start = end;
			}
		}
	});

	it('learned from GROUP BY histograms equals learned from the customers one by one', () => {
		for (const bins of [3, 5, 10] as RfmBins[]) {
			const columns = base(3000);
			const fromHistograms = learnRfmCutPointsFromHistograms(
				{ recencyDays: countsOf(columns.recencyDays), frequency: countsOf(columns.frequency), monetary: countsOf(columns.monetary) },
				bins,
			);
			expect(fromHistograms).toEqual(learnRfmCutPoints(columns, bins));
		}
	});

	it('states boundaries in the customer’s units and scores unseen values as the lower neighbour', () => {
		// Frequencies 1..10, one customer each: with 5 bins 1-2 score 1, 3-4 score 2, ... 9-10 score 5.
		const frequency = Float64Array.from({ length: 10 }, (_, i) => i + 1);
		const columns = { recencyDays: frequency.map((f) => f * 10), frequency, monetary: frequency.map((f) => f * 100) };
		const learned = learnRfmCutPoints(columns, 5);
		expect(learned.frequency).toEqual([3, 5, 7, 9]);
		expect(learned.monetary).toEqual([300, 500, 700, 900]);
		// Fewer days is better: 80 days or less scores at least 2, 20 days or less scores 5.
		expect(learned.recencyDays).toEqual([80, 60, 40, 20]);
		const cuts = parseRfmCutPoints(learned, 5);
		const unseen = { recencyDays: Float64Array.of(85, 79.5, 0, 1000), frequency: Float64Array.of(2.5, 3, 0, 99), monetary: Float64Array.of(299.99, 300, -5, 1e9) };
		const scored = scoreRfmColumnArrays(unseen, 5, 'en', cuts);
		expect([...scored.r]).toEqual([1, 2, 5, 1]);
		expect([...scored.f]).toEqual([1, 2, 1, 5]);
		expect([...scored.m]).toEqual([1, 2, 1, 5]);
	});

	it('keeps a score nobody reached as null and never scores into it', () => {
		const columns = { recencyDays: Float64Array.of(5, 5, 5), frequency: Float64Array.of(2, 2, 2), monetary: Float64Array.of(0, 0, 0) };
		const learned = learnRfmCutPoints(columns, 5);
		expect(quantileScores(columns.frequency, 5)[0]).toBe(3);
		expect(learned.frequency).toEqual([2, 2, null, null]);
		const scored = scoreRfmColumnArrays({ recencyDays: Float64Array.of(0), frequency: Float64Array.of(50), monetary: Float64Array.of(9) }, 5, 'en', parseRfmCutPoints(learned, 5));
		expect([scored.r[0], scored.f[0], scored.m[0]]).toEqual([3, 3, 3]);
	});

	it.each([
		[{ kind: 'rfmCutPoints', bins: 3, customers: 1, recencyDays: [1, 2], frequency: [1, 2], monetary: [1, 2] }, /recencyDays is \[1,2\] \(expected boundaries running downwards, null last\)/],
		[{ kind: 'rfmCutPoints', bins: 3, customers: 1, recencyDays: [2, 1], frequency: [1], monetary: [1, 2] }, /frequency is \[1\] \(expected 2 boundaries for 3 bins\)/],
		[{ kind: 'rfmCutPoints', bins: 3, customers: 1, recencyDays: [2, 1], frequency: [1, '2'], monetary: [1, 2] }, /frequency\[1\] is "2"/],
		[{ kind: 'rfmCutPoints', bins: 5, customers: 1, recencyDays: [], frequency: [], monetary: [] }, /has 5 bins, which is not this node's Score Bins \(expected 3: learn and apply with the same Score Bins\)/],
		[{ kind: 'valueTierThresholds' }, /kind is "valueTierThresholds" \(expected "rfmCutPoints"/],
		['{not json', /not valid JSON/],
	])('refuses a malformed state %#', (raw, message) => {
		expect(() => parseRfmCutPoints(raw, 3)).toThrow(message);
	});

	it('refuses histograms that count different customers, and bad counts', () => {
		const h = histogramOf([1, 2], [3, 4], 'frequency');
		const other = histogramOf([1], [6], 'monetary');
		expect(() => learnRfmCutPointsFromHistograms({ recencyDays: h, frequency: h, monetary: other }, 5)).toThrow(/recency 7, frequency 7, monetary 6/);
		expect(() => histogramOf([1, 2], [1.5, 2], 'frequency')).toThrow(/frequency: the count for value 1 is 1.5/);
		expect(() => histogramOf([NaN], [1], 'monetary')).toThrow(/monetary: value NaN is not a finite number/);
	});
});

describe('value-tier thresholds learned once, applied to pages', () => {
	const shares = { a: 0.8, b: 0.95 };

	it('give every customer of the base the tier and revenue share of one run', () => {
		for (const n of [1, 3, 50, 4000]) {
			const revenues = Array.from({ length: n }, () => (next() < 0.1 ? 0 : Math.round(next() * next() * 100000) / 100));
			const whole = valueTiers(revenues, shares, 'en');
			const learned = parseValueTierState(JSON.parse(JSON.stringify(learnValueTierState(revenues, whole.map((t) => t.tier.key), shares))));
			revenues.forEach((revenue, i) => {
				const applied = applyValueTier(revenue, learned, 'en');
				expect(applied.tier).toEqual(whole[i].tier);
				expect(applied.revenueShare).toBe(whole[i].revenueShare);
			});
		}
	});

	it('learned from a GROUP BY histogram of whole-number revenues equals learned from a run', () => {
		const revenues = Array.from({ length: 3000 }, () => Math.floor(next() * next() * 5000));
		const whole = valueTiers(revenues, shares, 'en');
		const fromRun = learnValueTierState(revenues, whole.map((t) => t.tier.key), shares);
		expect(learnValueTierStateFromHistogram(countsOf(Float64Array.from(revenues)), shares)).toEqual(fromRun);
	});

	it('puts an unseen revenue between two of the base in the lower one’s tier', () => {
		// 100 is A (share before 0), 50 crosses 80% so it is A too, 10 is B, 1 is C.
		const revenues = [100, 50, 10, 1, 1, 1];
		const learned = learnValueTierState(revenues, valueTiers(revenues, shares, 'en').map((t) => t.tier.key), shares);
		expect([learned.minimumA, learned.minimumAB]).toEqual([50, 10]);
		expect([49.99, 50, 10, 9.99, 0, -3].map((r) => applyValueTier(r, learned, 'en').tier.key)).toEqual(['B', 'A', 'B', 'C', 'C', 'C']);
	});

	it('refuses a malformed state', () => {
		expect(() => parseValueTierState({ kind: 'valueTierThresholds', totalRevenue: 'x', minimumA: 1, minimumAB: 1 })).toThrow(/totalRevenue is "x" \(expected a finite number of at least 0/);
		expect(() => parseValueTierState({ kind: 'rfmCutPoints' })).toThrow(/valueTierThresholds/);
	});
});

describe('no state is learned from 0 customers', () => {
	const none = new Float64Array(0);
	const shares = { a: 0.8, b: 0.95 };

	it('RFM and value tiers alike, from a run and from histograms, saying why and what to do', () => {
		const fromRun = /cannot be learned from 0 customers: no input item was a customer this run could segment \(each refused item's error says why\) \(expected at least one: correct those items, or learn from value histograms\)/;
		const fromHistograms = /cannot be learned from 0 customers: the histograms count none \(expected rows of measure, value and a count above 0/;
		expect(() => learnRfmCutPoints({ recencyDays: none, frequency: none, monetary: none }, 5)).toThrow(fromRun);
		expect(() => learnRfmCutPointsFromHistograms({ recencyDays: countsOf(none), frequency: countsOf(none), monetary: countsOf(none) }, 5)).toThrow(fromHistograms);
		// A value-tier state of 0 customers had a total revenue of 0, so every later page customer with revenue was an error.
		expect(() => learnValueTierState(none, [], shares)).toThrow(/^Value-tier thresholds cannot be learned from 0 customers: no input item/);
		expect(() => learnValueTierStateFromHistogram(countsOf(none), shares)).toThrow(/^Value-tier thresholds cannot be learned from 0 customers: the histograms count none/);
	});
});
