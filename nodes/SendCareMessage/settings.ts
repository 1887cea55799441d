import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { checkChoice, checkText, parameterNumber, readAsOf, readColumn } from '../common';
import { describeValue, parameterError } from '../shared/input';
import { CHANNELS, type ChannelKind, type Rate } from '../shared/messaging/channels';
import { POSTGRES_STORED_TEXT_LIMIT, quoteTableName, type KeyPeriod } from '../shared/messaging/ledger';
import { capWindowStarts, keyPeriods } from '../shared/messaging/perZone';
import {
	consentModeFor,
	parseSendingWindow,
	validateFrequencyCap,
	type FrequencyCap,
	type ConsentFieldMeaning,
	type ConsentMode,
} from '../shared/messaging/policy';
import { ALIYUN_PARAM_DEFAULT_LIMIT, ALIYUN_PARAM_MOST } from '../shared/messaging/channels/templateParamLimits';
import { DEFAULT_RETRY, LONGEST_TIMER_MS, type CareBatchOptions, type PrepareConfig } from '../shared/messaging/sending';
import { BUILTIN_TEMPLATE_KEYS, BUILTIN_TEMPLATES, type BuiltinTemplateKey, type CarePurpose } from '../shared/messaging/templates';
import { optionsProperty, properties } from './description';
import { batchParameters } from './parameters/itemParameters';
import { messageConfig } from './parameters/message';

/** Display names by parameter path ("purpose", "options.concurrency"), for messages about a parameter. */
const LABELS = new Map([
	...properties.map((p): [string, string] => [p.name, p.displayName]),
	...(optionsProperty.options as INodeProperties[]).map((o): [string, string] => [`options.${o.name}`, `Options › ${o.displayName}`]),
]);
const labelOf = (path: string) => LABELS.get(path) ?? path;

/** Recipient Field's label on `channel`: Email Field, Phone Field or Recipient Field. */
const recipientLabel = (channel: ChannelKind) =>
	properties.find((p) => p.name === 'recipientField' && (p.displayOptions?.show?.channel as unknown[] | undefined)?.includes(channel))?.displayName ?? labelOf('recipientField');

/**
 * The options and boolean parameters by path ("keyPeriod", "options.pacing"), several entries of one name
 * (shown for different settings) together. The panel offers only their choices, but an expression can give
 * anything: a value that is none of them ("weekly" for Frequency Cap, "false" as text for Dry Run) is a
 * ConfigError (checkChoice), never read as some other choice (a Consent Rule that is none of them would
 * skip the consent check).
 */
const CHOICE_PROPERTIES = new Map<string, INodeProperties[]>();
for (const [prefix, list] of [['', properties], ['options.', optionsProperty.options as INodeProperties[]]] as const) {
	for (const p of list) {
		if (p.type === 'boolean' || p.type === 'options') CHOICE_PROPERTIES.set(`${prefix}${p.name}`, [...(CHOICE_PROPERTIES.get(`${prefix}${p.name}`) ?? []), p]);
	}
}

function checkChoiceAt(path: string, value: unknown): void {
	const choices = CHOICE_PROPERTIES.get(path);
	if (choices) checkChoice(value, choices, labelOf(path));
}

export type LedgerChoice = 'none' | 'redis' | 'postgres';

/** The Output Field when the other settings could not be read; undefined when it is itself unusable. */
export function readOutputField(ctx: IExecuteFunctions): string | undefined {
	try {
		return readColumn(ctx, 'options.outputField', 'care', labelOf('options.outputField'));
	} catch {
		return undefined;
	}
}

/** What execute() reads once per execution. */
export interface RunSettings {
	channel: ChannelKind;
	/** A built-in template key, or "custom". */
	templateName: string;
	outputField: string;
	/**
	 * The message and policy facts of one item: the same object for every item unless a message
	 * parameter is an expression; throws an ItemParameterError for an item its expression fails.
	 */
	prepareFor: (itemIndex: number) => PrepareConfig;
	batch: CareBatchOptions;
	ledger: { backend: LedgerChoice; redisKeyPrefix: string; retentionDays: number; postgresTable: string };
}

