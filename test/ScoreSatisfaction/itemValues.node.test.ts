import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { ScoreSatisfaction } from '../../nodes/ScoreSatisfaction/ScoreSatisfaction.node';
import { names, nonFinite, outputsOf, RAW_ERROR, valueForms } from '../helpers/runChecks';
import { runNode } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';

/**
 * The item-values audit of Score Satisfaction: every item field the node reads, against the values real
 * sources give (a database's numbers as text, a spreadsheet's " 5 " and "５", a Code node's NaN, undefined,
 * Date objects and BigInts). Each odd value must end in one of two outcomes:
 *   - refused: the item (only that item) leaves on the error output with a message naming the column and
 *     showing the value, never a raw JavaScript error, and every other item is processed as in the valid run;
 *   - read as its equivalent (`same`): the outputs equal those of the run with the equivalent value.
 * Always: every input item leaves on exactly one output (the Responses output, or one customer item paired with it, or
 * the error output) and no output holds NaN or Infinity. The items reach the node from a source node as real
 * JavaScript values (setGeneratedItems): within one execution n8n hands a Date object, NaN or a BigInt to
 * the next node as it is.
 *
 * Team rule for numbers written as text (helper S, nodes/shared/input/numbers.ts), followed by every score:
 * " 7 ", "+7", "7.0" and full-width "７" (Chinese input methods) are 7; the exponent form ("1e1", "7e0": no
 * survey tool writes an answer that way), hex, "7%", currency marks and "7abc" are not numbers; "5,000" is
 * 5000, beyond every scale here; a European decimal comma ("4,5") is no number.
 */

interface Odd {
	value: unknown;
	/** The valid value the odd one must behave as; absent: it must be refused. */
	same?: unknown;
}

type Kind = 'integerScore' | 'decimalScore' | 'kano' | 'customerId' | 'date' | 'group';

interface Field {
	/** The parameter that names the column, as the description has it ("options.sentimentColumn"). */
	parameter: string;
	/** The column, as the items hold it. */
	column: string;
	kind: Kind;
	/** The valid value of the column in the item the odd values replace (item 1). */
	valid: unknown;
	parameters: IDataObject;
	/** The scale of a score. */
	scale?: { min: number; max: number };
}

const ALL_METRICS = {
	metrics: ['nps', 'csat', 'ces', 'gap', 'kano'],
	gapDimensions: 'speed, care',
	kanoFeatures: 'chat',
	groupByColumn: 'store',
	options: { sentimentColumn: 'sentiment' },
};
const PER_CUSTOMER = { ...ALL_METRICS, aggregatePerCustomer: true, combineBy: 'recencyWeighted', halfLifeDays: 30 };

/** Three responses, two of customer A; every field valid. */
const responses = (): Array<Record<string, unknown>> => [
	{ customerId: 'A', respondedAt: '2024-03-01', store: 'x', nps: 9, csat: 4, ces: 5, sentiment: 0.5, expectation: { speed: 5, care: 6 }, perception: { speed: 4, care: 6.5 }, kano: { chat: { functional: 'like', dysfunctional: 'dislike' } } },
	{ customerId: 'A', respondedAt: '2024-05-01', store: 'x', nps: 7, csat: 2, ces: 3, sentiment: -0.25, expectation: { speed: 4.5, care: 5 }, perception: { speed: 6, care: 4 }, kano: { chat: { functional: 'expect', dysfunctional: 'neutral' } } },
	{ customerId: 'B', respondedAt: '2024-04-01', store: 'y', nps: 3, csat: 5, ces: 4, sentiment: 0.9, expectation: { speed: 4, care: 4 }, perception: { speed: 5, care: 5 }, kano: { chat: { functional: 'like', dysfunctional: 'neutral' } } },
];

