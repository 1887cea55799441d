import { OwnerBusyTimes } from '../../nodes/shared/revisit/busyTimes';

describe('owner busy times', () => {
	it('finds an overlap with any earlier time, also one hidden behind a shorter later one', () => {
		const busy = new OwnerBusyTimes(2);
		busy.add(0, 100, 400); // long
		busy.add(0, 150, 160); // inside it
		busy.add(0, 500, 600);
		expect(busy.overlaps(0, 300, 350)).toBe(true); // only the long one reaches here
		expect(busy.overlaps(0, 400, 500)).toBe(false); // ends are exclusive
		expect(busy.overlaps(0, 0, 100)).toBe(false);
		expect(busy.overlaps(0, 599, 700)).toBe(true);
		expect(busy.overlaps(0, 90, 101)).toBe(true);
		expect(busy.overlaps(1, 150, 160)).toBe(false); // another owner
	});

	it('keeps times added in any order', () => {
		const busy = new OwnerBusyTimes(1);
		for (const start of [900, 100, 500, 300, 700]) busy.add(0, start, start + 100);
		for (let t = 0; t < 1100; t += 50) expect(busy.overlaps(0, t, t + 10)).toBe([100, 300, 500, 700, 900].some((s) => t < s + 100 && t + 10 > s));
	});
});
