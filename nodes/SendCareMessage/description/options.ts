import type { INodeProperties } from 'n8n-workflow';
import { asOfProperty, optionsCollection, outputFieldProperty } from '../../common';
import { CHANNEL_KINDS, CHANNELS } from '../../shared/messaging/channels/registry';

const per = (perMs: number) => ({ 1_000: 's', 60_000: 'min', 3_600_000: 'h' })[perMs] ?? `${perMs} ms`;

/** "WeCom Group Robot 20/min, …": each channel's documented limit, from the channel registry. */
const channelRates = CHANNEL_KINDS.flatMap((kind) => {
	const { label, defaultRate } = CHANNELS[kind];
	return defaultRate ? [`${label} ${defaultRate.count}/${per(defaultRate.perMs)}`] : [];
}).join(', ');

export const optionsProperty: INodeProperties = optionsCollection([
	asOfProperty('quiet hours, the key period and the cap window are judged at'),
	{
		displayName: 'Attempt Timeout (Seconds)',
		name: 'attemptTimeout',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 15,
		description: 'A provider that does not answer in time gets the message recorded as unknown, never re-sent',
	},
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 5,
		description: 'Messages in flight at once',
	},
	{
		displayName: 'Language Field',
		name: 'languageField',
		type: 'string',
		default: '',
		description: "Field with each recipient's language (en, zh-CN); empty values use the Language parameter",
	},
	{
		displayName: 'Ledger Key Prefix (Redis)',
		name: 'redisKeyPrefix',
		type: 'string',
		default: 'care:ledger:',
		description: 'Start of every Redis key the ledger writes; executions that must never send a key twice need the same prefix',
	},
	{
		displayName: 'Ledger Retention (Days, Redis)',
		name: 'retentionDays',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 400,
		description: 'How long Redis remembers a key; longer than the key period (a year for birthdays)',
	},
	{
		displayName: 'Ledger Table (Postgres)',
		name: 'postgresTable',
		type: 'string',
		default: 'care_message_ledger',
		description: 'Table for the ledger, created when missing; schema.table works',
	},
	{
		displayName: 'Max Attempts',
		name: 'maxAttempts',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 4,
		description: 'Attempts per message for retryable failures (HTTP 429/5xx, provider rate limits), the first included',
	},
	outputFieldProperty('care'),
	{
		displayName: 'Pacing',
		name: 'pacing',
		type: 'options',
		options: [
			{ name: 'Channel Default', value: 'default', description: `${channelRates}; others unpaced` },
			{ name: 'Custom Rate', value: 'custom' },
			{ name: 'Off', value: 'off' },
		],
		default: 'default',
		description: "How fast messages go out: the provider's documented limit, your own rate, or as fast as Concurrency allows",
	},
	{
		displayName: 'Rate (Messages)',
		name: 'rateCount',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 20,
		description: 'With Custom Rate: messages per period',
	},
	{
		displayName: 'Rate Period',
		name: 'ratePeriod',
		type: 'options',
		options: [
			{ name: 'Hour', value: 3_600_000 },
			{ name: 'Minute', value: 60_000 },
			{ name: 'Second', value: 1_000 },
		],
		default: 60_000,
		description: 'With Custom Rate: the period the rate counts in',
	},
	{
		displayName: 'Resend Unconfirmed After (Minutes)',
		name: 'resendUnconfirmedAfter',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'0: never. Otherwise a key whose earlier send was never confirmed (crash, Stop, lost ledger or provider reply) and is at least this old is sent again with the same idempotency key. Use only with a channel that drops a repeated key on its side (a webhook receiver honouring Idempotency-Key). Must exceed Time Budget plus Attempt Timeout.',
	},
	{
		displayName: 'Retry Delay (Ms)',
		name: 'retryDelay',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1000,
		description:
			"Wait before the first retry; it doubles with each retry (up to 30 s), with jitter, and never undercuts the provider's Retry-After",
	},
	{
		displayName: 'Time Budget (Seconds)',
		name: 'timeBudget',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description: 'No new attempt starts after this; unsent messages land on Failed as retryable',
	},
]);
