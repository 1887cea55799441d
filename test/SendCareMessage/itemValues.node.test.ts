import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { CHANNELS, type ChannelKind } from '../../nodes/shared/messaging/channels/registry';
import { SendCareMessage } from '../../nodes/SendCareMessage/SendCareMessage.node';
import { startProviderServer, type AnyProviderServer, type Delivery, type ProviderServerOptions } from '../helpers/providers';
import { ABSENT, showsValue as showsOddValue, shown, withValue, type Odd as OddValue } from '../helpers/oddItemValues';
import { names, nonFinite, outputsOf, RAW_ERROR } from '../helpers/runChecks';
import { NODE_UNDER_TEST } from '../helpers/runWorkflow';
import { setGeneratedItems } from '../helpers/testNodes';
import { runCare } from './helpers/run';

/**
 * The item fields Send Care Message reads, against the values real sources give them (a database's text
 * numbers, a spreadsheet's " 5 " and full-width digits, a Code node's NaN, undefined and Date objects).
 * Each field is run once with one item per odd value beside valid items, through n8n's engine against
 * the channel's loopback provider, which enforces the provider's wire contract. Each odd item must be
 * refused alone, with an error naming the field and showing the value (never a raw JavaScript error), or
 * give the `care` result of its equivalent valid value; every item leaves on exactly one output under
 * both Continue settings, and no output holds NaN or Infinity.
 */

type Value = unknown;

/** An equivalent, when given, is read: never refused. */
interface Odd extends OddValue {
	/** A valid value in its own right: the node must not refuse it. */
	asGiven?: boolean;
	/**
	 * The node passes it on and the provider may refuse it (a landline to an SMS gateway): its verdict stands.
	 * Where the provider documents the limit it would refuse by (textLimits.ts, templateParamLimits.ts), the
	 * node refuses first.
	 */
	providerMayRefuse?: boolean;
	/** What the provider must have received for it. */
	delivered?: (delivery: Delivery) => boolean;
	/** The part of the value a refusal shows, when not the whole (the bad date of a list). */
	shownAs?: Value;
	/** The output a value valid in its own right lands on, when not Sent. */
	lands?: 'Skipped';
}

interface FieldCase {
	/** The item field (dot path) and the parameter that maps it, as the panel labels it. */
	field: string;
	parameter: string;
	channel: ChannelKind;
	parameters?: IDataObject;
	odds: Odd[];
}

const TWO_53_PLUS_1 = 2 ** 53 + 1;
const LONG_TEXT = '长'.repeat(3000);

/** Replaced by the run's own channel secret (the item carries the credential's secret). */
const THE_SECRET = Symbol('secret');

/** Values an ID or text field can hold that no valid item would. */
const idOdds = (valid: string): Odd[] => [
	{ value: `  ${valid}  `, equivalent: valid },
	{ value: '' },
	{ value: null },
	{ value: ABSENT },
	{ value: true },
	{ value: [] },
	{ value: {} },
	{ value: [valid] },
	{ value: { value: valid } },
	{ value: Number.NaN },
	{ value: Number.POSITIVE_INFINITY },
	{ value: TWO_53_PLUS_1 },
	{ value: new Date('2026-03-01T00:00:00Z') },
	{ value: new Date(Number.NaN) },
	// Refused with the value shown as *** (checked for every message).
	{ value: THE_SECRET },
];

const phoneOdds: Odd[] = [
	{ value: '+86 138 0013 8000', equivalent: '+8613800138000' },
	{ value: '138-0013-8000', equivalent: '13800138000' },
	{ value: '(138) 0013.8000', equivalent: '13800138000' },
	{ value: 13800138000, equivalent: '13800138000' },
	{ value: 1.38e10, equivalent: '13800000000' },
	{ value: BigInt('13800138000'), equivalent: '13800138000' },
	// 86 without the +: Aliyun reads it as an international number, Twilio as a number without its country.
	{ value: '8613800138000', asGiven: true, providerMayRefuse: true },
	// A landline is a phone number: whether it takes SMS is the gateway's to say.
	{ value: '010-6234 5678', asGiven: true, providerMayRefuse: true },
	// Full-width digits and signs are the same number, as S's rule reads numbers.
	{ value: '１３８００１３８０００', equivalent: '13800138000' },
	{ value: '＋８６ １３８－００１３－８０００', equivalent: '+8613800138000' },
	{ value: '１３８００１３８０００．０' },
	{ value: '13800138000.0' },
	{ value: 13800138000.5 },
	{ value: '9007199254740993' },
	{ value: 'call me' },
	{ value: '+' },
	...idOdds('13800138000').slice(1),
];