const FIELDS: Field[] = [
	{ parameter: 'npsColumn', column: 'nps', kind: 'integerScore', valid: 7, scale: { min: 0, max: 10 }, parameters: ALL_METRICS },
	{ parameter: 'csatColumn', column: 'csat', kind: 'integerScore', valid: 2, scale: { min: 1, max: 5 }, parameters: ALL_METRICS },
	{ parameter: 'cesColumn', column: 'ces', kind: 'integerScore', valid: 3, scale: { min: 1, max: 7 }, parameters: ALL_METRICS },
	{ parameter: 'cesColumn', column: 'ces', kind: 'integerScore', valid: 3, scale: { min: 1, max: 5 }, parameters: { ...ALL_METRICS, cesVersion: '1.0' } },
	{ parameter: 'expectationColumnPattern', column: 'expectation.speed', kind: 'decimalScore', valid: 4.5, scale: { min: 1, max: 7 }, parameters: ALL_METRICS },
	{ parameter: 'perceptionColumnPattern', column: 'perception.care', kind: 'decimalScore', valid: 4, scale: { min: 1, max: 7 }, parameters: ALL_METRICS },
	{ parameter: 'options.sentimentColumn', column: 'sentiment', kind: 'decimalScore', valid: 0.5, scale: { min: -1, max: 1 }, parameters: ALL_METRICS },
	{ parameter: 'functionalColumnPattern', column: 'kano.chat.functional', kind: 'kano', valid: 'expect', parameters: ALL_METRICS },
	{ parameter: 'dysfunctionalColumnPattern', column: 'kano.chat.dysfunctional', kind: 'kano', valid: 'neutral', parameters: ALL_METRICS },
	{ parameter: 'customerIdColumn', column: 'customerId', kind: 'customerId', valid: 'A', parameters: PER_CUSTOMER },
	{ parameter: 'responseDateColumn', column: 'respondedAt', kind: 'date', valid: '2024-05-01', parameters: PER_CUSTOMER },
	// Latest Response: the date decides which response is the latest, not a weight.
	{ parameter: 'responseDateColumn', column: 'respondedAt', kind: 'date', valid: '2024-05-01', parameters: { ...PER_CUSTOMER, combineBy: 'latest' } },
	{ parameter: 'groupByColumn', column: 'store', kind: 'group', valid: 'x', parameters: ALL_METRICS },
	{ parameter: 'groupByColumn', column: 'store', kind: 'group', valid: 'x', parameters: PER_CUSTOMER },
];

// ---------------------------------------------------------------- odd values per kind

