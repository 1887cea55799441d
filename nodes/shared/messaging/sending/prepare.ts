import { customerIdText } from '../../customers/records';
import { checkKeyNumber, choiceKey, getField, InputError, isEmpty } from '../../input';
import { CHANNELS, type ChannelKind } from '../channels/registry';
import { compactPhone, isDecimalExport } from '../channels/phoneText';
import { unmentionableNumber } from '../channels/robotMention';
import { templateParamOverLimit } from '../channels/templateParamLimits';
import { textOverLimit } from '../channels/textLimits';
import type { OutgoingMessage } from '../channels/types';
import { idempotencyKey, keyValueEscape, storedTextBytes } from '../ledger';
import {
	checkConsent,
	countContactsFromField,
	recipientTimeZone,
	type ConsentFieldMeaning,
	type ConsentMode,
} from '../policy';
import {
	renderMessage,
	renderParts,
	type CompiledTemplate,
	type TemplatePart,
} from '../templates';
import type { Language } from '../../format/language';
import type { CareCandidate } from './careBatch';

export interface PrepareConfig {
	channel: ChannelKind;
	template: CompiledTemplate;
	careType: string;
	language: Language;
	/** Field with the recipient's language; empty values use `language`. */
	languageField?: string;
	/** Placeholder values the items do not carry, such as `brand`. */
	extras: Record<string, unknown>;
	recipientField?: string;
	customerIdField: string;
	consent: { mode: ConsentMode; field: string; meaning: ConsentFieldMeaning };
	timeZoneField: string;
	defaultTimeZone: string;
	/** The period of As Of in a recipient zone, for the key (keyPeriods: worked out once per zone). */
	keyPeriodIn: (timeZone: string) => string;
	/** Replaces the default key: customerId, careType, channel and period, then the item's own fields. */
	keyTemplate?: TemplatePart[];
	smsCompliance?: { signature?: string; optOut: boolean };
	smsTemplateCode?: string;
	/** Aliyun SMS: the most characters one template variable's value may have (templateParamLimits.ts). */
	smsParamLimit?: number;
	/** The ledger's limit on a stored key or customer ID (UTF-8 bytes), when it has one (Postgres). */
	storedTextLimit?: number;
	/** Read contacts from this field for the frequency cap, inside the window starting at `since(recipient zone)`. */
	capField?: { field: string; since: (timeZone: string) => Date };
}

export type PreparedItem =
	| { kind: 'candidate'; candidate: CareCandidate; locale: Language }
	| { kind: 'noConsent'; detail: string; customerId: string; locale: Language };

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const PHONE = /^\+?\d{6,15}$/;

const LANGUAGE_EXPECTED = 'en or zh-CN (en-US, zh, zh-Hans and similar are read too)';

function readLocale(json: Record<string, unknown>, config: PrepareConfig): Language {
	if (!config.languageField) return config.language;
	const value = getField(json, config.languageField);
	if (isEmpty(value)) return config.language;
	// Text only: String() read a list ["en"] as "en", so a customer with several languages got the first.
	if (typeof value !== 'string') throw new InputError(config.languageField, value, 'is not a supported language', LANGUAGE_EXPECTED);
	const text = choiceKey(value).replace('_', '-');
	if (text === 'en' || text.startsWith('en-') || text === 'english') return 'en';
	if (text === 'zh' || text.startsWith('zh-') || text === 'cn' || text === '中文' || text === 'chinese') return 'zh-CN';
	throw new InputError(config.languageField, value, 'is not a supported language', LANGUAGE_EXPECTED);
}

function readRecipient(json: Record<string, unknown>, config: PrepareConfig): string {
	const kind = CHANNELS[config.channel].recipient;
	if (!config.recipientField) {
		if (kind === 'none') return '';
		throw new InputError('recipient', undefined, 'is not mapped', `a field with the ${kind === 'email' ? 'email address' : 'phone number'}`);
	}
	const field = config.recipientField;
	const raw = getField(json, field);
	// A BigInt (a database driver's 64-bit integer, through a Code node) is its exact digits, as customer IDs are.
	const value = typeof raw === 'bigint' ? String(raw) : raw;
	if (kind === 'none' && isEmpty(value)) return '';
	// Errors show `raw`: a BigInt as its digits, not as the quoted text it is read as.
	if (isEmpty(value) || (typeof value !== 'string' && typeof value !== 'number')) {
		if (kind === 'none') throw new InputError(field, raw, 'is not usable as a recipient', 'text or a number, or nothing');
		throw new InputError(field, raw, 'is not usable as a recipient', kind === 'email' ? 'an email address' : 'a phone number');
	}
	if (kind === 'none') {
		// A robot's recipient is passed on as given, but a phone number exported as a decimal would be
		// mentioned with an extra digit, and NaN, Infinity or a number past 2^53 (which has lost digits)
		// as "NaN", "Infinity" or someone else's number.
		if (typeof value === 'number' && !Number.isFinite(value)) throw new InputError(field, raw, 'is not a finite number', 'text or a number, or nothing');
		if (typeof value === 'number') checkKeyNumber(value, field, 'recipients', 'numbers');
		if (isDecimalExport(String(value))) throw decimalPhone(field, raw);
		const to = String(value).trim();
		const unmentionable = unmentionableNumber(config.channel, to);
		if (unmentionable) throw new InputError(field, raw, unmentionable.problem, unmentionable.expected);
		return to;
	}
	if (kind === 'email') {
		const address = String(value).trim();
		if (!EMAIL.test(address)) throw new InputError(field, raw, 'is not an email address', 'an address like name@example.com');
		return address;
	}
	return readPhone(value, field, raw);
}