const emailOdds: Odd[] = [
	{ value: '  ann@example.cn  ', equivalent: 'ann@example.cn' },
	{ value: 'Ann <ann@example.cn>' },
	{ value: 'ann@example.cn, bo@example.cn' },
	{ value: 'ann@' },
	{ value: 'ａｎｎ＠example.cn' },
	{ value: 5 },
	...idOdds('ann@example.cn').slice(1),
];

/** A robot's recipient (an @-mention) is optional: nothing given is the same as no field. */
const robotRecipientOdds: Odd[] = [
	{ value: ' 13800138000 ', equivalent: '13800138000' },
	{ value: 13800138000, equivalent: '13800138000' },
	{ value: BigInt('13800138000'), equivalent: '13800138000' },
	{ value: '', equivalent: ABSENT },
	{ value: null, equivalent: ABSENT },
	{ value: '   ', equivalent: ABSENT },
	{ value: '13800138000.0' },
	{ value: '１３８００１３８０００．０' },
	{ value: true },
	{ value: [] },
	{ value: {} },
	{ value: ['13800138000'] },
	{ value: Number.NaN },
	{ value: Number.POSITIVE_INFINITY },
	{ value: TWO_53_PLUS_1 },
	{ value: new Date(Number.NaN) },
	// Passed on as given; what the node writes shows it as ***.
	{ value: THE_SECRET, asGiven: true },
];

/**
 * Template variables: text as the customer wrote it is sent as text; a value that is no text (a list, an
 * object, NaN) fails its item, never written as "[object Object]"; an empty value without a default too.
 */
const variableOdds = (markup: Odd): Odd[] => [
	{ value: 0, equivalent: '0' },
	{ value: 5, equivalent: '5' },
	{ value: BigInt('9007199254740993'), equivalent: '9007199254740993' },
	{ value: new Date('2026-03-01T00:00:00Z'), equivalent: '2026-03-01T00:00:00.000Z' },
	{ value: LONG_TEXT, asGiven: true, providerMayRefuse: true },
	// Sent as the customer data it is; the node hides it in everything it writes (checked for every item).
	{ value: THE_SECRET, asGiven: true },
	markup,
	{ value: '' },
	{ value: null },
	{ value: ABSENT },
	{ value: [] },
	{ value: ['Ann'] },
	{ value: {} },
	{ value: { first: 'Ann' } },
	{ value: Number.NaN },
	{ value: Number.POSITIVE_INFINITY },
	{ value: TWO_53_PLUS_1 },
	{ value: new Date(Number.NaN) },
];

/** Markup each channel reads in its text, from a customer's name: it must arrive as text. */
const MARKUP: Record<ChannelKind, Odd> = {
	// The HTML part gets it escaped, the text part as written.
	smtp: {
		value: '<b onclick="x()">Ann</b>',
		asGiven: true,
		delivered: ({ text, raw }) => text.includes('<b onclick="x()">Ann</b>') && Boolean((raw as { html?: string }).html?.includes('&lt;b onclick=&quot;x()&quot;&gt;Ann&lt;/b&gt;')),
	},
	aliyunSms: { value: '${name}', asGiven: true, delivered: ({ text }) => text.includes('${name}') },
	twilioSms: { value: 'Ann <https://x.test|click>', asGiven: true, delivered: ({ text }) => text.includes('Ann <https://x.test|click>') },
	wecom: { value: '<@all>', asGiven: true, delivered: ({ text }) => !text.includes('<@all>') },
	dingtalk: { value: '@all', asGiven: true },
	feishu: { value: '<at user_id="all">所有人</at>', asGiven: true, delivered: ({ text }) => !text.includes('<at user_id="all">') },
	slack: { value: '<!channel>', asGiven: true, delivered: ({ text }) => text.includes('&lt;!channel&gt;') },
	webhook: { value: '{{customerId}}', asGiven: true, delivered: ({ text }) => text.includes('{{customerId}}') },
};