const NOT_JSON = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined];
const INVALID_DATE = new Date(Number.NaN);
const fullWidth = (text: string) => text.replace(/[0-9.+\-,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function scoreOdds(valid: number, scale: { min: number; max: number }, integer: boolean): Odd[] {
	const text = String(valid);
	return [
		{ value: text, same: valid },
		{ value: ` ${text} `, same: valid },
		{ value: `+${text}`, same: valid },
		{ value: fullWidth(text), same: valid },
		{ value: `${text}.0`.replace(/\.(\d+)\.0$/, '.$10'), same: valid },
		{ value: -0, ...(scale.min <= 0 && scale.max >= 0 ? { same: 0 } : {}) },
		{ value: '-0', ...(scale.min <= 0 && scale.max >= 0 ? { same: 0 } : {}) },
		// The exponent form: "1e1" would be NPS 10, "7e0" is in every scale.
		{ value: '1e1' },
		{ value: `${text}e0` },
		{ value: '5,000' },
		{ value: text.includes('.') ? text.replace('.', ',') : `${text},5` },
		{ value: '0x10' },
		{ value: `${text}abc` },
		{ value: `¥${text}` },
		{ value: `￥${text}` },
		{ value: `${text}%` },
		{ value: 'N/A' },
		{ value: '-' },
		{ value: 'NaN' },
		{ value: 'Infinity' },
		{ value: true },
		{ value: false },
		{ value: [valid] },
		{ value: { value: valid } },
		{ value: scale.min - 1 },
		{ value: scale.max + 1 },
		...(integer ? [{ value: valid + 0.5 }] : []),
		{ value: 1e308 },
		{ value: -1e308 },
		{ value: 2 ** 53 + 1 },
		{ value: String(2n ** 53n + 1n) },
		{ value: BigInt(Math.trunc(valid)) },
		{ value: new Date('2024-05-01T00:00:00Z') },
		{ value: null },
		{ value: '' },
		{ value: '   ' },
		...NOT_JSON.map((value) => ({ value })),
	];
}

const LIKE_FORMS = ['LIKE', ' like ', 'ｌｉｋｅ', 'I like it that way', '喜欢', '喜歡', 1, '1', '１', '1.0'];

function kanoOdds(): Odd[] {
	return [
		...LIKE_FORMS.map((value) => ({ value, same: 'like' })),
		{ value: 5, same: 'dislike' },
		{ value: '高' },
		{ value: 'likes' },
		{ value: 0 },
		{ value: 6 },
		{ value: 1.5 },
		{ value: '1e0' },
		{ value: true },
		{ value: ['like'] },
		{ value: { answer: 'like' } },
		{ value: 1n },
		{ value: new Date('2024-05-01T00:00:00Z') },
		{ value: null },
		{ value: '' },
		...NOT_JSON.map((value) => ({ value })),
	];
}

const NFC = 'Zoé 李'.normalize('NFC');
const NFD = 'Zoé 李'.normalize('NFD');

function customerIdOdds(): Odd[] {
	return [
		// IDs are read trimmed (a padded export's "A " is customer A), and otherwise compared as written, as
		// databases compare them: "a" is another customer than "A".
		{ value: '  A  ', same: 'A' },
		{ value: 'a', same: 'a' },
		{ value: 5, same: '5' },
		{ value: 5n, same: '5' },
		{ value: 5.5, same: '5.5' },
		{ value: 2 ** 53 + 1 },
		{ value: String(2n ** 53n + 1n), same: String(2n ** 53n + 1n) },
		{ value: 'A'.repeat(5000), same: 'A'.repeat(5000) },
		// Unicode forms and zero-width characters are kept as given (the team's rule for IDs): NFD "Zoé 李" is
		// another customer than NFC, as the source system compares them.
		{ value: NFD, same: NFD },
		{ value: NFC, same: NFC },
		{ value: 'A\u200B', same: 'A\u200B' },
		{ value: true },
		{ value: [] },
		{ value: ['A'] },
		{ value: {} },
		{ value: { id: 'A' } },
		{ value: new Date('2024-05-01T00:00:00Z') },
		{ value: null },
		{ value: '' },
		...NOT_JSON.map((value) => ({ value })),
	];
}

function dateOdds(): Odd[] {
	const valid = '2024-05-01';
	return [
		{ value: '2024-05-01T00:00:00Z', same: valid },
		{ value: '2024-05-01T08:00:00+08:00', same: valid },
		{ value: '2024/05/01', same: valid },
		{ value: '2024年5月1日', same: valid },
		{ value: '２０２４-０５-０１', same: valid },
		{ value: '20240501', same: valid },
		{ value: 1714521600, same: valid },
		{ value: 1714521600000, same: valid },
		{ value: new Date('2024-05-01T00:00:00Z'), same: valid },
		// No As Of in this node: a later date is simply the latest response.
		{ value: '2090-01-01', same: '2090-01-01' },
		{ value: '2024-02-30' },
		{ value: '2024-13-01' },
		{ value: 45413 },
		{ value: '1850-01-01' },
		{ value: INVALID_DATE },
		{ value: 'N/A' },
		{ value: true },
		{ value: 5 },
		{ value: {} },
		{ value: [] },
		{ value: [valid] },
		{ value: null },
		{ value: '' },
		...NOT_JSON.map((value) => ({ value })),
	];
}

function groupOdds(): Odd[] {
	return [
		// Group values are read trimmed and otherwise as written (a report by store is free text, not a choice).
		{ value: ' x ', same: 'x' },
		{ value: 'X', same: 'X' },
		{ value: '高', same: '高' },
		{ value: 5, same: '5' },
		{ value: 5.5, same: '5.5' },
		// Group values are keys, as in every node (the team's rule for keys): true/false is none; it would be
		// counted with the text "true", unseen. A date is the instant it names, one group with its ISO text.
		{ value: true },
		{ value: false },
		{ value: new Date('2024-05-01T00:00:00Z'), same: '2024-05-01T00:00:00.000Z' },
		// Empty values group as "(empty)", as the README says.
		{ value: null, same: undefined },
		{ value: '', same: undefined },
		{ value: '   ', same: undefined },
		// A value written as the name of the row of empty values would be counted with them: refused.
		{ value: '(empty)' },
		{ value: ' (empty) ' },
		{ value: 2 ** 53 + 1 },
		{ value: INVALID_DATE },
		{ value: 5n, same: '5' },
		// A list or an object names no group: a row named '["x"]' is a mapping mistake (a column inside it was
		// meant), so it is the item's error as in Measure Care Impact's report.
		{ value: ['x'] },
		{ value: [] },
		{ value: { name: 'x' } },
		{ value: Number.NaN },
		{ value: Number.POSITIVE_INFINITY },
	];
}

function oddValues(field: Field): Odd[] {
	switch (field.kind) {
		case 'integerScore':
			return scoreOdds(field.valid as number, field.scale!, true);
		case 'decimalScore':
			return scoreOdds(field.valid as number, field.scale!, false);
		case 'kano':
			return kanoOdds();
		case 'customerId':
			return customerIdOdds();
		case 'date':
			return dateOdds();
		case 'group':
			return groupOdds();
	}
}

// ---------------------------------------------------------------- running

/** The item with `path` set to `value` (a dot path into nested objects); undefined leaves it out. */
function withValue(item: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
	const copy = structuredClone(item);
	const parts = path.split('.');
	let target = copy;
	for (const part of parts.slice(0, -1)) target = target[part] as Record<string, unknown>;
	if (value === undefined) delete target[parts[parts.length - 1]];
	else target[parts[parts.length - 1]] = value;
	return copy;
}

let runs = 0;
async function run(parameters: IDataObject, items: Array<Record<string, unknown>>) {
	const key = `itemValues-${runs++}`;
	setGeneratedItems(key, items);
	const result = await runNode({ type: 'scoreSatisfaction', parameters, items: [], generatedKey: key, onError: 'continueErrorOutput' });
	expect(result.error).toBeUndefined();
	const [scored, report, errors] = outputsOf(result);
	const task = result.run.data.resultData.runData['Node Under Test'][0].data!.main;
	const pairedOf = (output: number) => (task[output] ?? []).map((i) => [i.pairedItem].flat().map((p) => (p as { item: number }).item));
	return { scored, report, errors, scoredPairs: pairedOf(0), errorPairs: pairedOf(2) };
}
type Run = Awaited<ReturnType<typeof run>>;

const shown = (value: unknown) => (value instanceof Date && Number.isNaN(value.getTime()) ? 'Invalid Date' : typeof value === 'bigint' ? String(value) : value);
const label = (odd: Odd) => (typeof odd.value === 'bigint' ? `${odd.value}n` : odd.value instanceof Date ? `Date(${shown(odd.value) === 'Invalid Date' ? 'invalid' : odd.value.toISOString()})` : typeof odd.value === 'string' ? JSON.stringify(odd.value) : String(odd.value === undefined ? 'absent' : JSON.stringify(odd.value) ?? odd.value));

/** Every input item on exactly one output, and no NaN or Infinity anywhere. */
function accountingProblems(outcome: Run, itemCount: number): string[] {
	const problems = nonFinite([outcome.scored, outcome.report, outcome.errors]).map((p) => `non-finite ${p}`);
	const seen = [...outcome.scoredPairs.flat(), ...outcome.errorPairs.flat()].sort((a, b) => a - b);
	if (JSON.stringify(seen) !== JSON.stringify(Array.from({ length: itemCount }, (_, i) => i))) problems.push(`items left on ${JSON.stringify(seen)}`);
	const overall = outcome.report[0];
	if (overall.responses as number + (overall.rejectedItems as number) !== itemCount) problems.push(`report counts ${overall.responses} + ${overall.rejectedItems} rejected of ${itemCount}`);
	return problems;
}

/** What is wrong with the error message refusing `odd` in `field`, or undefined. */
function messageProblem(field: Field, odd: Odd, message: string): string | undefined {
	if (RAW_ERROR.test(message.replace(/field "[^"]*" is missing/, ''))) return `raw error: ${message}`;
	if (!names(message, field.column)) return `message does not name "${field.column}": ${message}`;
	const forms = odd.value instanceof Date && Number.isNaN(odd.value.getTime()) ? ['Invalid Date'] : valueForms(shown(odd.value));
	if (!forms.some((form) => message.includes(form))) return `message does not show the value: ${message}`;
	return undefined;
}

// ---------------------------------------------------------------- the audit

describe('Score Satisfaction: every item field against the values real sources give', () => {
	it('covers every column parameter of the node', () => {
		const columnParameters = new ScoreSatisfaction().description.properties.flatMap((p: INodeProperties) =>
			p.type === 'collection' ? (p.options as INodeProperties[]).map((o) => `${p.name}.${o.name}`) : [p.name],
		);
		expect(new Set(FIELDS.map((f) => f.parameter))).toEqual(new Set(columnParameters.filter((name) => /Column(Pattern)?$/.test(name))));
	});

	// Scores and Kano answers are read per response: one run checks every odd value of a field at once,
	// each in its own copy of the valid response (item 1), after the three valid responses.
	describe.each(FIELDS.filter((f) => ['integerScore', 'decimalScore', 'kano'].includes(f.kind)).map((f) => [`${f.column} (${f.kind}${f.parameters.cesVersion ? ', CES 1.0' : ''})`, f] as const))(
		'%s',
		(_title, field) => {
			it('each odd value is refused naming the column and the value, or read as its equivalent', async () => {
				const odds = oddValues(field);
				const base = responses();
				const oddItems = odds.map((odd) => withValue(base[1], field.column, odd.value));
				const sameItems = odds.map((odd) => withValue(base[1], field.column, 'same' in odd ? odd.same : field.valid));
				const outcome = await run(field.parameters, [...base, ...oddItems]);
				const reference = await run(field.parameters, [...base, ...sameItems]);
				const problems = accountingProblems(outcome, base.length + odds.length);
				const resultOf = (r: Run, item: number) => {
					const at = r.scoredPairs.findIndex((pairs) => pairs.includes(item));
					return at < 0 ? undefined : r.scored[at].satisfaction;
				};
				const errorOf = (r: Run, item: number) => r.errors[r.errorPairs.findIndex((pairs) => pairs.includes(item))]?.error as string | undefined;
				for (let i = 0; i < base.length; i++) if (JSON.stringify(resultOf(outcome, i)) !== JSON.stringify(resultOf(reference, i))) problems.push(`valid item ${i} changed`);
				odds.forEach((odd, k) => {
					const item = base.length + k;
					const error = errorOf(outcome, item);
					if (error !== undefined) {
						if (!('same' in odd)) {
							const wrong = messageProblem(field, odd, error);
							if (wrong) problems.push(`${label(odd)}: ${wrong}`);
						} else problems.push(`${label(odd)}: refused, expected as ${JSON.stringify(odd.same)}: ${error}`);
					} else if (!('same' in odd)) {
						problems.push(`${label(odd)}: accepted (silently coerced) as ${JSON.stringify(resultOf(outcome, item))}`);
					} else if (JSON.stringify(resultOf(outcome, item)) !== JSON.stringify(resultOf(reference, item))) {
						problems.push(`${label(odd)}: read otherwise than ${JSON.stringify(odd.same)}: ${JSON.stringify(resultOf(outcome, item))}`);
					}
				});
				expect(problems).toEqual([]);
			});
		},
	);

	// Customer IDs, dates and groups change how responses combine: one run per odd value, compared with the
	// run of its equivalent, or (refused) with the valid run without that response.
	describe.each(FIELDS.filter((f) => ['customerId', 'date', 'group'].includes(f.kind)).map((f) => [`${f.column} (${f.kind}${f.parameters.aggregatePerCustomer ? `, per customer, ${f.parameters.combineBy}` : ''})`, f] as const))(
		'%s',
		(_title, field) => {
			it('each odd value is refused naming the column and the value, or read as its equivalent', async () => {
				const base = responses();
				const without = await run(field.parameters, [base[0], base[2]]);
				const problems: string[] = [];
				for (const odd of oddValues(field)) {
					const items = [base[0], withValue(base[1], field.column, odd.value), base[2]];
					const outcome = await run(field.parameters, items);
					problems.push(...accountingProblems(outcome, 3).map((p) => `${label(odd)}: ${p}`));
					const results = (r: Run) => ({ scored: r.scored.map((s) => s.satisfaction), report: r.report.map(({ rejectedItems: _, ...row }) => row) });
					if (outcome.errors.length > 0) {
						if (outcome.errors.length > 1 || outcome.errorPairs[0][0] !== 1) problems.push(`${label(odd)}: other items refused: ${JSON.stringify(outcome.errors)}`);
						const error = outcome.errors[0].error as string;
						if ('same' in odd) problems.push(`${label(odd)}: refused, expected as ${JSON.stringify(odd.same)}: ${error}`);
						else {
							const wrong = messageProblem(field, odd, error);
							if (wrong) problems.push(`${label(odd)}: ${wrong}`);
							if (JSON.stringify(results(outcome)) !== JSON.stringify(results(without))) problems.push(`${label(odd)}: the other responses are reported otherwise than without it`);
						}
					} else if (!('same' in odd)) {
						problems.push(`${label(odd)}: accepted (silently coerced): ${JSON.stringify(results(outcome)).slice(0, 300)}`);
					} else {
						const reference = await run(field.parameters, [base[0], withValue(base[1], field.column, odd.same), base[2]]);
						if (JSON.stringify(results(outcome)) !== JSON.stringify(results(reference))) problems.push(`${label(odd)}: read otherwise than ${JSON.stringify(odd.same)}`);
					}
				}
				expect(problems).toEqual([]);
			});
		},
	);

	describe.each(FIELDS.filter((f) => f.kind === 'integerScore' || f.kind === 'decimalScore' || f.kind === 'kano').map((f) => [`${f.column}${f.parameters.cesVersion ? ' (CES 1.0)' : ''}`, f] as const))(
		'%s with Skip Missing Metrics',
		(_title, field) => {
			// Empty is not answered, never 0; a gap or Kano pair with one answer missing stays the item's error.
			const pair = field.kind === 'kano' || field.column.includes('.');
			it(pair ? 'an empty answer with its pair answered is refused' : 'an empty answer is not answered, as a missing one', async () => {
				const parameters = { ...field.parameters, options: { ...(field.parameters.options as IDataObject), skipMissing: true } };
				const base = responses();
				const empties = [null, '', '   ', undefined];
				const outcome = await run(parameters, [...base, ...empties.map((value) => withValue(base[1], field.column, value))]);
				expect(accountingProblems(outcome, base.length + empties.length)).toEqual([]);
				if (pair) {
					expect(outcome.errorPairs).toEqual(empties.map((_, k) => [base.length + k]));
					expect(outcome.errors.map((e) => e.error)).toEqual(empties.map(() => expect.stringMatching(new RegExp(`field "${field.column}" is (null|""|"   "|missing), which is empty while`))));
				} else {
					const absent = outcome.scored.slice(base.length).map((s) => s.satisfaction);
					expect(outcome.errors).toEqual([]);
					expect(absent).toEqual(empties.map(() => absent[absent.length - 1]));
					expect((absent[0] as IDataObject).notAnswered).toEqual([field.column === 'sentiment' ? 'sentiment' : field.column]);
				}
			});
		},
	);
});

// ---------------------------------------------------------------- page states (Combine Page Reports)

/** A page state as PostgreSQL's jsonb gives it back: the keys of every object by length, then bytes. */
function jsonbOrder(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(jsonbOrder);
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
	return Object.fromEntries(keys.map((k) => [k, jsonbOrder((value as Record<string, unknown>)[k])]));
}

type State = { groups: Array<{ group: unknown; tally: Record<string, unknown> }>; [key: string]: unknown };

describe('Score Satisfaction: page states as real sources give them back', () => {
	const pageParameters = { ...ALL_METRICS, reportState: 'output' };
	const combine = { ...ALL_METRICS, reportState: 'combine' };
	let rows: Record<string, unknown>[] = [];
	let npsOnlyRow: Record<string, unknown>;
	beforeAll(async () => {
		const base = responses();
		rows = [(await run(pageParameters, base.slice(0, 2))).report[0], (await run(pageParameters, base.slice(2))).report[0]];
		npsOnlyRow = (await run({ metrics: ['nps'], reportState: 'output' }, base)).report[0];
	});
	const state = () => structuredClone(rows[1].reportState) as State;
	const edited = (edit: (s: State) => void) => {
		const s = state();
		edit(s);
		return { reportState: s };
	};

	// Each odd second page: [the item, how its refusal reads; absent: read as the page itself].
	const odds: Array<[string, () => unknown, RegExp?]> = [
		['the state as JSON text (a MySQL JSON column)', () => ({ reportState: JSON.stringify(state()) })],
		['the row with its keys as jsonb orders them', () => jsonbOrder(rows[1])],
		['the state alone, not in its row', () => state()],
		['truncated JSON text', () => ({ reportState: JSON.stringify(state()).slice(0, 120) }), /^Item 1: Report state 1: "\{"kind".*…" is not valid JSON \(expected the report state object or its JSON text\)$/],
		['a count as text', () => edited((s) => (s.groups[0].tally.promoters = '1')), /^Item 1: Report state 1, group "y": promoters is "1"; expected a whole number >= 0$/],
		['a negative count', () => edited((s) => (s.groups[0].tally.csatN = -1)), /^Item 1: Report state 1, group "y": csatN is -1; expected a whole number >= 0$/],
		['a fractional count', () => edited((s) => (s.groups[0].tally.responses = 1.5)), /^Item 1: Report state 1, group "y": responses is 1.5; expected a whole number >= 0$/],
		['a NaN sum (a Code node)', () => edited((s) => (s.groups[0].tally.indexSum = Number.NaN)), /^Item 1: Report state 1, group "y": indexSum is NaN; expected a finite number$/],
		['a count left out (cut by hand)', () => edited((s) => delete s.groups[0].tally.cesN), /^Item 1: Report state 1, group "y": cesN is missing; expected a whole number >= 0$/],
		['a group listed twice', () => edited((s) => s.groups.push(s.groups[0])), /^Item 1: Report state 1: group "y" is listed twice \(expected each group once, as a page run lists them\)$/],
		['a group entry that is null', () => edited((s) => ((s.groups as unknown[])[0] = null)), /^Item 1: Report state 1: a group is null; expected \{ group: text, tally \}$/],
		['a group named by a number', () => edited((s) => (s.groups[0].group = 5)), /^Item 1: Report state 1: a group is "\{"group":5,/],
		['groups missing', () => edited((s) => delete (s as Partial<State>).groups), /^Item 1: Item 1 is ".*", which holds no report state \(expected the overall report row of a Score Satisfaction page run/],
		['a state from a run of other metrics', () => npsOnlyRow, /^Item 1: Report state 1 measured csat null, ces null, .*but this node measures csat "1-5", ces "2.0", /],
		['a Segment Customer learned state', () => ({ key: 'learnedState', learned: { method: 'rfm', bins: 5 } }), /^Item 1: Item 1 is "\{"key":"learnedState".*", which holds no report state \(expected/],
		['a report row of a run without state', () => ({ ...rows[1], reportState: undefined }), /^Item 1: Item 1 is ".*", which holds no report state/],
		['reportState null', () => ({ reportState: null }), /^Item 1: Item 1 is "\{"reportState":null\}", which holds no report state \(expected/],
		['an empty item', () => ({}), /^Item 1: Item 1 is "\{\}", which holds no report state \(expected/],
	];

	it.each(odds.map(([name, make, refusal]) => ({ name, make, refusal })))('$name', async ({ make, refusal }) => {
		const valid = await run(combine, [rows[0], rows[1]]);
		const outcome = await run(combine, [rows[0], make() as Record<string, unknown>]);
		// Combining, each input item is one page: combined into the report (its rows pair with it) or refused.
		expect(nonFinite(outcome.report)).toEqual([]);
		expect(outcome.report[0].rejectedItems).toBe(outcome.errors.length);
		if (refusal === undefined) {
			expect(outcome.errors).toEqual([]);
			expect(outcome.report).toEqual(valid.report);
			return;
		}
		expect(outcome.errors.map((e) => e.error)).toEqual([expect.stringMatching(refusal)]);
		expect(outcome.errorPairs).toEqual([[1]]);
		const firstPageAlone = await run(combine, [rows[0]]);
		expect(outcome.report.map(({ rejectedItems: _, ...row }) => row)).toEqual(firstPageAlone.report.map(({ rejectedItems: _, ...row }) => row));
	});
});
