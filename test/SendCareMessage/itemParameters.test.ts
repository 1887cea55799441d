import type { IExecuteFunctions } from 'n8n-workflow';
import { ConfigError } from '../../nodes/shared/input';
import { BadValue, ItemParameterError, perItemParameters } from '../../nodes/SendCareMessage/parameters/itemParameters';

// The plumbing alone, with the two IExecuteFunctions calls it makes: how often parameters are read and
// results built. Its behaviour in the real engine is in itemParameters.node.test.ts.

/** Parameters as n8n stores them; `perItem` gives each expression's value for item i. */
function fakeContext(parameters: Record<string, unknown>, perItem: Record<string, (i: number) => unknown>) {
	const reads: Array<[string, number]> = [];
	const ctx = {
		getNode: () => ({ parameters }),
		getNodeParameter: (name: string, itemIndex: number, fallback: unknown) => {
			reads.push([name, itemIndex]);
			const raw = parameters[name];
			if (typeof raw === 'string' && raw.startsWith('=')) return perItem[name](itemIndex);
			return raw ?? fallback;
		},
	} as unknown as IExecuteFunctions;
	return { ctx, reads };
}

const code = {
	name: 'smsTemplateCode',
	label: 'Aliyun Template Code',
	fallback: '',
	read: (v: unknown) => {
		const text = String(v ?? '').trim();
		if (!text) throw new BadValue('is empty', 'a template code');
		return text;
	},
};
const brand = { name: 'brandName', label: 'Brand Name', fallback: '', read: (v: unknown) => String(v ?? '') };

describe('perItemParameters', () => {
	it('without expressions: reads each parameter once and builds once, whatever the number of items', () => {
		const { ctx, reads } = fakeContext({ smsTemplateCode: 'SMS_1', brandName: 'Acme' }, {});
		const build = jest.fn((v: { code: string; brand: string; fixed: number }) => ({ ...v }));
		const forItem = perItemParameters(ctx, { code, brand, fixed: { constant: 7 } }, build);
		const results = Array.from({ length: 1000 }, (_, i) => forItem(i));
		expect(build).toHaveBeenCalledTimes(1);
		expect(new Set(results).size).toBe(1);
		expect(results[999]).toEqual({ code: 'SMS_1', brand: 'Acme', fixed: 7 });
		expect(reads).toEqual([
			['smsTemplateCode', 0],
			['brandName', 0],
		]);
	});

	it('an expression is evaluated for every item and built once per distinct value', () => {
		const language = (i: number) => (i % 3 === 0 ? 'en' : 'zh-CN');
		const { ctx, reads } = fakeContext(
			{ smsTemplateCode: "={{ $json.language === 'en' ? 'SMS_2' : 'SMS_1' }}", brandName: 'Acme' },
			{ smsTemplateCode: (i) => (language(i) === 'en' ? 'SMS_2' : 'SMS_1') },
		);
		const build = jest.fn((v: { code: string; brand: string }) => ({ ...v }));
		const forItem = perItemParameters(ctx, { code, brand }, build);
		const results = Array.from({ length: 100_000 }, (_, i) => forItem(i));
		expect(build).toHaveBeenCalledTimes(2);
		expect(results.map((r) => r.code).slice(0, 4)).toEqual(['SMS_2', 'SMS_1', 'SMS_1', 'SMS_2']);
		expect(results[1]).toBe(results[2]);
		expect(reads.filter(([name]) => name === 'brandName')).toEqual([['brandName', 0]]);
		expect(reads.filter(([name]) => name === 'smsTemplateCode')).toHaveLength(100_000);
	});

	it('a bad fixed value is a ConfigError at once; a bad value from an expression fails only its item', () => {
		expect(() => perItemParameters(fakeContext({ smsTemplateCode: ' ' }, {}).ctx, { code }, (v) => v)).toThrow(
			new ConfigError('Parameter "Aliyun Template Code" is " ", which is empty (expected a template code)'),
		);
		const { ctx } = fakeContext({ smsTemplateCode: '={{ $json.code }}' }, { smsTemplateCode: (i) => (i === 1 ? '' : `SMS_${i}`) });
		const forItem = perItemParameters(ctx, { code }, (v) => v.code);
		expect(forItem(0)).toBe('SMS_0');
		let error: unknown;
		try {
			forItem(1);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ItemParameterError);
		expect((error as ItemParameterError).parameter).toBe('smsTemplateCode');
		expect((error as Error).message).toBe('the expression of "Aliyun Template Code" gives "", which is empty (expected a template code)');
		expect(forItem(2)).toBe('SMS_2');
	});

	it('an expression that throws is an item error naming the parameter', () => {
		const { ctx } = fakeContext(
			{ smsTemplateCode: '={{ $json.a.b }}' },
			{
				smsTemplateCode: () => {
					throw new Error("Cannot read properties of undefined (reading 'b')");
				},
			},
		);
		const forItem = perItemParameters(ctx, { code }, (v) => v.code);
		expect(() => forItem(4)).toThrow(
			new ItemParameterError('smsTemplateCode', `the expression of "Aliyun Template Code" could not be evaluated: Cannot read properties of undefined (reading 'b')`),
		);
	});
});
