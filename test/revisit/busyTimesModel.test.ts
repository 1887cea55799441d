import { OwnerBusyTimes } from '../../nodes/shared/revisit/busyTimes';
import { seededRandom } from '../helpers/random';

/**
 * OwnerBusyTimes against a brute-force model (every time kept in a list, every question asked of all of
 * them): the same answers for many random times added in any order, nested, repeated, empty or long.
 * How long adds take in time order and in random order is printed by `npm run bench -- revisit` (a
 * sorted array with splice took seconds for 200,000 bookings of one owner in random order).
 */
type Interval = [number, number];

function modelOverlaps(times: Interval[], start: number, end: number): boolean {
	return times.some(([s, e]) => s < end && e > start);
}

function randomInterval(random: () => number, span: number, longest: number): Interval {
	const start = Math.floor(random() * span) - span / 4;
	const kind = random();
	const length = kind < 0.05 ? 0 : kind < 0.15 ? Math.floor(random() * longest * 20) : 1 + Math.floor(random() * longest);
	return [start, start + length];
}

describe('owner busy times against a brute-force model', () => {
	it.each([
		['random', 1, 60_000, 50],
		['random, dense', 2, 20_000, 40],
		['ascending', 3, 40_000, 30],
		['descending', 4, 40_000, 30],
		['interleaved passes', 5, 40_000, 30],
	])('%s (seed %d) gives the same answers', (order, seed, span, longest) => {
		const random = seededRandom(seed);
		const owners = 3;
		const busy = new OwnerBusyTimes(owners);
		const model: Interval[][] = Array.from({ length: owners }, () => []);
		let added: Interval[] = Array.from({ length: 1_500 }, () => randomInterval(random, span, longest));
		if (order === 'ascending') added.sort((a, b) => a[0] - b[0]);
		if (order === 'descending') added.sort((a, b) => b[0] - a[0]);
		if (order === 'interleaved passes') {
			added.sort((a, b) => a[0] - b[0]);
			added = [0, 1, 2].flatMap((pass) => added.filter((_, i) => i % 3 === pass));
		}
		// Repeats of earlier times.
		for (let i = 0; i < 100; i++) added.splice(Math.floor(random() * added.length), 0, added[Math.floor(random() * added.length)]);
		let checked = 0;
		let overlapping = 0;
		for (const [start, end] of added) {
			const owner = Math.floor(random() * owners);
			for (let q = 0; q < 3; q++) {
				const [qs, qe] = q === 0 ? [start, end] : randomInterval(random, span, longest);
				const asked = Math.floor(random() * owners);
				const expected = modelOverlaps(model[asked], qs, qe);
				expect([asked, qs, qe, busy.overlaps(asked, qs, qe)]).toEqual([asked, qs, qe, expected]);
				checked++;
				if (expected) overlapping++;
			}
			busy.add(owner, start, end);
			model[owner].push([start, end]);
		}
		// Both answers were asked often.
		expect(overlapping).toBeGreaterThan(checked / 10);
		expect(checked - overlapping).toBeGreaterThan(checked / 10);
	});

	it('answers an owner with no times, and keeps owners apart', () => {
		const busy = new OwnerBusyTimes(2);
		expect(busy.overlaps(0, 0, 10)).toBe(false);
		busy.add(1, -50, 50);
		expect(busy.overlaps(0, 0, 10)).toBe(false);
		expect(busy.overlaps(1, 49, 60)).toBe(true);
		expect(busy.overlaps(1, 50, 60)).toBe(false);
	});
});