/**
 * Feishu's custom bot mentions by user ID, never by phone number: a number there is the item's error (it
 * mentioned nobody), a name is passed on as for the other robots.
 */
const feishuRecipientOdds: Odd[] = [
	{ value: ' 客服主管 ', equivalent: '客服主管' },
	...robotRecipientOdds.map((odd): Odd => (odd.equivalent !== undefined && odd.equivalent !== ABSENT ? { value: odd.value } : odd)),
];

const CHANNEL_KINDS = Object.keys(CHANNELS) as ChannelKind[];
const RECIPIENT: Record<'email' | 'phone' | 'none', { field: string; parameter: string; odds: Odd[]; valid: (i: number) => string }> = {
	email: { field: 'email', parameter: 'Email Field', odds: emailOdds, valid: (i) => `c${i}@example.cn` },
	phone: { field: 'phone', parameter: 'Phone Field', odds: phoneOdds, valid: (i) => `+86138001380${String(i).padStart(2, '0')}` },
	none: { field: 'recipient', parameter: 'Recipient Field', odds: robotRecipientOdds, valid: (i) => `138001380${String(i).padStart(2, '0')}` },
};
const recipientOf = (channel: ChannelKind) =>
	channel === 'feishu' ? { ...RECIPIENT.none, odds: feishuRecipientOdds, valid: (i: number) => `staff-${i}` } : RECIPIENT[CHANNELS[channel].recipient];

const dateOdds: Odd[] = [
	{ value: '2026-03-05T00:00:00Z', equivalent: '2026-03-05' },
	{ value: '2026-03-05T08:00:00+08:00', equivalent: '2026-03-05' },
	{ value: new Date('2026-03-05T00:00:00Z'), equivalent: '2026-03-05T00:00:00Z' },
	{ value: Date.parse('2026-03-05T00:00:00Z'), equivalent: '2026-03-05T00:00:00Z' },
	{ value: Date.parse('2026-03-05T00:00:00Z') / 1000, equivalent: '2026-03-05T00:00:00Z' },
	{ value: '', equivalent: ABSENT },
	{ value: null, equivalent: ABSENT },
	{ value: [], equivalent: ABSENT },
	{ value: ['2026-03-05'], equivalent: '2026-03-05' },
	// A contact history: two contacts, one in the window.
	{ value: ['2026-01-01', '2026-03-05'], equivalent: '2026-03-05' },
	{ value: ['2026-03-05', 'soon'], shownAs: 'soon' },
	{ value: '2026/03/05', equivalent: '2026-03-05' },
	{ value: '2026年3月5日', equivalent: '2026-03-05' },
	{ value: '２０２６-０３-０５', equivalent: '2026-03-05' },
	// A contact after As Of has happened by the time anyone reads the run: it counts (never spam).
	{ value: '2026-03-09', asGiven: true, lands: 'Skipped' },
	{ value: '2026-02-30' },
	{ value: '2026-13-01' },
	{ value: 45000 },
	{ value: new Date(Number.NaN) },
	{ value: true },
	{ value: {} },
	{ value: '1899-12-31' },
	{ value: 'yesterday' },
	{ value: Number.NaN },
	{ value: Number.POSITIVE_INFINITY },
];

