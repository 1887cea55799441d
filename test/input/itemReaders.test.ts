/**
 * The shared item readers against the odd values real sources give (SQL numerics and bigints as text,
 * spreadsheet and CSV cells, Chinese input methods, Code nodes), one rule per kind of value. Every reader
 * of a kind follows its kind's rule: each case below runs through all of them, and a refused value is an
 * InputError naming the field and showing the value.
 *
 * NUMBERS (parseNumber; counts parseCount / parseCustomerCount; scores readRating; money parseMoney; number
 * parameters numberFromText / parameterNumber):
 *   - a finite JS number is itself, -0 is 0; NaN and ±Infinity are refused;
 *   - a text is a number when it is, within white space: an optional sign, decimal digits with an optional
 *     point and fraction ("5", " 5 ", "+5", "5.", ".5"), or digits grouped by thousands with commas
 *     ("5,000", "1,234.5"); full-width forms of those characters ("５", "－５", "５，０００", "０．５", typed
 *     with a Chinese input method) are the same number;
 *   - refused: empty texts, the exponent form ("1e1", "5e0": no person or database writes a score, count or
 *     amount so; it is a float printed by a program or Excel's rounded display of a long number), hex,
 *     octal and binary ("0x10"), "5%" (5 or 0.05?), "5abc", "N/A", "-", a currency mark (money only),
 *     other digits ("٥", "⑤"), a text with more digits than a number holds ("9007199254740993" would be read
 *     as …992), true/false, null, lists, objects, dates; a BigInt, which n8n cannot store with an execution's
 *     data (JSON holds none), is refused saying it is one;
 *   - then each kind's range: counts are whole numbers from 0 up to 1e7, a count of customers up to 1e10, a
 *     score lies on its scale (whole points for NPS), money within ±1e13 (1e308 and 2^53 fall outside).
 * MONEY: a number by the rule above with one currency mark (¥ ￥ $ € £ RMB CNY USD EUR GBP 元) before or
 *   after it, and one minus before the mark or the number ("-¥5", "¥-5"; not "--5").
 * DATES (parseDate; dateMsReaderNotAfter gives the same instants and errors): ISO 8601 dates and date-times,
 *   with or without an offset (without: read in the workflow's zone), YYYY/MM/DD, YYYYMMDD, 2026年3月5日,
 *   full-width digits of any of them, epoch seconds (9-11 digits) or milliseconds (12-13 digits) as a number
 *   or text, a JS Date or luxon DateTime; all from 1900-01-01 to 2199-12-31. Refused: impossible dates
 *   (2026-02-30, 2026-13-01), an Excel serial (45000: a number without an epoch's digits), an Invalid Date,
 *   "", null, true, {}, [], dates before 1900; "not after As Of" readers refuse a later date.
 * IDs (customerIdText and the key readers of Measure Care Impact and Score Satisfaction, owned by their
 *   nodes): text trimmed of white space, or a finite number as its text ("5", "5.5"); compared exactly as
 *   the source system compares them, so NFC and NFD forms and zero-width characters are kept as given;
 *   empty, true, lists, objects, NaN and whole numbers beyond 2^53 − 1 are refused.
 * CHOICES (a group, a risk level, a channel, a yes/no answer in an item; choiceKey / choiceTable / lookupChoice):
 *   matched trimmed, in any case, full-width letters and digits as half-width (NFKC); a number by its digits
 *   where the table lists them (1/0 for yes/no); an unknown value ("高" unless it is a label of that choice),
 *   null, "", true where the table holds no booleans, a list or an object is the item's error. Every yes/no
 *   field takes YES_WORDS / NO_WORDS (true yes y 1 是 / false no n 0 否) besides its node's own words.
 */
import { choiceTable, lookupChoice, NO_WORDS, numberFromText, parseCount, parseCustomerCount, parseDate, parseMoney, parseNumber, dateMsReaderNotAfter, InputError, YES_WORDS, yesNoTable } from '../../nodes/shared/input';
import { parameterNumber } from '../../nodes/common';
import { readRating } from '../../nodes/shared/satisfaction/scale';
import { NPS_SCALE } from '../../nodes/shared/satisfaction/nps';
import { customerIdText } from '../../nodes/shared/customers/records';
import { parseKey, parseYesNo as parseOutcomeYesNo } from '../../nodes/shared/impact/values';
import { parseYesNo as parseConsentYesNo } from '../../nodes/shared/messaging/policy/consent';
import { RAW_ERROR, valueForms } from '../helpers/runChecks';

