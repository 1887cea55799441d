import { InputError } from '../../nodes/shared/input/errors';
import { TextMemo } from '../../nodes/shared/revisit/textMemo';

describe('TextMemo: each distinct text parsed once', () => {
	function counting() {
		const calls: unknown[] = [];
		const memo = new TextMemo((value) => {
			calls.push(value);
			if (value === 'bad') throw new InputError('birthday', value, 'is not a date', 'YYYY-MM-DD');
			if (value === 'boom') throw new TypeError('a bug, not a bad value');
			return { text: String(value) };
		});
		return { memo, calls };
	}

	it('returns the remembered result for a text read before, without parsing it again', () => {
		const { memo, calls } = counting();
		const first = memo.read('2025-01-02');
		expect(memo.read('2025-01-02')).toBe(first);
		expect(memo.read('2025-01-03')).toEqual({ text: '2025-01-03' });
		expect(calls).toEqual(['2025-01-02', '2025-01-03']);
	});

	it('throws the same InputError again for a bad text, without parsing it again', () => {
		const { memo, calls } = counting();
		let firstError: unknown;
		try {
			memo.read('bad');
		} catch (error) {
			firstError = error;
		}
		expect(firstError).toBeInstanceOf(InputError);
		expect(() => memo.read('bad')).toThrow(firstError as Error);
		expect(calls).toEqual(['bad']);
	});

	it('does not remember other errors, and parses values that are not text each time', () => {
		const { memo, calls } = counting();
		expect(() => memo.read('boom')).toThrow(TypeError);
		expect(() => memo.read('boom')).toThrow(TypeError);
		expect(memo.read(20250102)).toEqual({ text: '20250102' });
		expect(memo.read(20250102)).toEqual({ text: '20250102' });
		expect(calls).toEqual(['boom', 'boom', 20250102, 20250102]);
	});
});
