import { pageIdentity } from '../../nodes/shared/satisfaction';

/** A page's identity: the same items in the same order, the same page; anything else, another. */
describe('pageIdentity', () => {
	const rows = [
		{ responseId: 'R1', nps: 9, respondedAt: new Date('2024-05-01T00:00:00Z') },
		{ responseId: 'R2', nps: 3 },
	];

	it('is the same for the same items, read again', () => {
		expect(pageIdentity(rows)).toMatch(/^[0-9a-f]{32}$/);
		expect(pageIdentity(structuredClone(rows))).toEqual(pageIdentity(rows));
	});

	it.each([
		['another value', [rows[0], { ...rows[1], nps: 4 }]],
		['another order', [rows[1], rows[0]]],
		['one item less', [rows[0]]],
		['one item more', [...rows, { responseId: 'R3' }]],
	])('differs for %s', (_name, other) => {
		expect(pageIdentity(other)).not.toEqual(pageIdentity(rows));
	});

	it('reads items plain JSON cannot write: a BigInt as its digits, a circular item by its place', () => {
		const circular: Record<string, unknown> = { responseId: 'R1' };
		circular.self = circular;
		expect(pageIdentity([{ id: 5n }])).not.toEqual(pageIdentity([{ id: '5' }]));
		expect(pageIdentity([{ id: 5n }])).toEqual(pageIdentity([{ id: 5n }]));
		expect(pageIdentity([circular, rows[1]])).toMatch(/^[0-9a-f]{32}$/);
		expect(pageIdentity([circular, rows[1]])).not.toEqual(pageIdentity([rows[1], circular]));
	});
});