const REFUSED = Symbol('refused');
type Expected = number | typeof REFUSED;

/** [value, the number it is by the rule above (before any kind's range), or REFUSED]. */
const NUMBER_CASES: Array<[unknown, Expected]> = [
	[5, 5],
	['5', 5],
	[' 5 ', 5],
	['\u30005\u3000', 5],
	['+5', 5],
	['5.', 5],
	['.5', 0.5],
	['5.0', 5],
	['-1.5', -1.5],
	['5,000', 5000],
	['1,234.5', 1234.5],
	['５', 5],
	['－５', -5],
	['５，０００', 5000],
	['０．５', 0.5],
	['-0', 0],
	[-0, 0],
	[-1, -1],
	[5.5, 5.5],
	[1e308, 1e308],
	[2 ** 53 + 1, 2 ** 53],
	['9007199254740991', 9007199254740991],
	['9007199254740993', REFUSED],
	['1e1', REFUSED],
	['1E1', REFUSED],
	['5e0', REFUSED],
	['1e308', REFUSED],
	['1.23457E+11', REFUSED],
	['0x10', REFUSED],
	['0b11', REFUSED],
	['0o7', REFUSED],
	['5%', REFUSED],
	['5abc', REFUSED],
	['５ａ', REFUSED],
	['¥5', REFUSED],
	['￥5', REFUSED],
	['5元', REFUSED],
	['Infinity', REFUSED],
	['NaN', REFUSED],
	['N/A', REFUSED],
	['-', REFUSED],
	['--5', REFUSED],
	['1,0', REFUSED],
	['1,23,4', REFUSED],
	['5 000', REFUSED],
	['٥', REFUSED],
	['⑤', REFUSED],
	['5\u200b', REFUSED],
	['', REFUSED],
	['   ', REFUSED],
	[NaN, REFUSED],
	[Infinity, REFUSED],
	[-Infinity, REFUSED],
	[true, REFUSED],
	[false, REFUSED],
	[null, REFUSED],
	[undefined, REFUSED],
	[[5], REFUSED],
	[{ value: 5 }, REFUSED],
	[new Date('2026-03-05T00:00:00Z'), REFUSED],
	[BigInt(5), REFUSED],
	[BigInt('9007199254740993'), REFUSED],
];

/** Money: the number cases, where a currency mark is part of an amount. */
const MONEY_CASES: Array<[unknown, Expected]> = [
	...NUMBER_CASES.filter(([value]) => !(typeof value === 'string' && /[¥￥元]/.test(value))),
	['¥5', 5],
	['￥5', 5],
	['5元', 5],
	['$ 5', 5],
	['RMB 1,000', 1000],
	['￥５', 5],
	['５元', 5],
	['-¥5', -5],
	['¥-5', -5],
	['－￥５', -5],
	['-¥-5', REFUSED],
	['¥', REFUSED],
	['¥1e3', REFUSED],
	['¥9007199254740993', REFUSED],
];

interface Reader {
	name: string;
	cases: Array<[unknown, Expected]>;
	read: (value: unknown, field: string) => number;
	/** Whether the kind takes this number (its range, whole points). */
	takes: (n: number) => boolean;
}

const wholeIn = (min: number, max: number) => (n: number) => Number.isInteger(n) && n >= min && n <= max;