const CASES: FieldCase[] = [
	...CHANNEL_KINDS.map((channel): FieldCase => ({ field: recipientOf(channel).field, parameter: recipientOf(channel).parameter, channel, odds: recipientOf(channel).odds })),
	...CHANNEL_KINDS.map((channel): FieldCase => ({ field: 'name', parameter: 'Text', channel, odds: variableOdds(MARKUP[channel]) })),
	// A built-in template's placeholder, a dot path into the fields Schedule Revisit writes.
	{ field: 'revisit.dueAt', parameter: 'Template', channel: 'dingtalk', parameters: { template: 'revisitReminder' }, odds: variableOdds(MARKUP.dingtalk) },
	{
		field: 'customerId',
		parameter: 'Customer ID Field',
		channel: 'webhook',
		// Keys made unique per row and no cap, so that equal IDs in one batch are no duplicates of each other.
		parameters: { keyTemplate: '{{customerId}}:{{row}}', frequencyCap: 'off' },
		odds: [
			{ value: 5, equivalent: '5' },
			{ value: BigInt('9007199254740993'), equivalent: '9007199254740993' },
			{ value: '  C-odd  ', equivalent: 'C-odd' },
			// IDs are compared as the text they are, as a database compares them: another normal form or a
			// zero-width character is another customer (a key survives any Unicode, README).
			{ value: 'Jose\u0301', asGiven: true },
			{ value: '李\u200b', asGiven: true },
			{ value: 5.5, asGiven: true },
			// Its key, percent-encoded, is beyond any receiver's header limit: the header carries its digest.
			{ value: LONG_TEXT, asGiven: true },
			{ value: String(TWO_53_PLUS_1), asGiven: true },
			{ value: THE_SECRET, asGiven: true },
			{ value: '' },
			{ value: null },
			{ value: ABSENT },
			{ value: true },
			{ value: [] },
			{ value: {} },
			{ value: ['C1'] },
			{ value: Number.NaN },
			{ value: Number.POSITIVE_INFINITY },
			{ value: TWO_53_PLUS_1 },
			{ value: new Date(Number.NaN) },
		],
	},
	{
		field: 'consent',
		parameter: 'Consent Field',
		channel: 'webhook',
		parameters: { consentMode: 'optIn' },
		odds: [
			{ value: 'yes', equivalent: true },
			{ value: ' YES ', equivalent: true },
			{ value: 1, equivalent: true },
			{ value: '1', equivalent: true },
			{ value: '同意', equivalent: true },
			{ value: 'opted_out', equivalent: false },
			{ value: 0, equivalent: false },
			{ value: '', equivalent: ABSENT },
			{ value: null, equivalent: ABSENT },
			{ value: '高' },
			// Full-width letters and digits as half-width, as S's rule reads choices in items.
			{ value: '１', equivalent: true },
			{ value: 'ＹＥＳ', equivalent: true },
			{ value: 2 },
			{ value: -1 },
			{ value: [true] },
			{ value: {} },
			{ value: Number.NaN },
			{ value: Number.POSITIVE_INFINITY },
			{ value: new Date('2026-03-01T00:00:00Z') },
		],
	},
	{
		field: 'timeZone',
		parameter: 'Time Zone Field',
		channel: 'webhook',
		odds: [
			{ value: ' Asia/Shanghai ', equivalent: 'Asia/Shanghai' },
			{ value: 'asia/shanghai', equivalent: 'Asia/Shanghai' },
			{ value: '', equivalent: ABSENT },
			{ value: null, equivalent: ABSENT },
			{ value: 'CST' },
			{ value: '+08:00' },
			{ value: 'UTC+8' },
			{ value: '上海' },
			{ value: 'Mars/Olympus' },
			{ value: 8 },
			{ value: true },
			{ value: [] },
			{ value: ['Asia/Shanghai'] },
			{ value: {} },
			{ value: Number.NaN },
		],
	},
	{
		field: 'lastContactedAt',
		parameter: 'Last Contacted Field',
		channel: 'webhook',
		odds: dateOdds,
	},
	{
		field: 'lang',
		parameter: 'Language Field',
		channel: 'webhook',
		parameters: { options: { languageField: 'lang' } },
		odds: [
			{ value: 'EN', equivalent: 'en' },
			{ value: ' en ', equivalent: 'en' },
			{ value: 'en_US', equivalent: 'en' },
			{ value: 'zh', equivalent: 'zh-CN' },
			{ value: '中文', equivalent: 'zh-CN' },
			{ value: 'ＥＮ', equivalent: 'en' },
			{ value: '', equivalent: ABSENT },
			{ value: null, equivalent: ABSENT },
			{ value: '高' },
			{ value: 'fr' },
			{ value: 5 },
			{ value: true },
			{ value: ['en'] },
			{ value: {} },
			{ value: Number.NaN },
		],
	},
	{
		field: 'surveyId',
		parameter: 'Custom Key',
		channel: 'webhook',
		parameters: { keyTemplate: '{{customerId}}:apology:{{surveyId}}' },
		odds: [
			{ value: 5, equivalent: '5' },
			{ value: 'S:1', asGiven: true },
			// Sent: the Idempotency-Key header carries the digest of a key this long.
			{ value: LONG_TEXT, asGiven: true },
			{ value: '' },
			{ value: null },
			{ value: ABSENT },
			{ value: [] },
			{ value: {} },
			{ value: Number.NaN },
			{ value: TWO_53_PLUS_1 },
			{ value: new Date(Number.NaN) },
		],
	},
];