function rate(options: IDataObject, channel: ChannelKind): Rate | undefined {
	const pacing = (options.pacing as string | undefined) ?? 'default';
	if (pacing === 'off') return undefined;
	if (pacing === 'default') return CHANNELS[channel].defaultRate;
	const count = optionNumber(options, 'rateCount', 20, WHOLE_FROM_1);
	const perMs = Number(options.ratePeriod ?? 60_000);
	return { count, perMs };
}

/**
 * The lease after which an unconfirmed claim may be sent again; it must outlast a run that may still be
 * sending it (time budget plus one attempt), or two executions could send the same key at once.
 */
function resendLease(options: IDataObject, batch: CareBatchOptions): number | undefined {
	const minutes = optionNumber(options, 'resendUnconfirmedAfter', 0, { atLeast: 0, expected: 'a number of minutes, 0 or more' });
	if (minutes === 0) return undefined;
	const leaseMs = minutes * 60_000;
	const longestRunMs = batch.budgetMs + batch.timeoutMs;
	if (leaseMs <= longestRunMs) {
		const longest = Math.ceil(longestRunMs / 60_000);
		throw parameterError(
			labelOf('options.resendUnconfirmedAfter'),
			minutes,
			`is not longer than Time Budget plus Attempt Timeout (${longest} minutes): a send still under way could be repeated`,
			`more than ${longest} minutes, or 0 never to resend an unconfirmed message`,
		);
	}
	return leaseMs;
}

interface NumberRule {
	atLeast: number;
	/** The lowest value is itself refused (a positive number). */
	above?: boolean;
	atMost?: number;
	whole?: boolean;
	expected: string;
}
const POSITIVE: NumberRule = { atLeast: 0, above: true, expected: 'a positive number' };
const WHOLE_FROM_1: NumberRule = { atLeast: 1, whole: true, expected: 'a whole number of at least 1' };

/**
 * A number parameter read as item numbers are (never Number()'s "0x10" as 16 or true as 1), within its
 * rule; a fraction where a count is meant is refused, not rounded down.
 */
function checkedNumber(label: string, raw: unknown, rule: NumberRule): number {
	const value = parameterNumber(raw);
	const fits =
		value !== undefined &&
		(rule.above ? value > rule.atLeast : value >= rule.atLeast) &&
		value <= (rule.atMost ?? Number.POSITIVE_INFINITY) &&
		(!rule.whole || Number.isInteger(value));
	if (!fits) {
		const problem = value === undefined ? 'is not a number' : rule.whole && !Number.isInteger(value) ? 'is not a whole number' : 'is out of range';
		throw parameterError(label, raw, problem, rule.expected);
	}
	return value;
}

/**
 * An Options number; one not added takes the default. A cleared one (null) is refused like any other
 * non-number: taking the default for it would run with a setting the user did not see.
 */
function optionNumber(options: IDataObject, name: string, fallback: number, rule: NumberRule): number {
	return checkedNumber(labelOf(`options.${name}`), options[name] === undefined ? fallback : options[name], rule);
}

/** Redis keeps a key for a whole number of milliseconds, at least one. */
function retentionDays(options: IDataObject, days: number): number {
	const ms = Math.round(days * 86_400_000);
	if (ms < 1 || !Number.isSafeInteger(ms)) {
		throw parameterError(
			labelOf('options.retentionDays'),
			options.retentionDays,
			`is ${ms < 1 ? 'under a millisecond' : 'too long for Redis to keep a key'}`,
			`days from a millisecond to ${Math.floor(Number.MAX_SAFE_INTEGER / 86_400_000)}`,
		);
	}
	return days;
}

/**
 * Redis forgets a contact once the retention has passed: a cap window reaching further back would count
 * too few and let messages through. The window is D days on the recipient's calendar, which across a clock
 * change reaches further back than D × 24 hours: the retention must be at least a day longer.
 */
