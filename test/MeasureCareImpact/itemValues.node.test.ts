import { DateTime } from 'luxon';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { MeasureCareImpact } from '../../nodes/MeasureCareImpact/MeasureCareImpact.node';
import { ABSENT, fullWidth, isEqual, showsValue, withValue, type Odd as OddValue } from '../helpers/oddItemValues';
import { names, nonFinite, outputsOf, RAW_ERROR } from '../helpers/runChecks';
import { NODE_UNDER_TEST, runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * Every item field Measure Care Impact reads, in every operation and source, against the values real
 * sources give (a database's numbers as text, a spreadsheet's " 5 " and "5,000", full-width digits, a Code
 * node's NaN, undefined and Date objects, an earlier run's state item edited by hand). For each field one
 * run holds the valid items and one item per odd value (the items are independent, or summarised, so
 * one run checks them all), under the error output. Each odd item must either be refused alone, with a
 * message naming the field and showing the value (never a raw JavaScript error), or be read as the
 * equivalent valid value it has ("5" as 5): the outputs must equal those of the same run with every accepted
 * odd value replaced by its equivalent and every refused item left out. Every item is accounted for (on
 * an output, in a summary or refused) and no output holds NaN or Infinity.
 *
 * The odd items come from a generated source (setGeneratedItems), as a Code node hands them on: within one
 * execution n8n passes the objects themselves, so the node receives NaN, a BigInt or a Date object as such
 * (a Date stratum or group value is read as its ISO instant, as Score Satisfaction groups it; a Date customer ID is refused).
 *
 * Decisions where the standards are silent (a bank's operations staff in mind):
 * - IDs, strata and group values are taken as written, but for surrounding spaces: "GOLD" is another
 *   stratum than "gold", and NFD "é" or an ID with a zero-width space is another key than its NFC or clean
 *   form, as it is in the database they come from (Assign Holdout's hash must be reproducible there).
 * - A yes/no outcome, a group or a risk level may be read in another case or width ("YES", "ｈｏｌｄｏｕｔ").
 * - Numbers and dates follow the shared readers (nodes/shared/input): a form they read must mean the
 *   value it says, else be refused.
 */

type Value = unknown;

interface Odd extends OddValue {
	label: string;
	/** Read as the equivalent by the rule of the shared readers or the README: refusing it is a defect too. */
	read?: boolean;
	/** What the message must show when it names a part of the value (a page state's page ID), not the whole. */
	shown?: string;
}

const refused = (label: string, value: Value): Odd => ({ label, value });
const means = (label: string, value: Value, equivalent: Value): Odd => ({ label, value, equivalent });
const itself = (label: string, value: Value): Odd => ({ label, value, equivalent: value, read: true });
const reads = (label: string, value: Value, equivalent: Value): Odd => ({ label, value, equivalent, read: true });

const UNSAFE = 2 ** 53 + 1;

/** Odd values every field meets: empty ones, lists, objects, a Code node's non-JSON values. */
function common(valid: Value, optional: boolean): Odd[] {
	const missing = (label: string, value: Value) => (optional ? reads(label, value, ABSENT) : refused(label, value));
	return [
		missing('absent', ABSENT),
		missing('null', null),
		missing('empty text', ''),
		missing('spaces', '   '),
		refused('true', true),
		refused('a list of the value', [valid]),
		refused('an object', { value: valid }),
		refused('an empty object', {}),
		refused('an empty list', []),
		refused('NaN', NaN),
		refused('Infinity', Infinity),
		refused('-Infinity', -Infinity),
		refused('Invalid Date', new Date(NaN)),
		refused('an invalid luxon DateTime', DateTime.invalid('broken export')),
	];
}

function numbers(valid: number, options: { money?: boolean; optional?: boolean } = {}): Odd[] {
	const text = String(valid);
	return [
		...common(valid, options.optional ?? false),
		reads('as text', text, valid),
		reads('padded text', ` ${text} `, valid),
		reads('full-width digits', fullWidth(text), valid),
		refused('exponent form', `${valid * 10}e-1`),
		refused('a BigInt', BigInt(Math.round(valid))),
		refused('hexadecimal', '0x10'),
		refused('trailing letters', `${text}abc`),
		refused('N/A', 'N/A'),
		refused('a dash', '-'),
		refused('a percent', `${text}%`),
		options.money ? reads('yen sign', `¥${text}`, valid) : refused('yen sign', `¥${text}`),
		options.money ? reads('full-width yen sign', `￥${text}`, valid) : refused('full-width yen sign', `￥${text}`),
		means('thousands separator', '1,000', 1000),
		// Values a field's range may allow or refuse: either, but never NaN or Infinity in an output.
		means('-1', -1, -1),
		reads('-0', -0, 0),
		means('0', 0, 0),
		means('1e308', 1e308, 1e308),
		means('2^53 + 1', UNSAFE, UNSAFE),
		refused('2^53 + 1 as text', '9007199254740993'),
		refused('a date object', new Date('2024-03-05T00:00:00Z')),
		refused('a luxon DateTime', DateTime.fromMillis(DATE_MS, { zone: 'UTC' })),
	];
}

const DATE = '2024-03-05';
const DATE_MS = Date.parse(`${DATE}T00:00:00Z`);

function dates(): Odd[] {
	return [
		...common(DATE, false),
		reads('ISO date-time', `${DATE}T00:00:00Z`, DATE),
		reads('ISO with offset', `${DATE}T08:00:00+08:00`, DATE),
		reads('ISO with milliseconds', `${DATE}T00:00:00.000Z`, DATE),
		refused('30 February', '2024-02-30'),
		refused('month 13', '2024-13-01'),
		reads('slashes', '2024/03/05', DATE),
		reads('Chinese date', '2024年3月5日', DATE),
		reads('padded', ` ${DATE} `, DATE),
		reads('epoch seconds', DATE_MS / 1000, DATE),
		reads('epoch milliseconds', DATE_MS, DATE),
		reads('epoch milliseconds as text', String(DATE_MS), DATE),
		refused('Excel serial', 45356),
		reads('a Date object', new Date(DATE_MS), DATE),
		reads('a luxon DateTime in another zone', DateTime.fromMillis(DATE_MS, { zone: 'Asia/Shanghai' }), DATE),
		refused('after As Of', '2030-01-01'),
		refused('before 1900', '1899-12-31'),
		refused('not a date', 'yesterday'),
		refused('day first', '05/03/2024'),
		refused('a number', 5),
	];
}

/** IDs, strata and group values: text or a number, as written but for surrounding spaces. */
function keys(valid: string): Odd[] {
	return [
		...common(valid, false),
		reads('a whole number', 5, '5'),
		reads('a decimal number', 5.5, '5.5'),
		reads('-0', -0, '0'),
		refused('2^53 + 1 as a number', UNSAFE),
		itself('2^53 + 1 as text', '9007199254740993'),
		reads('a BigInt', BigInt('9007199254740993'), '9007199254740993'),
		reads('padded', `  ${valid}  `, valid),
		itself('in capitals', valid.toUpperCase()),
		itself('very long', 'x'.repeat(5000)),
		itself('NFC 李é', '李\u00e9'),
		itself('NFD 李é', '李e\u0301'),
		itself('a zero-width space', `${valid}\u200b`),
		itself('literally (empty)', '(empty)'),
		refused('a date object', new Date(DATE_MS)),
		refused('a luxon DateTime', DateTime.fromMillis(DATE_MS, { zone: 'UTC' })),
	];
}

/** Strata and group values: keys, and dates as the ISO instant they name (Score Satisfaction's group of a date). */
function groupingKeys(valid: string): Odd[] {
	const dated = ['a date object', 'a luxon DateTime'];
	return [
		...keys(valid).filter((o) => !dated.includes(o.label)),
		reads('a date object', new Date(DATE_MS), new Date(DATE_MS).toISOString()),
		reads('a luxon DateTime in another zone', DateTime.fromMillis(DATE_MS, { zone: 'Asia/Shanghai' }), new Date(DATE_MS).toISOString()),
	];
}

/** A choice from a fixed set, read in any case or width. */
function choices(valid: string, others: Odd[]): Odd[] {
	return [
		...common(valid, false),
		reads('in capitals', valid.toUpperCase(), valid),
		reads('padded', ` ${valid} `, valid),
		reads('full width', fullWidth(valid), valid),
		refused('unknown', 'unknown'),
		refused('unknown Chinese', '高级'),
		refused('a number', 5),
		refused('Object member', 'constructor'),
		refused('a date object', new Date(DATE_MS)),
		...others,
	];
}

function yesNo(): Odd[] {
	return [
		...choices('yes', []).filter((o) => o.value !== true),
		reads('true', true, 'yes'),
		reads('1', 1, 'yes'),
		reads('text 1', '1', 'yes'),
		reads('Y', 'Y', 'yes'),
		reads('是', '是', 'yes'),
		reads('text true', 'TRUE', 'yes'),
		reads('full-width 1', '１', 'yes'),
		means('1.0', '1.0', 'yes'),
		refused('2', 2),
		refused('0.5', 0.5),
		refused('-1', -1),
		refused('maybe', 'maybe'),
	];
}

// ---------------------------------------------------------------- configurations

interface Field {
	/** The column parameter and the column the configuration maps it to. */
	parameter: string;
	column: string;
	/** The template item's valid value, and the odd values. */
	valid: Value;
	odd: Odd[];
}

interface Config {
	name: string;
	parameters: IDataObject;
	/** Valid items around the odd ones. */
	items: IDataObject[];
	/** The item each odd value is put into. */
	template: IDataObject;
	fields: Field[];
	/** The node's own outputs (the error output follows them). */
	outputs: number;
	/** Output fields that differ with any change in the input items, left out of comparisons. */
	volatile?: RegExp;
	/** What of the outputs is compared: the whole of summaries, the added field of passed-through items. */
	project?: (outputs: Array<Array<Record<string, unknown>>>) => unknown;
	/** The node counts one item per customer: each odd item is a customer of its own (the template's customerId and its number). */
	oneItemPerCustomer?: boolean;
}

const tiers = ['gold', 'silver', 'bronze'];

const ASSIGN: Config = {
	name: 'Assign Holdout',
	parameters: { operation: 'assignHoldout', campaign: 'win-back', stratumColumn: 'tier' },
	items: Array.from({ length: 6 }, (_, i) => ({ customerId: `C${i}`, tier: tiers[i % 3] })),
	template: { customerId: 'C1', tier: 'gold' },
	outputs: 2,
	project: (outputs) => outputs.slice(0, 2).map((items) => items.map((item) => item.impact)),
	fields: [
		{ parameter: 'customerIdColumn', column: 'customerId', valid: 'C1', odd: keys('C1') },
		{ parameter: 'stratumColumn', column: 'tier', valid: 'gold', odd: groupingKeys('gold') },
	],
};

const upliftCustomers: IDataObject[] = Array.from({ length: 24 }, (_, i) => ({
	customerId: `C${i}`,
	impact: { group: i % 4 === 0 ? 'holdout' : 'treatment', stratum: tiers[i % 2] },
	converted: i % 3 === 0 ? 'yes' : 'no',
	revenue: i % 3 === 0 ? 10 + i : 0,
	retained: i % 5 !== 0,
	csat: 1 + (i % 5),
}));

const UPLIFT: Config = {
	name: 'Measure Uplift',
	parameters: {
		operation: 'measureUplift',
		campaign: 'win-back',
		costPerContact: 2,
		marginPercent: 40,
		retainedColumn: 'retained',
		satisfactionColumn: 'csat',
		stratumColumn: 'impact.stratum',
		upliftOptions: { includeState: true },
	},
	items: upliftCustomers,
	// The page state's identity is a digest of the input items: another value is another page.
	volatile: /^pages$/,
	template: { customerId: 'X', impact: { group: 'holdout', stratum: 'gold' }, converted: 'yes', revenue: 50, retained: 'yes', csat: 4 },
	oneItemPerCustomer: true,
	outputs: 1,
	fields: [
		{ parameter: 'groupColumn', column: 'impact.group', valid: 'holdout', odd: choices('holdout', [reads('control', 'control', 'holdout'), reads('对照组', '对照组', 'holdout'), reads('對照組', '對照組', 'holdout')]) },
		{ parameter: 'stratumColumn', column: 'impact.stratum', valid: 'gold', odd: groupingKeys('gold') },
		{ parameter: 'conversionColumn', column: 'converted', valid: 'yes', odd: yesNo() },
		{ parameter: 'revenueColumn', column: 'revenue', valid: 50, odd: numbers(50, { money: true }) },
		{ parameter: 'retainedColumn', column: 'retained', valid: 'yes', odd: yesNo() },
		{ parameter: 'satisfactionColumn', column: 'csat', valid: 4, odd: numbers(4) },
	],
};

const orders: IDataObject[] = [
	{ customerId: 'a', orderDate: '2024-02-15', amount: 100 },
	{ customerId: 'a', orderDate: '2024-04-03', amount: 50 },
	{ customerId: 'b', orderDate: '2024-03-10', amount: 30 },
	{ customerId: 'c', orderDate: '2024-04-01', amount: 200 },
	{ customerId: 'c', orderDate: '2024-05-02', amount: 80 },
];

const ORDERS: Config = {
	name: 'KPI Report (Orders)',
	parameters: { operation: 'kpiReport', source: 'orders', asOf: '2024-06-10T00:00:00Z', months: 4 },
	items: orders,
	template: { customerId: 'b', orderDate: DATE, amount: 50 },
	outputs: 1,
	fields: [
		{ parameter: 'kpiCustomerIdColumn', column: 'customerId', valid: 'b', odd: keys('b') },
		{ parameter: 'orderDateColumn', column: 'orderDate', valid: DATE, odd: dates() },
		{ parameter: 'amountColumn', column: 'amount', valid: 50, odd: numbers(50, { money: true }) },
	],
};

const CUSTOMERS: Config = {
	name: 'KPI Report (Customers With Churn Results)',
	parameters: { operation: 'kpiReport', source: 'customers', groupByColumn: 'tier' },
	items: Array.from({ length: 6 }, (_, i) => ({ tier: tiers[i % 3], churn: { churnProbability: i / 10, expectedValue: 100 + i, riskLevel: ['low', 'medium', 'high', 'critical'][i % 4] } })),
	template: { tier: 'gold', churn: { churnProbability: 0.5, expectedValue: 100, riskLevel: 'high' } },
	outputs: 1,
	fields: [
		{ parameter: 'churnProbabilityColumn', column: 'churn.churnProbability', valid: 0.5, odd: numbers(0.5) },
		{ parameter: 'clvColumn', column: 'churn.expectedValue', valid: 100, odd: numbers(100, { money: true, optional: true }) },
		{
			parameter: 'riskLevelColumn',
			column: 'churn.riskLevel',
			valid: 'high',
			odd: choices('high', [reads('English label', 'High', 'high'), reads('Chinese label', '高', 'high'), reads('Chinese critical', '极高', 'critical'), refused('a rank', 3)]),
		},
		{ parameter: 'groupByColumn', column: 'tier', valid: 'gold', odd: groupingKeys('gold') },
	],
};

const RESPONSES: Config = {
	name: 'KPI Report (Survey Responses)',
	parameters: { operation: 'kpiReport', source: 'responses', asOf: '2024-06-10T00:00:00Z', months: 4 },
	items: [
		{ respondedAt: '2024-03-01', nps: 9 },
		{ respondedAt: '2024-04-11', nps: 6 },
		{ respondedAt: '2024-04-20', nps: 10 },
		{ respondedAt: '2024-05-02', nps: 3 },
	],
	template: { respondedAt: DATE, nps: 7 },
	outputs: 1,
	fields: [
		{ parameter: 'answeredAtColumn', column: 'respondedAt', valid: DATE, odd: dates() },
		{ parameter: 'npsColumn', column: 'nps', valid: 7, odd: [...numbers(7), refused('half a point', 7.5), refused('11', 11)] },
	],
};

const withoutPages = (state: IDataObject): IDataObject => Object.fromEntries(Object.entries(state).filter(([key]) => key !== 'pages'));

/** Filled in beforeAll: two pages' state items of one campaign, from Measure Uplift runs. */
const PAGES: Config = {
	name: 'Measure Uplift (Page States to Merge)',
	parameters: { operation: 'measureUplift', input: 'pageStates', campaign: '' },
	items: [],
	template: {},
	outputs: 1,
	fields: [],
};

const CONFIGS = [ASSIGN, UPLIFT, ORDERS, CUSTOMERS, RESPONSES, PAGES];

// ---------------------------------------------------------------- running and checking

let runs = 0;
async function run(config: Config, items: IDataObject[]) {
	const key = `itemValues-${runs++}`;
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'measureCareImpact', parameters: config.parameters, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	if (result.error) return { stopped: result.error.message, outputs: [], errors: new Map<number, string>() };
	const task = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main;
	const errors = new Map<number, string>();
	for (const item of task[config.outputs] ?? []) errors.set((item.pairedItem as { item: number }).item, item.json.error as string);
	const outputs = outputsOf(result, config.volatile).slice(0, config.outputs);
	return { stopped: undefined, outputs, errors, paired: task.slice(0, config.outputs).flat().flatMap((item) => [item!.pairedItem].flat()) };
}

async function problems(config: Config, field: Field): Promise<string[]> {
	const { items: base, template } = config;
	/** The template with the k-th odd value of the field (or its equivalent). */
	const oddItem = (k: number, value: Value) => withValue(config.oneItemPerCustomer ? { ...template, customerId: `${String(template.customerId)}${k}` } : template, field.column, value);
	const oddItems = field.odd.map((o, k) => oddItem(k, o.value));
	const result = await run(config, [...base, ...oddItems]);
	if (result.stopped !== undefined) return [`the run stopped: ${result.stopped}`];
	const found: string[] = [];
	for (let i = 0; i < base.length; i++) if (result.errors.has(i)) found.push(`valid item ${i} refused: ${result.errors.get(i)}`);
	const accepted: number[] = [];
	field.odd.forEach((o, k) => {
		const message = result.errors.get(base.length + k);
		if (message === undefined) {
			if (!('equivalent' in o)) found.push(`${o.label}: accepted (silently coerced)`);
			else accepted.push(k);
			return;
		}
		if (o.read) found.push(`${o.label}: refused, but read as ${String(o.equivalent)} by the rule: ${message}`);
		else if (RAW_ERROR.test(message)) found.push(`${o.label}: raw error: ${message}`);
		else if (!names(message, field.column)) found.push(`${o.label}: message does not name "${field.column}": ${message}`);
		else if (!(o.shown !== undefined ? message.includes(o.shown) : showsValue(message, o.value))) found.push(`${o.label}: message does not show the value: ${message}`);
	});
	const bad = nonFinite(result.outputs);
	if (bad.length) found.push(`NaN or Infinity in the output: ${bad.join(', ')}`);
	// Every item leaves once: refused, or paired with an output item (summaries pair with the items they summarise).
	const paired = new Set((result.paired ?? []).map((p) => (p as { item: number }).item));
	for (let i = 0; i < base.length + oddItems.length; i++) {
		if (!result.errors.has(i) && !paired.has(i)) found.push(`item ${i} (${i < base.length ? 'valid' : field.odd[i - base.length].label}) left on no output`);
		if (result.errors.has(i) && paired.has(i)) found.push(`item ${i} both refused and on an output`);
	}
	const project = config.project ?? ((outputs) => outputs);
	const reference = async (ks: number[]) => run(config, [...base, ...ks.map((k) => oddItem(k, field.odd[k].equivalent))]);
	const oddOnly = async (ks: number[]) => run(config, [...base, ...ks.map((k) => oddItems[k])]);
	const all = await reference(accepted);
	if (all.stopped !== undefined || all.errors.size) return [...found, `the equivalent values do not run: ${all.stopped ?? [...all.errors.values()].join('; ')}`];
	if (!isEqual(project(result.outputs), project(all.outputs))) {
		// Which accepted values give another output than their equivalents: one run each.
		for (const k of accepted) {
			const [alone, equivalent] = await Promise.all([oddOnly([k]), reference([k])]);
			if (!isEqual(project(alone.outputs), project(equivalent.outputs))) found.push(`${field.odd[k].label}: accepted with an output other than ${String(field.odd[k].equivalent)}'s`);
		}
	}
	return found;
}

// ---------------------------------------------------------------- page states

beforeAll(async () => {
	const stateOf = async (items: IDataObject[]) =>
		(await runNode({ type: 'measureCareImpact', parameters: UPLIFT.parameters, items })).json(NODE_UNDER_TEST, 0).find((j) => j.kind === 'state')!;
	const first = await stateOf(upliftCustomers.slice(0, 12));
	const second = await stateOf(upliftCustomers.slice(12));
	const state = second.state as IDataObject;
	const copyOfState = () => structuredClone(withoutPages(state)) as { outcomes: Record<string, { kind: string; strata: Record<string, { treatment: IDataObject; holdout: IDataObject }> }> };
	/** The second page's state with one change made to a copy. */
	const edited = (change: (s: ReturnType<typeof copyOfState>) => void) => {
		const copy = copyOfState();
		change(copy);
		return copy;
	};
	const gold = (s: ReturnType<typeof copyOfState>) => s.outcomes.conversion.strata.gold.treatment;
	PAGES.items = [first];
	// The odd pages are one page many times over: without its identity, as a state written before pages had
	// one, so that each odd value is checked, not the page's repetition (which has cases of its own below).
	PAGES.template = { ...second, state: withoutPages(state) };
	PAGES.fields = [
		{
			parameter: 'state',
			column: 'state',
			valid: state,
			odd: [
				...common(state, false).filter((o) => o.label !== 'a list of the value'),
				reads('as JSON text', JSON.stringify(withoutPages(state)), withoutPages(state)),
				means('a count as text', edited((s) => (gold(s).n = String(gold(s).n))), withoutPages(state)),
				refused('text that is no JSON', '{"outcomes":'),
				{ ...refused('the first page again', first.state), shown: ((first.state as IDataObject).pages as string[])[0] },
				reads('its own page identity', state, state),
				refused('a page identity that is none', { ...withoutPages(state), pages: ['page 2'] }),
				refused('a page identity as text', { ...withoutPages(state), pages: (state.pages as string[])[0] }),
				refused('a negative count', edited((s) => (gold(s).n = -1))),
				refused('half a customer', edited((s) => (gold(s).n = 2.5))),
				refused('a NaN count', edited((s) => (gold(s).n = NaN))),
				refused('a sum as text', edited((s) => (gold(s).sum = (gold(s).sum as number[]).map(String)))),
				refused('a NaN sum', edited((s) => (gold(s).sum = [NaN]))),
				refused('more conversions than customers', edited((s) => (gold(s).sum = [(gold(s).n as number) + 1]))),
				refused('no outcomes', edited((s) => (s.outcomes = {}))),
				refused('outcomes as a list', edited((s) => ((s as unknown as { outcomes: unknown[] }).outcomes = Object.values(s.outcomes)))),
				refused('an unknown outcome', edited((s) => ((s.outcomes.bonus = s.outcomes.conversion), delete (s.outcomes as Record<string, unknown>).conversion))),
				refused('conversion as a mean', edited((s) => (s.outcomes.conversion.kind = 'mean'))),
				refused('revenue as a proportion', edited((s) => (s.outcomes.revenue.kind = 'proportion'))),
				refused('an unknown kind', edited((s) => (s.outcomes.conversion.kind = 'ratio'))),
				refused('strata null', edited((s) => ((s.outcomes.conversion as { strata: unknown }).strata = null))),
				refused('strata a list', edited((s) => ((s.outcomes.conversion as { strata: unknown }).strata = []))),
				refused('a stratum without holdout', edited((s) => delete (s.outcomes.conversion.strata.gold as Partial<{ holdout: unknown }>).holdout)),
				refused('measured without strata', edited((s) => Object.values(s.outcomes).forEach((o) => (o.strata = { '': o.strata.gold })))),
				refused('an unstratified cell among strata', edited((s) => (s.outcomes.conversion.strata[''] = s.outcomes.conversion.strata.gold))),
			],
		},
		{
			parameter: 'campaign',
			column: 'campaign',
			valid: 'win-back',
			odd: [
				reads('absent', ABSENT, ABSENT),
				reads('null', null, ABSENT),
				reads('empty text', '', ABSENT),
				reads('padded', ' win-back ', 'win-back'),
				refused('another campaign', 'spring'),
				refused('in capitals', 'WIN-BACK'),
				refused('a number', 5),
				refused('true', true),
				refused('a list', ['win-back']),
				refused('an object', { name: 'win-back' }),
				refused('NaN', NaN),
			],
		},
	];
});

// ---------------------------------------------------------------- the tests

const description = new MeasureCareImpact().description;

describe('Measure Care Impact: every item field against the values real sources give', () => {
	it('covers every column parameter of every operation and source', () => {
		const columns = (description.properties as INodeProperties[]).filter((p) => /Column$/.test(p.name)).map((p) => p.name);
		const covered = new Set(CONFIGS.flatMap((c) => c.fields.map((f) => f.parameter)));
		expect(columns.filter((name) => !covered.has(name))).toEqual([]);
	});

	it.each(CONFIGS.filter((c) => c !== PAGES).map((c) => [c.name, c] as const))('%s: the valid items run', async (_name, config) => {
		const result = await run(config, config.items);
		expect(result.stopped).toBeUndefined();
		expect([...result.errors.values()]).toEqual([]);
	});

	const cases = CONFIGS.flatMap((config) => (config === PAGES ? ['state', 'campaign'] : config.fields.map((f) => f.parameter)).map((parameter) => ({ config, parameter })));
	it.each(cases.map(({ config, parameter }) => [`${config.name} › ${parameter}`, config, parameter] as const))('%s', async (_name, config, parameter) => {
		const field = config.fields.find((f) => f.parameter === parameter)!;
		expect(await problems(config, field)).toEqual([]);
	});
});