const READERS: Reader[] = [
	{ name: 'parseNumber', cases: NUMBER_CASES, read: (v, f) => parseNumber(v, f), takes: () => true },
	{ name: 'parseNumber (a 0-100 score)', cases: NUMBER_CASES, read: (v, f) => parseNumber(v, f, { min: 0, max: 100 }), takes: (n) => n >= 0 && n <= 100 },
	{ name: 'parseCount', cases: NUMBER_CASES, read: (v, f) => parseCount(v, f), takes: wholeIn(0, 1e7) },
	{ name: 'parseCustomerCount', cases: NUMBER_CASES, read: (v, f) => parseCustomerCount(v, f), takes: wholeIn(0, 1e10) },
	{ name: 'readRating (NPS)', cases: NUMBER_CASES, read: (v, f) => readRating(v, f, NPS_SCALE, false)!, takes: wholeIn(0, 10) },
	{ name: 'readRating (1-7, decimals)', cases: NUMBER_CASES, read: (v, f) => readRating(v, f, { min: 1, max: 7, integer: false }, false)!, takes: (n) => n >= 1 && n <= 7 },
	{ name: 'parseMoney', cases: MONEY_CASES, read: (v, f) => parseMoney(v, f), takes: (n) => Math.abs(n) <= 1e13 },
];

const show = (value: unknown) => (typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? JSON.stringify(value) : value instanceof Date ? 'a Date' : String(JSON.stringify(value) ?? value));

/** The error a reader threw: an InputError naming the field and showing the value, and no raw JavaScript error. */
function expectRefused(read: () => unknown, field: string, value: unknown): void {
	let error: unknown;
	try {
		read();
	} catch (e) {
		error = e;
	}
	expect(error).toBeInstanceOf(InputError);
	const message = (error as Error).message;
	expect(message).toContain(`field "${field}"`);
	const forms = typeof value === 'bigint' ? [String(value)] : valueForms(value);
	expect(forms.some((form) => message.includes(form)) ? message : `${message} does not show ${forms.join(' / ')}`).toBe(message);
	expect(message).not.toMatch(RAW_ERROR);
}

describe.each(READERS)('$name follows the number rule', ({ cases, read, takes }) => {
	it.each(cases.map(([value, expected]) => [show(value), value, expected] as const))('%s', (_shown, value, expected) => {
		const field = 'survey.score';
		if (expected !== REFUSED && takes(expected)) {
			expect(Object.is(read(value, field), expected + 0)).toBe(true);
		} else {
			expectRefused(() => read(value, field), field, value);
		}
	});
});

describe('number parameters (numberFromText, parameterNumber) read texts by the same rule', () => {
	it.each(NUMBER_CASES.map(([value, expected]) => [show(value), value, expected] as const))('%s', (_shown, value, expected) => {
		const asParameter = expected === REFUSED || !Number.isFinite(expected) || Math.abs(expected) > Number.MAX_SAFE_INTEGER || (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value)) ? undefined : expected + 0;
		if (typeof value === 'number') {
			if (Number.isFinite(value)) expect(parameterNumber(value)).toBe(value + 0);
			else expect(parameterNumber(value)).toBeUndefined();
			return;
		}
		expect(parameterNumber(value)).toBe(asParameter);
		if (typeof value === 'string') expect(numberFromText(value)).toBe(asParameter);
	});
});

const UTC = (iso: string) => new Date(iso).getTime();