// ---------------------------------------------------------------- running a case

/** Valid values of the fields every item has. */
function validItem(channel: ChannelKind, i: number): IDataObject {
	const recipient = recipientOf(channel);
	return {
		customerId: `C${i}`,
		name: `Ann${i}`,
		orderId: `O-${i}`,
		timeZone: 'Asia/Shanghai',
		consent: true,
		lastContactedAt: '2026-01-01',
		lang: 'zh-CN',
		surveyId: `S${i}`,
		row: i,
		revisit: { dueAt: '2026-03-10T10:00:00+08:00', owner: '张三', reason: '满意度下降' },
		[recipient.field]: recipient.valid(i),
	};
}

const PARAMETERS: Record<ChannelKind, IDataObject> = {
	smtp: { recipientField: 'email', html: '<p>Hi {{name}}, order {{orderId}} has shipped.</p>' },
	aliyunSms: { recipientField: 'phone', smsTemplateCode: 'SMS_1' },
	twilioSms: { recipientField: 'phone' },
	wecom: { recipientField: 'recipient' },
	dingtalk: { recipientField: 'recipient' },
	feishu: { recipientField: 'recipient' },
	slack: { recipientField: 'recipient' },
	webhook: { recipientField: 'recipient' },
};
const SERVER_OPTIONS: Partial<ProviderServerOptions> = { aliyunSms: { signNames: ['星河银行'], templates: { SMS_1: '${name}您好，订单${orderId}已发货' } } };

const VALID_ITEMS = 2;
const OUTPUTS = ['Sent', 'Skipped', 'Failed', 'error output'];
const VOLATILE = /^(sentAt|providerMessageId)$/;

const servers = new Map<ChannelKind, AnyProviderServer>();
let runs = 0;

interface ItemOutcome {
	output: number;
	json: Record<string, unknown>;
}

/** Runs the items (generated, so that NaN, undefined and Date objects reach the node); where each item left. */
async function run(c: FieldCase, items: IDataObject[], onError: 'continueErrorOutput' | 'continueRegularOutput') {
	const server = servers.get(c.channel)!;
	server.reset();
	const key = `itemValues-${runs++}`;
	setGeneratedItems(key, items);
	const parameters = {
		text: 'Hi {{name}}, order {{orderId}} has shipped.',
		...PARAMETERS[c.channel],
		...c.parameters,
		options: { pacing: 'off', maxAttempts: 1, ...((c.parameters?.options as IDataObject) ?? {}) },
	};
	const { result } = await runCare(server, [], parameters, { generatedKey: key, onError });
	expect(result.error).toBeUndefined();
	const outputs = outputsOf(result, VOLATILE);
	const byItem = new Map<number, ItemOutcome[]>();
	const paired = result.run.data.resultData.runData[NODE_UNDER_TEST][0].data!.main;
	paired.forEach((list, output) =>
		(list ?? []).forEach((item, k) => {
			const index = (item.pairedItem as { item: number }).item;
			byItem.set(index, [...(byItem.get(index) ?? []), { output, json: outputs[output][k] }]);
		}),
	);
	return { outputs, byItem, server };
}