function checkCapWithinRetention(cap: FrequencyCap, retention: number): void {
	if (retention < cap.windowDays + 1) {
		throw parameterError(
			labelOf('capWindowDays'),
			cap.windowDays,
			`is too long for ${labelOf('options.retentionDays')} of ${describeValue(retention)} days: Redis forgets a contact after the retention, so the frequency cap would count too few`,
			`a retention of at least ${describeValue(cap.windowDays + 1)} days, a day more than the window, or a shorter window`,
		);
	}
}

/**
 * Reads and checks the batch-level parameters once per execution (a bad one is a ConfigError before any
 * item); the message parameters are read once too, or per item where they are expressions (message.ts).
 */
export function readSettings(ctx: IExecuteFunctions): RunSettings {
	const read = batchParameters(ctx, labelOf);
	const param = <T>(name: string, fallback: T): T => {
		const value = read(name, fallback);
		if (name !== 'options') checkChoiceAt(name, value);
		else for (const [option, v] of Object.entries(value as IDataObject)) checkChoiceAt(`options.${option}`, v);
		return value;
	};
	const channel = param<ChannelKind>('channel', 'smtp');
	const templateName = param<string>('template', 'birthday');
	const options = param<IDataObject>('options', {});
	const label = (path: string) => (path === 'recipientField' ? recipientLabel(channel) : labelOf(path));
	const text = (name: string, fallback = '', expected = 'a field name') => checkText(param(name, fallback), label(name), expected).trim();
	const option = (name: string, fallback: string, expected = 'a field name') => checkText(options[name] ?? fallback, labelOf(`options.${name}`), expected);
	const asOf = readAsOf(ctx, 'options.asOf');

	const isCustom = templateName === 'custom';
	if (!isCustom && !BUILTIN_TEMPLATE_KEYS.includes(templateName as BuiltinTemplateKey)) {
		throw parameterError(labelOf('template'), templateName, 'is not a template of this node', `one of ${BUILTIN_TEMPLATE_KEYS.join(', ')} or custom`);
	}
	const purpose: CarePurpose = isCustom ? param<CarePurpose>('purpose', 'marketing') : BUILTIN_TEMPLATES[templateName as BuiltinTemplateKey].purpose;

	const consentChoice = param<ConsentMode | 'auto'>('consentMode', 'auto');
	const consentMode: ConsentMode = consentChoice === 'auto' ? consentModeFor(purpose) : consentChoice;
	const smsRule = param<string>('smsCompliance', 'marketing');
	const optOut = smsRule === 'always' || (smsRule === 'marketing' && purpose === 'marketing');

	const capChoice = param<'field' | 'ledger' | 'off'>('frequencyCap', 'field');
	const ledgerBackend = param<LedgerChoice>('ledger', 'none');
	if (capChoice === 'ledger' && ledgerBackend === 'none') {
		throw parameterError(
			labelOf('frequencyCap'),
			'From Ledger',
			'needs a Redis or Postgres ledger: the "none" ledger remembers nothing',
			'Ledger Redis or Postgres, or Frequency Cap From Last-Contacted Field',
		);
	}
	const capLimit =
		capChoice === 'off'
			? undefined
			: validateFrequencyCap({
					maxMessages: checkedNumber(labelOf('capMaxMessages'), param('capMaxMessages', 1), WHOLE_FROM_1),
					windowDays: checkedNumber(labelOf('capWindowDays'), param('capWindowDays', 7), { ...POSITIVE, expected: 'a positive number of days' }),
				});
	const defaultTimeZone = ctx.getTimezone();
	const outputField = readColumn(ctx, 'options.outputField', 'care', labelOf('options.outputField'));

	const prepareFor = messageConfig(ctx, {
		channel,
		templateName,
		purpose,
		noSignature: smsRule === 'never',
		optOut,
		base: {
			channel,
			languageField: option('languageField', '').trim() || undefined,
			recipientField: text('recipientField') || undefined,
			customerIdField: text('customerIdField', 'customerId') || 'customerId',
			consent: {
				mode: consentMode,
				field: text('consentField', 'consent') || 'consent',
				meaning: param<ConsentFieldMeaning>('consentFieldMeaning', 'consent'),
			},
			timeZoneField: text('timeZoneField', 'timeZone') || 'timeZone',
			defaultTimeZone,
			keyPeriodIn: keyPeriods(asOf, param<KeyPeriod>('keyPeriod', 'day')),
			storedTextLimit: ledgerBackend === 'postgres' ? POSTGRES_STORED_TEXT_LIMIT : undefined,
			smsParamLimit:
				channel === 'aliyunSms'
					? checkedNumber(labelOf('smsParamMaxLength'), param('smsParamMaxLength', ALIYUN_PARAM_DEFAULT_LIMIT), {
							atLeast: 1,
							atMost: ALIYUN_PARAM_MOST,
							whole: true,
							expected: `a whole number of characters from 1 to ${ALIYUN_PARAM_MOST}`,
						})
					: undefined,
			capField: capChoice === 'field' && capLimit ? { field: text('lastContactedField', 'lastContactedAt') || 'lastContactedAt', since: capWindowStarts(asOf, capLimit) } : undefined,
		},
	});

	const positive = (name: string, fallback: number) => optionNumber(options, name, fallback, POSITIVE);
	const milliseconds = (name: string, fallback: number, scale: number, unit: string) => {
		const ms = Math.round(positive(name, fallback) * scale);
		if (ms < 1 || ms > LONGEST_TIMER_MS) {
			const longest = `${Math.floor(LONGEST_TIMER_MS / scale)} ${unit} (about ${Math.floor(LONGEST_TIMER_MS / 86_400_000)} days)`;
			throw parameterError(labelOf(`options.${name}`), options[name], `is ${ms < 1 ? 'under a millisecond' : 'longer than a timer can wait'}`, `1 ms to ${longest}`);
		}
		return ms;
	};
	const batch: CareBatchOptions = {
		asOf,
		channelKind: channel,
		sendingWindow: param('quietHours', true) ? parseSendingWindow(text('sendingHoursStart', '09:00', 'a time of day like 09:00'), text('sendingHoursEnd', '20:00', 'a time of day like 09:00')) : undefined,
		cap: capLimit ? { limit: capLimit, source: capChoice === 'ledger' ? 'ledger' : 'field' } : undefined,
		dryRun: param('dryRun', false),
		concurrency: optionNumber(options, 'concurrency', 5, WHOLE_FROM_1),
		rate: rate(options, channel),
		retry: {
			maxAttempts: optionNumber(options, 'maxAttempts', DEFAULT_RETRY.maxAttempts, { ...WHOLE_FROM_1, atMost: 10, expected: 'a whole number from 1 to 10' }),
			baseDelayMs: positive('retryDelay', DEFAULT_RETRY.baseDelayMs),
			maxDelayMs: Math.max(DEFAULT_RETRY.maxDelayMs, positive('retryDelay', DEFAULT_RETRY.baseDelayMs)),
		},
		budgetMs: positive('timeBudget', 600) * 1000,
		timeoutMs: milliseconds('attemptTimeout', 15, 1000, 'seconds'),
	};
	batch.resendUnconfirmedAfterMs = resendLease(options, batch);
	const postgresTable = option('postgresTable', 'care_message_ledger', 'a table name').trim();
	if (ledgerBackend === 'postgres') quoteTableName(postgresTable);
	const retention = ledgerBackend === 'redis' ? retentionDays(options, positive('retentionDays', 400)) : positive('retentionDays', 400);
	if (capChoice === 'ledger' && ledgerBackend === 'redis' && capLimit) checkCapWithinRetention(capLimit, retention);
	return {
		channel,
		templateName,
		outputField,
		prepareFor,
		batch,
		ledger: {
			backend: ledgerBackend,
			redisKeyPrefix: option('redisKeyPrefix', 'care:ledger:', 'a key prefix'),
			retentionDays: retention,
			postgresTable,
		},
	};
}