const PHONE_EXPECTED = 'digits with an optional leading +, like +8613800138000 or 13800138000';

const decimalPhone = (field: string, raw: unknown) =>
	new InputError(field, raw, 'is a phone number written as a decimal number, as a spreadsheet exports one', `${PHONE_EXPECTED}, sent as text`);

/**
 * A phone number as compactPhone writes it (full-width digits and signs as ASCII, as numbers are read);
 * a number or text a spreadsheet exported as a decimal is refused.
 */
function readPhone(value: string | number, field: string, raw: unknown): string {
	if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new InputError(field, raw, 'is not a phone number', `${PHONE_EXPECTED}, sent as text`);
	if (isDecimalExport(String(value))) throw decimalPhone(field, raw);
	const phone = compactPhone(String(value));
	if (!PHONE.test(phone)) throw new InputError(field, raw, 'is not a phone number', PHONE_EXPECTED);
	return phone;
}

/** A customer ID or key longer than the ledger can store is the item's error, before anything is claimed. */
function checkStoredSize(field: string, text: string, what: string, limit: number): void {
	const bytes = storedTextBytes(text);
	if (bytes > limit) {
		throw new InputError(field, text, `is ${bytes} bytes, longer than the ledger stores`, `${what} of at most ${limit} bytes in UTF-8 with the Postgres ledger, which indexes keys and customer IDs`);
	}
}

/**
 * One input item -> the message it would get and the facts policy needs, or "no consent". Throws an
 * InputError (naming the field) for anything unusable, before anything is sent.
 */
export function prepareCareItem(json: Record<string, unknown>, config: PrepareConfig): PreparedItem {
	const customerId = customerIdText(getField(json, config.customerIdField), config.customerIdField);
	const locale = readLocale(json, config);
	const consent = checkConsent(getField(json, config.consent.field), config.consent.field, config.consent.mode, config.consent.meaning);
	if (!consent.allowed) return { kind: 'noConsent', detail: consent.detail, customerId, locale };

	const to = readRecipient(json, config);
	const timeZone = recipientTimeZone(getField(json, config.timeZoneField), config.timeZoneField, config.defaultTimeZone);
	const { format, valueEscape } = CHANNELS[config.channel];
	const rendered = renderMessage(config.template, json, {
		format,
		escapeValue: valueEscape,
		locale,
		extras: config.extras,
		smsCompliance: format === 'sms' ? config.smsCompliance : undefined,
		withTemplateParams: config.channel === 'aliyunSms',
	});
	const period = config.keyPeriodIn(timeZone);
	const keyParts = { customerId, careType: config.careType, channel: config.channel, period };
	const key = config.keyTemplate
		? renderParts(config.keyTemplate, (path) => getField(keyParts, path) ?? getField(json, path), keyValueEscape(config.keyTemplate))
		: idempotencyKey(keyParts);

	if (config.storedTextLimit !== undefined) {
		checkStoredSize(config.customerIdField, customerId, 'a customer ID', config.storedTextLimit);
		checkStoredSize(config.keyTemplate ? 'Custom Key' : 'idempotency key', key, 'an idempotency key', config.storedTextLimit);
	}

	// A text its provider refuses for its length fails here, before its key is claimed (nothing to release).
	const overLimit = textOverLimit(config.channel, rendered.text, to);
	if (overLimit) throw new InputError('message text', rendered.text, overLimit.problem, overLimit.expected);

	const message: OutgoingMessage = { to, text: rendered.text, idempotencyKey: key };
	if (rendered.subject !== undefined) {
		message.subject = rendered.subject;
		if (format === 'chat') message.title = rendered.subject;
	}
	if (rendered.html !== undefined) message.html = rendered.html;
	if (config.channel === 'aliyunSms') {
		const overLong = rendered.templateParams && config.smsParamLimit !== undefined ? templateParamOverLimit(rendered.templateParams, config.smsParamLimit) : undefined;
		if (overLong) throw new InputError(`TemplateParam.${overLong.name}`, overLong.value, overLong.problem, overLong.expected);
		message.templateCode = config.smsTemplateCode;
		message.templateParams = rendered.templateParams;
	}
	const candidate: CareCandidate = { customerId, careType: config.careType, key, timeZone, message };
	if (config.capField) {
		candidate.fieldContacts = countContactsFromField(getField(json, config.capField.field), config.capField.field, config.capField.since(timeZone), timeZone);
	}
	return { kind: 'candidate', candidate, locale };
}
