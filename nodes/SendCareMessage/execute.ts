import { sleep, type ICredentialDataDecryptedObject, type IHttpRequestOptions, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { errorItem, runRouted, toNodeError } from '../common';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { fieldAdder } from '../shared/format/withField';
import { ConfigError, InputError } from '../shared/input';
import { CHANNEL_CREDENTIAL_TYPES, createChannel, Redactor, type HelperRequestOptions } from '../shared/messaging/channels';
import type { Channel } from '../shared/messaging/channels/types';
import { LedgerError, type Ledger } from '../shared/messaging/ledger';
import { SKIP_REASON_LABELS } from '../shared/messaging/policy';
import {
	FAILURE_CODES,
	prepareCareItem,
	runCareBatch,
	systemClock,
	type CareCandidate,
	type CareResult,
} from '../shared/messaging/sending';
import type { Locale } from '../shared/messaging/templates';
import { readConfig, type NodeConfig } from './config';
import { openLedgerFromCredentials } from './credentials';

type Output = 'sent' | 'skipped' | 'failed';
const OUTPUT_INDEX: Record<Output, number> = { sent: 0, skipped: 1, failed: 2 };

interface Pending {
	index: number;
	candidate: CareCandidate;
	locale: Locale;
}

/** Deep copy of the care object with every string passed through the redactor. */
function redactAll<T>(value: T, redact: (text: string) => string): T {
	if (typeof value === 'string') return redact(value) as T;
	if (Array.isArray(value)) return value.map((v) => redactAll(v, redact)) as T;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v, redact)])) as T;
	}
	return value;
}

function careFields(config: NodeConfig, pending: Pending, result: CareResult): IDataObject {
	const { candidate } = pending;
	const zone = candidate.timeZone;
	const base: IDataObject = {
		status: result.output,
		channel: config.channel,
		careType: candidate.careType,
		template: config.templateName,
		key: candidate.key,
		language: pending.locale,
	};
	if (candidate.message.to) base.to = candidate.message.to;
	const content: IDataObject = { text: candidate.message.text };
	if (candidate.message.subject !== undefined) content.subject = candidate.message.subject;
	if (result.output === 'sent') {
		return {
			...base,
			attempts: result.attempts,
			sentAt: toIsoWithOffset(new Date(result.sentAt), zone),
			...(result.providerMessageId ? { providerMessageId: result.providerMessageId } : {}),
			...(result.providerCode ? { providerCode: result.providerCode } : {}),
			...(result.ledgerWarning ? { ledgerWarning: result.ledgerWarning } : {}),
			content,
		};
	}
	if (result.output === 'skipped') {
		return {
			...base,
			reason: result.reason,
			reasonLabel: SKIP_REASON_LABELS[result.reason][pending.locale],
			detail: result.detail,
			...(result.deferUntil ? { deferUntil: toIsoWithOffset(result.deferUntil, zone) } : {}),
			...(result.previous
				? { previous: { status: result.previous.status, claimedAt: toIsoWithOffset(result.previous.claimedAt, zone) } }
				: {}),
			...(result.reason === 'dryRun' ? { content } : {}),
		};
	}
	const failure: Partial<typeof result> = { ...result };
	delete failure.output;
	return { ...base, ...failure };
}

/**
 * n8n's sleep, ended early by the execution's cancel signal (n8n-workflow 2.8 has sleepWithAbort, 2.41 no
 * longer exports it; `sleep` and the signal exist in both).
 */
function sleepUntilStopped(cancel: AbortSignal | undefined): (ms: number) => Promise<void> {
	return async (ms) => {
		if (!cancel) return await sleep(ms);
		if (cancel.aborted) return;
		await new Promise<void>((resolve) => {
			const done = () => {
				cancel.removeEventListener('abort', done);
				resolve();
			};
			cancel.addEventListener('abort', done);
			void sleep(ms).then(done);
		});
	};
}

/** A ledger that cannot open: a wrong setting or credential is not worth retrying, an outage is. */
function ledgerOpenFailure(error: unknown): { code: string; retryable: boolean } {
	const configuration = error instanceof ConfigError || (error instanceof LedgerError && !error.retryable);
	return configuration ? { code: FAILURE_CODES.ledgerConfig, retryable: false } : { code: FAILURE_CODES.ledger, retryable: true };
}

/** Every pending item failed before anything was sent (continue-on-fail). */
function failAll(pending: Pending[], code: string, error: unknown, retryable: boolean): CareResult[] {
	const message = `${error instanceof Error ? error.message : String(error)}; nothing was sent`;
	return pending.map(() => ({ output: 'failed', outcome: 'notSent', code, message, retryable, attempts: 0 }));
}

