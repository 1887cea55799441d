import { TextSlab } from '../../nodes/shared/revisit/textSlab';

describe('TextSlab: texts handed back as slices of a few big strings', () => {
	function slab() {
		const got = new Map<number, string>();
		const texts = new TextSlab<number>((owner, text) => got.set(owner, text));
		return { texts, got };
	}

	it('gives every owner the text it was given, once flushed', () => {
		const { texts, got } = slab();
		const given = ['BEGIN:VEVENT\r\nSUMMARY:电话回访: 王小明\r\nEND:VEVENT\r\n', 'short', '', 'ASCII only, long enough to be a slice'];
		given.forEach((text, i) => texts.add(i, text));
		expect(got.size).toBe(0);
		texts.flush();
		expect(given.map((_, i) => got.get(i))).toEqual(given);
	});

	it('hands texts over on its own once a slab is full, and the rest on flush', () => {
		const { texts, got } = slab();
		const text = (i: number) => `${i}:`.padEnd(1000, i % 2 ? 'x' : '客');
		const count = 300; // 300,000 characters: more than two slabs of 128 K
		for (let i = 0; i < count; i++) texts.add(i, text(i));
		expect(got.size).toBeGreaterThan(0);
		expect(got.size).toBeLessThan(count);
		texts.flush();
		expect(got.size).toBe(count);
		for (let i = 0; i < count; i++) expect(got.get(i)).toBe(text(i));
		// A second flush hands over nothing again.
		got.clear();
		texts.flush();
		expect(got.size).toBe(0);
	});
});
