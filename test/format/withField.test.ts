import { spawnSync } from 'child_process';
import { join } from 'path';
import { fieldAdder, withField } from '../../nodes/shared/outputItems/withField';

describe('withField', () => {
	it('copies the item with the new field last, leaving the item as it was', () => {
		const json = { customerId: 'C1', nested: { a: 1 } };
		const copy = withField(json, 'revisit', { status: 'scheduled' });
		expect(Object.keys(copy)).toEqual(['customerId', 'nested', 'revisit']);
		expect(copy).toEqual({ customerId: 'C1', nested: { a: 1 }, revisit: { status: 'scheduled' } });
		expect(copy.nested).toBe(json.nested);
		expect(json).toEqual({ customerId: 'C1', nested: { a: 1 } });
	});

	it('keeps a "__proto__" key of the item, and a "__proto__" field, as plain fields like a spread does', () => {
		const json = JSON.parse('{"__proto__": {"polluted": true}, "customerId": "C2"}');
		const copy = withField(json, 'revisit', 1);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(copy, '__proto__')).toBe(true);
		expect(copy).toEqual({ ...json, revisit: 1 });
		const named = withField({ customerId: 'C3' }, '__proto__', { x: 1 });
		expect(Object.getPrototypeOf(named)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(named, '__proto__')?.value).toEqual({ x: 1 });
	});
});

describe('fieldAdder', () => {
	const spread = (json: Record<string, unknown>, field: string, value: unknown) => ({ ...json, [field]: value });
	const same = (copy: Record<string, unknown>, json: Record<string, unknown>, field: string, value: unknown) => {
		const expected = spread(json, field, value);
		expect(Object.keys(copy)).toEqual(Object.keys(expected));
		expect(copy).toEqual(expected);
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
	};

	it('copies items of the same and of other shapes like a spread, leaving them as they were', () => {
		const add = fieldAdder('segment');
		const shapes: Array<Record<string, unknown>> = [
			{ customerId: 'C1', total: 2 },
			{ customerId: 'C1b', total: 2.5 },
			{ total: 3, customerId: 'C2' },
			{ customerId: 'C1c', total: 2.75 },
			{ customerId: 'C3' },
			{ customerId: 'C4', total: 4, extra: true },
			{},
			{ 2: 'two', customerId: 'C5', 1: 'one' },
		];
		for (const json of shapes) {
			const before = JSON.stringify(json);
			const value = { key: 'champions' };
			const copy = add(json, value);
			same(copy, json, 'segment', value);
			expect(copy.segment).toBe(value);
			expect(JSON.stringify(json)).toBe(before);
		}
	});

	it('copies items of a shape seen before with its compiled literal, the others with Object.assign', () => {
		const assign = jest.spyOn(Object, 'assign');
		try {
			const add = fieldAdder('segment');
			for (let i = 0; i < 9; i++) add({ [`only${i}`]: i }, i); // shapes 1-9: the ninth is one too many
			assign.mockClear();
			add({ only0: 1 }, 1);
			add({ only7: 1 }, 1);
			expect(assign).not.toHaveBeenCalled();
			add({ only8: 1 }, 1);
			expect(assign).toHaveBeenCalledTimes(1);
		} finally {
			assign.mockRestore();
		}
	});

	it('keeps the order of integer-like keys, and handles keys that need escaping', () => {
		const sample = { 10: 'a', 2: 'b', 'quote"key': 1, 'line\u2028sep': 2, 'back\\slash': 3, '\ud800': 4, '': 5 };
		const add = fieldAdder('out');
		same(add(sample, 7), sample, 'out', 7);
		const other = { ...sample, 10: 'z' };
		same(add(other, 8), other, 'out', 8);
	});

	it('copies only own keys: an inherited enumerable key makes the item take the general copy', () => {
		const add = fieldAdder('segment');
		add({ a: 0, b: 0 }, 0);
		const json = Object.create({ inherited: true }) as Record<string, unknown>;
		json.a = 1;
		json.b = 2;
		const copy = add(json, 3);
		expect(Object.keys(copy)).toEqual(['a', 'b', 'segment']);
		expect(copy.inherited).toBeUndefined();
	});

	it('reads each value once, through getters too', () => {
		let reads = 0;
		const sample = { a: 1 };
		const json = {
			get a() {
				reads++;
				return 9;
			},
		};
		const add = fieldAdder('x');
		add(sample, 1);
		expect(add(json, 1)).toEqual({ a: 9, x: 1 });
		expect(reads).toBe(1);
	});

	it('never sets a prototype from a "__proto__" key in the sample, the item or the field name', () => {
		const polluted = JSON.parse('{"__proto__": {"polluted": true}, "customerId": "C2"}');
		const fromSample = fieldAdder('revisit')(polluted, 1);
		same(fromSample, polluted, 'revisit', 1);
		expect(Object.prototype.hasOwnProperty.call(fromSample, '__proto__')).toBe(true);
		const addRevisit = fieldAdder('revisit');
		addRevisit({ customerId: 'C1' }, 0);
		const fromItem = addRevisit(polluted, 1);
		same(fromItem, polluted, 'revisit', 1);
		const named = fieldAdder('__proto__')({ customerId: 'C3' }, { x: 1 });
		expect(Object.getPrototypeOf(named)).toBe(Object.prototype);
		expect(Object.getOwnPropertyDescriptor(named, '__proto__')?.value).toEqual({ x: 1 });
	});

	it('matches a spread on random shapes drawn from a small key set', () => {
		let seed = 3;
		const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		const pool = ['id', 'name', '7', '__proto__', 'out', 'total', '1'];
		const shape = () => {
			const json: Record<string, unknown> = {};
			for (const key of pool) if (next() < 0.5) Object.defineProperty(json, key, { value: next(), enumerable: true, writable: true, configurable: true });
			return json;
		};
		for (let round = 0; round < 100; round++) {
			const field = next() < 0.2 ? 'out' : 'segment';
			const add = fieldAdder(field);
			for (let i = 0; i < 40; i++) {
				const json = shape();
				same(add(json, i), json, field, i);
			}
		}
	});

	it('still copies every item when code generation is switched off in the process', () => {
		const script = [
			"const { fieldAdder } = require('./nodes/shared/outputItems/withField');",
			"const add = fieldAdder('s');",
			"let generation = 'allowed'; try { new Function('return 1'); } catch { generation = 'blocked'; }",
			'process.stdout.write(JSON.stringify({ generation, copies: [add({ a: 2 }, 3), add({ b: 1 }, 4)] }));',
		].join('\n');
		const result = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '-r', 'ts-node/register/transpile-only', '-e', script], {
			cwd: join(__dirname, '..', '..'),
			encoding: 'utf8',
		});
		expect(result.stderr).toBe('');
		expect(JSON.parse(result.stdout)).toEqual({
			generation: 'blocked',
			copies: [
				{ a: 2, s: 3 },
				{ b: 1, s: 4 },
			],
		});
	});
});