/** Opens the ledger and the channel, runs the batch, closes both. Without a ledger nothing is sent. */
async function sendPending(
	ctx: IExecuteFunctions,
	config: NodeConfig,
	pending: Pending[],
	channelCredentials: ICredentialDataDecryptedObject,
	ledgerCredentials: ICredentialDataDecryptedObject,
	redactError: <E>(error: E) => E,
): Promise<CareResult[]> {
	let ledger: Ledger | undefined;
	let channel: Channel | undefined;
	try {
		try {
			ledger = await openLedgerFromCredentials(config, ledgerCredentials);
		} catch (error) {
			if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), redactError(error));
			const { code, retryable } = ledgerOpenFailure(error);
			return failAll(pending, code, redactError(error), retryable);
		}
		if (!config.batch.dryRun) {
			try {
				// n8n's request helper, so the instance's proxy and SSRF settings apply to every HTTP channel.
				const http = async (options: HelperRequestOptions) => ctx.helpers.httpRequest(options as IHttpRequestOptions);
				channel = createChannel(config.channel, channelCredentials, { defaultTimeoutMs: config.batch.timeoutMs, http });
			} catch (error) {
				if (!ctx.continueOnFail()) throw toNodeError(ctx.getNode(), redactError(error));
				return failAll(pending, 'CHANNEL_NOT_CONFIGURED', redactError(error), false);
			}
		}
		// Stop: paced and retry waits end at once, and no message not yet under way is sent.
		const cancel = ctx.getExecutionCancelSignal();
		return await runCareBatch(
			pending.map((p) => p.candidate),
			config.batch,
			{ ledger, channel, clock: systemClock(sleepUntilStopped(cancel)), random: Math.random, cancel },
		);
	} finally {
		await Promise.allSettled([ledger?.close(), channel?.close?.()]);
	}
}

interface Setup {
	config: NodeConfig;
	channelCredentials: ICredentialDataDecryptedObject;
	ledgerCredentials: ICredentialDataDecryptedObject;
}

async function readSetup(ctx: IExecuteFunctions): Promise<Setup> {
	const config = readConfig(ctx);
	const channelCredentials = config.batch.dryRun ? {} : await ctx.getCredentials(CHANNEL_CREDENTIAL_TYPES[config.channel]);
	const ledgerCredentials =
		config.ledger.backend === 'none'
			? {}
			: await ctx.getCredentials(config.ledger.backend === 'redis' ? 'careRedisLedgerApi' : 'carePostgresLedgerApi');
	return { config, channelCredentials, ledgerCredentials };
}

export async function sendCareMessages(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	let setup: Setup;
	try {
		setup = await readSetup(this);
	} catch (error) {
		// A bad node setting (or a missing credential) fails every item with the reason, before anything is
		// sent: on Failed, or the error output, under Continue; as the node's error otherwise.
		return runRouted(this, 3, () => Promise.reject(error), OUTPUT_INDEX.failed);
	}
	const { config, channelCredentials, ledgerCredentials } = setup;
	const { outputField } = config;
	// The same redaction as inside each channel, over every credential of this run, for everything the node emits.
	const redactor = Redactor.forCredentials(channelCredentials, ledgerCredentials);
	const redact = (text: string) => redactor.redact(text);
	const redactError = <E>(error: E): E => {
		if (error instanceof Error) error.message = redact(error.message);
		return error;
	};

	const placed: Array<{ output: Output; item: INodeExecutionData } | undefined> = new Array(items.length);
	const addCare = fieldAdder(outputField);
	const place = (index: number, output: Output, care: IDataObject) => {
		placed[index] = { output, item: { json: addCare(items[index].json, redactAll(care, redact)), pairedItem: { item: index } } };
	};

	const pending: Pending[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const json = items[i].json;
			if (outputField in json) {
				throw new InputError(outputField, json[outputField], 'already exists in the item', 'a free output field: change "Output Field"');
			}
			// The item's own message parameters where they are expressions; a bad value fails this item only.
			const prepare = config.prepareFor(i);
			const prepared = prepareCareItem(json, prepare);
			if (prepared.kind === 'candidate') {
				pending.push({ index: i, candidate: prepared.candidate, locale: prepared.locale });
				continue;
			}
			place(i, 'skipped', {
				status: 'skipped',
				channel: config.channel,
				careType: prepare.careType,
				template: config.templateName,
				language: prepared.locale,
				reason: 'noConsent',
				reasonLabel: SKIP_REASON_LABELS.noConsent[prepared.locale],
				detail: prepared.detail,
			});
		} catch (error) {
			if (!continueOnFail) throw toNodeError(node, redactError(error), i);
			// An n8n item error: the engine writes it as { error } and routes it to the error output when
			// the node is set to "continue (using error output)"; otherwise it stays on Failed.
			placed[i] = { output: 'failed', item: errorItem(node, redactError(error), i) };
		}
	}

	if (pending.length > 0) {
		const results = await sendPending(this, config, pending, channelCredentials, ledgerCredentials, redactError);
		results.forEach((result, j) => place(pending[j].index, result.output, careFields(config, pending[j], result)));
	}

	const outputs: INodeExecutionData[][] = [[], [], []];
	for (const entry of placed) if (entry) outputs[OUTPUT_INDEX[entry.output]].push(entry.item);
	return outputs;
}
