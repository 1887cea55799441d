import type { PendingRevisit } from '../../nodes/shared/revisit/booker';
import { bookingOrder, sortForBooking } from '../../nodes/shared/revisit/bookingOrder';
import { seededRandom as random } from '../helpers/random';

/** Only the fields the booking order reads. */
function pending(customerId: string, index: number, priorityRank: number, target: number, preferred: number): PendingRevisit {
	return { request: { customerId, index }, priorityRank, target, preferred } as unknown as PendingRevisit;
}

function customers(count: number, seed: number, { idsAscending, targetSpread }: { idsAscending: boolean; targetSpread: number }): PendingRevisit[] {
	const rand = random(seed);
	return Array.from({ length: count }, (_, i) =>
		pending(
			// Few distinct IDs when shuffled, so equal IDs are told apart by input position.
			idsAscending ? `C${String(i).padStart(6, '0')}` : `C${Math.floor(rand() * count * 0.3)}`,
			i,
			Math.floor(rand() * rand() * 4),
			20_000 + Math.floor(rand() * targetSpread),
			rand() < 0.3 ? Math.floor(rand() * 5) : -1,
		),
	);
}

const ids = (list: PendingRevisit[]) => list.map((p) => `${p.request.customerId}#${p.request.index}`);

describe('sortForBooking: the booking order without a comparison sort', () => {
	it.each([
		['IDs in ascending order', { idsAscending: true, targetSpread: 90 }],
		['IDs in no order, repeated', { idsAscending: false, targetSpread: 90 }],
		['target days spread too wide for buckets (comparison sort)', { idsAscending: false, targetSpread: 1_000_000 }],
	])('gives the order bookingOrder sorts to: %s', (_, shape) => {
		const list = customers(5_000, 7, shape);
		const expected = ids(list.slice().sort(bookingOrder));
		expect(ids(sortForBooking(list))).toEqual(expected);
		// The input is left as it was.
		expect(list.map((p) => p.request.index)).toEqual(list.map((_, i) => i));
	});

	it('orders priority, then target day, then account manager first, then customer ID and input position', () => {
		const list = [
			pending('B', 0, 1, 10, -1),
			pending('A', 1, 1, 10, -1),
			pending('Z', 2, 1, 10, 3),
			pending('A', 3, 1, 9, -1),
			pending('A', 4, 0, 12, -1),
			pending('A', 5, 1, 10, -1),
		];
		expect(ids(sortForBooking(list))).toEqual(['A#4', 'A#3', 'Z#2', 'A#1', 'A#5', 'B#0']);
	});

	it('handles no customers and one customer', () => {
		expect(sortForBooking([])).toEqual([]);
		const one = [pending('A', 0, 2, 5, -1)];
		expect(sortForBooking(one)).toEqual(one);
	});
});