/** JSON with long texts cut, for problem lines. */
const brief = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 12)}…` : typeof v === 'bigint' ? `${v}n` : v)) ?? String(value);
/** JSON of an output item, a BigInt as its digits. */
const jsonText = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));

/** Whether a message shows the value (oddItemValues' showsValue), hidden (***) for a secret; a whole number beyond 2^53 perhaps as 9.007199254740992e+15. */
function showsValue(message: string, value: Value, secret: string): boolean {
	if (value === secret) return message.includes('***') && !message.includes(secret);
	if (typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value) && message.includes(value.toExponential())) return true;
	return showsOddValue(message, value);
}

/** The problems of one case: every odd item's outcome, the valid items' outcome, the accounting. */
async function problemsOf(c: FieldCase): Promise<string[]> {
	const server = servers.get(c.channel)!;
	const secret = server.secrets[0];
	const odds = c.odds.map((odd) => (odd.value === THE_SECRET ? { ...odd, value: secret } : odd));
	const base = Array.from({ length: VALID_ITEMS + odds.length }, (_, i) => validItem(c.channel, i));
	const items = base.map((item, i) => (i < VALID_ITEMS ? item : withValue(item, c.field, odds[i - VALID_ITEMS].value)));
	const references = base.map((item, i) => {
		const odd = odds[i - VALID_ITEMS];
		return odd && 'equivalent' in odd ? withValue(item, c.field, odd.equivalent) : item;
	});
	const problems: string[] = [];
	const got = await run(c, items, 'continueErrorOutput');
	const received = [...server.deliveries];
	const reference = await run(c, references, 'continueErrorOutput');
	const outputField = (o: ItemOutcome) => o.json.care;

	// What the node writes; the input fields are the item's own (a NaN an item holds stays in it).
	const nonFiniteFound = got.outputs.flatMap((items, o) => items.flatMap((json, k) => nonFinite({ care: json.care, error: json.error }, `${OUTPUTS[o]}.${k}`)));
	if (nonFiniteFound.length) problems.push(`NaN or Infinity in the outputs: ${nonFiniteFound.join(', ')}`);
	for (let i = 0; i < items.length; i++) {
		const outcomes = got.byItem.get(i) ?? [];
		const odd = odds[i - VALID_ITEMS];
		const what = odd ? `${c.field} = ${shown(odd.value)}` : `valid item ${i}`;
		if (outcomes.length !== 1) {
			problems.push(`${what}: left on ${outcomes.length} outputs`);
			continue;
		}
		const [outcome] = outcomes;
		const expected = reference.byItem.get(i)?.[0];
		if (!odd) {
			if (outcome.output !== expected?.output || JSON.stringify(outputField(outcome)) !== JSON.stringify(outputField(expected))) {
				problems.push(`${what}: not processed as in the valid run (${OUTPUTS[outcome.output]} ${brief(outcome.json)})`);
			}
			continue;
		}
		const text = jsonText(outcome.json);
		if (secret && text.includes(secret)) {
			const { [c.field.split('.')[0]]: _input, ...written } = outcome.json;
			if (jsonText(written).includes(secret)) problems.push(`${what}: the channel's secret is in what the node wrote`);
		}
		if (outcome.output === 3) {
			const message = String(outcome.json.error);
			if (odd.providerMayRefuse && /^Item \d+: field "(message text|TemplateParam\.[^"]+)" is .*, over .*limit/.test(message)) continue;
			if (odd.asGiven || 'equivalent' in odd) problems.push(`${what}: refused, though it is valid: ${message}`);
			else if (RAW_ERROR.test(message)) problems.push(`${what}: raw error: ${message}`);
			else if (!names(message, c.field) && !names(message, c.parameter)) problems.push(`${what}: the message names neither "${c.field}" nor "${c.parameter}": ${message}`);
			else if (!showsValue(message, 'shownAs' in odd ? odd.shownAs : odd.value, secret)) problems.push(`${what}: the message does not show the value: ${message}`);
			continue;
		}
		const care = outcome.json.care as IDataObject | undefined;
		if (odd.providerMayRefuse && outcome.output === 2 && care?.outcome === 'failed') continue;
		if (odd.delivered) {
			const delivery = received.find((d) => new RegExp(`O-${i}(?!\\d)`).test(d.text));
			if (!delivery || !odd.delivered(delivery)) problems.push(`${what}: the provider received ${JSON.stringify(delivery?.text)}`);
		}
		if (odd.asGiven && !('equivalent' in odd)) {
			if (outcome.output !== OUTPUTS.indexOf(odd.lands ?? 'Sent')) problems.push(`${what}: ${OUTPUTS[outcome.output]} ${brief(care)}`);
			continue;
		}
		if (!('equivalent' in odd)) {
			problems.push(`${what}: accepted (silently coerced) on ${OUTPUTS[outcome.output]}: ${brief(care)}`);
			continue;
		}
		if (outcome.output !== expected?.output || JSON.stringify(care) !== JSON.stringify(outputField(expected))) {
			problems.push(`${what}: ${OUTPUTS[outcome.output]} ${brief(care)}, but ${shown(odd.equivalent)} gives ${OUTPUTS[expected?.output ?? 3]} ${brief(expected?.json.care)}`);
		}
	}

	// Under Continue (regular output) too, every item leaves once; a refused item on Failed keeps its fields.
	const regular = await run(c, items, 'continueRegularOutput');
	for (let i = 0; i < items.length; i++) {
		const outcomes = regular.byItem.get(i) ?? [];
		const odd = odds[i - VALID_ITEMS];
		const what = odd ? `${c.field} = ${shown(odd.value)}` : `valid item ${i}`;
		if (outcomes.length !== 1) problems.push(`Continue (regular output), ${what}: left on ${outcomes.length} outputs`);
		else if (got.byItem.get(i)?.[0].output === 3 && (outcomes[0].output !== 2 || outcomes[0].json.orderId !== items[i].orderId || (outcomes[0].json.care as IDataObject | undefined)?.code !== 'INVALID_ITEM')) {
			problems.push(`Continue (regular output), ${what}: the refused item is not on Failed with its fields and care: ${brief(outcomes[0].json)}`);
		}
	}
	return problems;
}

