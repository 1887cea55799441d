import type { IDataObject } from 'n8n-workflow';
import { toIsoWithOffset } from '../shared/format/isoDate';
import { SKIP_REASON_LABELS } from '../shared/messaging/policy';
import type { CareCandidate, CareResult } from '../shared/messaging/sending';
import type { Language } from '../shared/format/language';
import type { RunSettings } from './settings';

/** The outputs, by the status a result carries. */
export const OUTPUT = { sent: 0, skipped: 1, failed: 2 } as const;

/** An item that passed the checks before sending: its message, key and policy facts. */
export interface Pending {
	index: number;
	candidate: CareCandidate;
	locale: Language;
}

/** Deep copy of the care object with every string passed through the redactor. */
export function redactAll<T>(value: T, redact: (text: string) => string): T {
	if (typeof value === 'string') return redact(value) as T;
	if (Array.isArray(value)) return value.map((v) => redactAll(v, redact)) as T;
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactAll(v, redact)])) as T;
	}
	return value;
}

/** An error's texts n8n may show, store or log: message, description, stack and HTTP code, down its cause chain. */
const ERROR_TEXTS = ['message', 'description', 'stack', 'httpCode'] as const;

/**
 * The error with every text n8n may show redacted in place, and those of its causes: a NodeApiError or
 * NodeOperationError passes through toNodeError as it is, with its description and cause.
 */
export function redactErrorTexts<E>(error: E, redact: (text: string) => string, seen = new Set<unknown>()): E {
	if (!(error instanceof Error) || seen.has(error)) return error;
	seen.add(error);
	const texts = error as unknown as Record<string, unknown>;
	for (const name of ERROR_TEXTS) if (typeof texts[name] === 'string') texts[name] = redact(texts[name]);
	redactErrorTexts(error.cause, redact, seen);
	return error;
}

/** The care field of an item that needs no send: the consent rule ruled it out. */
export function withoutConsentCare(settings: RunSettings, careType: string, locale: Language, detail: string): IDataObject {
	return {
		status: 'skipped',
		channel: settings.channel,
		careType,
		template: settings.templateName,
		language: locale,
		reason: 'noConsent',
		reasonLabel: SKIP_REASON_LABELS.noConsent[locale],
		detail,
	};
}

/** The codes of items failed before anything was sent: an item the node could not use, a setting it could not work with. */
export const INVALID_ITEM = 'INVALID_ITEM';
export const INVALID_SETTINGS = 'INVALID_SETTINGS';

function notSentCare(code: string, message: string, context: IDataObject): IDataObject {
	return { status: 'failed', ...context, outcome: 'notSent', code, message, retryable: false, attempts: 0 };
}

/** The care field of an item that cannot be used, under continue-on-fail; its Care Type when it could be read. */
export function itemErrorCare(settings: RunSettings, careType: string | undefined, message: string): IDataObject {
	return notSentCare(INVALID_ITEM, message, {
		channel: settings.channel,
		...(careType === undefined ? {} : { careType }),
		template: settings.templateName,
	});
}

/** The care field of every item when a setting or credential stops the run, under continue-on-fail. */
export function settingsErrorCare(settings: RunSettings | undefined, message: string): IDataObject {
	return notSentCare(INVALID_SETTINGS, message, settings ? { channel: settings.channel, template: settings.templateName } : {});
}

/** The care field of a candidate once the batch has decided it: sent, skipped or failed, with the why. */
export function resultCare(settings: RunSettings, pending: Pending, result: CareResult): IDataObject {
	const { candidate } = pending;
	const zone = candidate.timeZone;
	const base: IDataObject = {
		status: result.output,
		channel: settings.channel,
		careType: candidate.careType,
		template: settings.templateName,
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