/** [value, the instant it is (UTC, no zone given), or REFUSED]. */
const DATE_CASES: Array<[unknown, number | typeof REFUSED]> = [
	['2026-03-05', UTC('2026-03-05T00:00:00Z')],
	[' 2026-03-05 ', UTC('2026-03-05T00:00:00Z')],
	['2026-03-05T10:20:30+08:00', UTC('2026-03-05T02:20:30Z')],
	['2026-03-05T10:20:30Z', UTC('2026-03-05T10:20:30Z')],
	['2026-03-05 10:20', UTC('2026-03-05T10:20:00Z')],
	['2026/03/05', UTC('2026-03-05T00:00:00Z')],
	['2026/3/5', UTC('2026-03-05T00:00:00Z')],
	['20260305', UTC('2026-03-05T00:00:00Z')],
	['2026年3月5日', UTC('2026-03-05T00:00:00Z')],
	['2026年03月05日', UTC('2026-03-05T00:00:00Z')],
	['２０２６年３月５日', UTC('2026-03-05T00:00:00Z')],
	['２０２６-０３-０５', UTC('2026-03-05T00:00:00Z')],
	['２０２６／０３／０５', UTC('2026-03-05T00:00:00Z')],
	['2026-03-05T10:20:30＋08:00', UTC('2026-03-05T02:20:30Z')],
	[1772668800, UTC('2026-03-05T00:00:00Z')],
	[1772668800000, UTC('2026-03-05T00:00:00Z')],
	['1772668800', UTC('2026-03-05T00:00:00Z')],
	['1772668800000', UTC('2026-03-05T00:00:00Z')],
	['１７７２６６８８００', UTC('2026-03-05T00:00:00Z')],
	[new Date('2026-03-05T10:00:00Z'), UTC('2026-03-05T10:00:00Z')],
	['2026-02-30', REFUSED],
	['2026年2月30日', REFUSED],
	['2026-13-01', REFUSED],
	['2026年13月1日', REFUSED],
	['2026年3月', REFUSED],
	['3月5日', REFUSED],
	['05/03/2026', REFUSED],
	['2026-03-05T25:00', REFUSED],
	['2026-03-05T10:00+25:00', REFUSED],
	[45000, REFUSED],
	['45000', REFUSED],
	[-1, REFUSED],
	[0, REFUSED],
	[1e308, REFUSED],
	[NaN, REFUSED],
	[Infinity, REFUSED],
	[new Date(Number.NaN), REFUSED],
	['1899-12-31', REFUSED],
	['1899年12月31日', REFUSED],
	['2200-01-01', REFUSED],
	['', REFUSED],
	['   ', REFUSED],
	[null, REFUSED],
	[undefined, REFUSED],
	[true, REFUSED],
	[{}, REFUSED],
	[[], REFUSED],
	[['2026-03-05'], REFUSED],
	['yesterday', REFUSED],
	['N/A', REFUSED],
];

describe('dates: parseDate and the fast reader follow the date rule', () => {
	const asOf = new Date('2027-01-01T00:00:00Z');
	const fast = dateMsReaderNotAfter(asOf);
	it.each(DATE_CASES.map(([value, expected]) => [show(value), value, expected] as const))('%s', (_shown, value, expected) => {
		const field = 'lastPurchaseAt';
		if (expected === REFUSED) {
			expectRefused(() => parseDate(value, field), field, value instanceof Date && Number.isNaN(value.getTime()) ? 'Invalid Date' : value);
			expectRefused(() => fast(value, field), field, value instanceof Date && Number.isNaN(value.getTime()) ? 'Invalid Date' : value);
		} else {
			expect(parseDate(value, field).getTime()).toBe(expected);
			expect(fast(value, field)).toBe(expected);
		}
	});

	it('reads the Chinese and full-width forms in the given zone, as the ISO form', () => {
		for (const text of ['2026年3月5日', '２０２６-０３-０５', '２０２６年３月５日'])
			expect(parseDate(text, 'd', { timeZone: 'Asia/Shanghai' }).toISOString()).toBe(parseDate('2026-03-05', 'd', { timeZone: 'Asia/Shanghai' }).toISOString());
	});

	it('refuses a date after As Of in the fast reader as in parseDateNotAfter', () => {
		expect(() => fast('2027年1月2日', 'd')).toThrow('field "d" is "2027年1月2日", which lies after the as-of date 2027-01-01T00:00:00.000Z');
	});
});

/** [value, the ID it is, or REFUSED]. */
const ID_CASES: Array<[unknown, string | typeof REFUSED]> = [
	['C001', 'C001'],
	['  C001  ', 'C001'],
	['\u3000C001\u3000', 'C001'],
	[5, '5'],
	[5.5, '5.5'],
	[-0, '0'],
	['5', '5'],
	[2 ** 53 - 1, '9007199254740991'],
	['9007199254740993', '9007199254740993'],
	[BigInt('9007199254740993'), '9007199254740993'],
	['李', '李'],
	['e\u0301', 'e\u0301'],
	['\u00e9', '\u00e9'],
	['a\u200b', 'a\u200b'],
	['x'.repeat(500), 'x'.repeat(500)],
	[2 ** 53 + 2, REFUSED],
	[NaN, REFUSED],
	[Infinity, REFUSED],
	['', REFUSED],
	['   ', REFUSED],
	[null, REFUSED],
	[undefined, REFUSED],
	[true, REFUSED],
	[[], REFUSED],
	[['C001'], REFUSED],
	[{}, REFUSED],
	[{ id: 'C001' }, REFUSED],
];