// ---------------------------------------------------------------- the tests

describe('Send Care Message: item fields against the values real sources give', () => {
	beforeAll(async () => {
		for (const kind of CHANNEL_KINDS) servers.set(kind, await startProviderServer(kind, SERVER_OPTIONS[kind] as never));
	});
	afterAll(async () => {
		await Promise.all([...servers.values()].map((s) => s.close()));
	});

	it('covers every column parameter of the node', () => {
		const description = new SendCareMessage().description;
		const columns = [...description.properties, ...((description.properties.find((p) => p.name === 'options')?.options as INodeProperties[]) ?? [])]
			.filter((p) => /Field$/.test(p.displayName) && p.name !== 'outputField')
			.map((p) => p.displayName);
		expect([...new Set(columns)].sort()).toEqual([...new Set(CASES.map((c) => c.parameter).filter((p) => p.endsWith('Field')))].sort());
	});

	// Without Continue, the node documents a stop before sending anything: no half-sent batch to untangle.
	it.each([
		['smtp', 'email', 'ann@', /^Item 2: field "email" is "ann@", which is not an email address/],
		['aliyunSms', 'phone', '１３８００１３８０００．０', /^Item 2: field "phone" is "１３８００１３８０００．０", which is a phone number written as a decimal/],
		['webhook', 'name', { first: 'Ann' }, /^Item 2: field "name" is "\{"first":"Ann"\}", which cannot be written into a message/],
	] as const)('%s: one refused item (%s) stops the node before anything is sent', async (channel, field, value, message) => {
		const server = servers.get(channel)!;
		server.reset();
		const items = [0, 1, 2].map((i) => (i === 2 ? withValue(validItem(channel, i), field, value) : validItem(channel, i)));
		const parameters = { text: 'Hi {{name}}, order {{orderId}} has shipped.', ...PARAMETERS[channel], options: { pacing: 'off' } };
		const { result } = await runCare(server, items, parameters);
		expect(result.error?.message).toMatch(message);
		expect(server.requests).toHaveLength(0);
	});

	it.each(CASES.map((c) => [`${c.parameter} (${c.field}) on ${c.channel}`, c] as const))('%s', async (_name, c) => {
		expect(await problemsOf(c)).toEqual([]);
	});
});