const ID_READERS: Array<{ name: string; read: (value: unknown, field: string) => string }> = [
	{ name: 'customerIdText (Segment Customer, Detect Churn Risk)', read: (v, f) => customerIdText(v, f) },
	{ name: 'parseKey (Measure Care Impact)', read: (v, f) => parseKey(v, f, 'a customer ID', 'text or a number') },
];

describe.each(ID_READERS)('$name follows the ID rule', ({ read }) => {
	it.each(ID_CASES.map(([value, expected]) => [show(value), value, expected] as const))('%s', (_shown, value, expected) => {
		if (expected === REFUSED) expectRefused(() => read(value, 'customerId'), 'customerId', value);
		else expect(read(value, 'customerId')).toBe(expected);
	});
});

describe('choices: lookupChoice follows the choice rule', () => {
	const groups = choiceTable([
		['treatment', 'treatment'],
		['holdout', 'holdout'],
		['对照组', 'holdout'],
	]);
	it.each([
		['holdout', 'holdout'],
		['Holdout', 'holdout'],
		['  HOLDOUT  ', 'holdout'],
		['ｈｏｌｄｏｕｔ', 'holdout'],
		['Ｈｏｌｄｏｕｔ\u3000', 'holdout'],
		['对照组', 'holdout'],
		['高', undefined],
		['hold out', undefined],
		['constructor', undefined],
		['__proto__', undefined],
		['', undefined],
		[null, undefined],
		[undefined, undefined],
		[1, undefined],
		[true, undefined],
		[['holdout'], undefined],
		[{ group: 'holdout' }, undefined],
	])('%j', (given, expected) => {
		expect(lookupChoice(groups, given)).toBe(expected);
	});

	it('reads numbers by their digits where the table lists them (yes/no), and nothing else as a number', () => {
		const yesNo = yesNoTable();
		expect([1, 0, '1', '１', ' Yes ', 'ＮＯ', '是', 'Y'].map((v) => lookupChoice(yesNo, v))).toEqual([true, false, true, true, true, false, true, true]);
		expect([2, -0.5, NaN, Infinity, '2', 'yes!', '对'].map((v) => lookupChoice(yesNo, v))).toEqual(Array(7).fill(undefined));
	});
});

/**
 * Every yes/no reader of an item takes the common words (YES_WORDS, NO_WORDS) by the choice rule, whatever
 * words of its own it adds. Send Care Message's consent field read them without NFKC until 14aa817: full-width
 * ＹＥＳ was the item's error there but yes in Measure Care Impact and Detect Churn Risk.
 */
describe.each([
	{ name: 'Measure Care Impact outcomes (parseYesNo)', read: (v: unknown) => parseOutcomeYesNo(v, 'converted') === 1 },
	{ name: 'Send Care Message consent (parseYesNo)', read: (v: unknown) => parseConsentYesNo(v, 'consent') },
])('$name takes the common yes/no words by the choice rule', ({ read }) => {
	const forms = (word: string) => [word, word.toUpperCase(), ` ${word} `, word.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))];
	it.each([...YES_WORDS.map((w) => [w, true] as const), ...NO_WORDS.map((w) => [w, false] as const)])('%s', (word, answer) => {
		for (const form of forms(word)) expect([form, read(form)]).toEqual([form, answer]);
	});
	it('full-width forms (ＹＥＳ, １)', () => {
		expect(['ＹＥＳ', 'ｎｏ', '１', '０'].map((v) => read(v))).toEqual([true, false, true, false]);
	});
});

describe('a BigInt in a number field', () => {
	it('is refused saying it is one, its digits shown as a number is', () => {
		expect(() => parseNumber(BigInt(5), 'orders')).toThrow('field "orders" is 5, which is a BigInt, which JSON and n8n\'s execution data cannot hold (send it as a number or as text) (expected a number)');
		expect(() => parseMoney(BigInt(5), 'spend')).toThrow('field "spend" is 5, which is a BigInt');
	});
});
