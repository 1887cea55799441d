import type { IExecuteFunctions } from 'n8n-workflow';
import { parameterText } from '../../common';
import { ConfigError } from '../../shared/input';
import { CHANNELS, type ChannelKind } from '../../shared/messaging/channels';
import { checkKeyTemplate } from '../../shared/messaging/ledger';
import type { PrepareConfig } from '../../shared/messaging/sending';
import {
	compileBuiltinTemplate,
	compileCustomTemplate,
	literalText,
	parseTemplate,
	templateParts,
	type BuiltinTemplateKey,
	type CarePurpose,
	type CompiledTemplate,
	type TemplatePart,
	type TemplateSource,
} from '../../shared/messaging/templates';
import { isLanguage, type Language } from '../../shared/format/language';
import { BadValue, CACHE_LIMIT, isExpression, perItemParameters, type ParameterSpec } from './itemParameters';

/** The parts of PrepareConfig that come from the message parameters, which may differ per item. */
type MessageFields = 'template' | 'careType' | 'language' | 'extras' | 'keyTemplate' | 'smsCompliance' | 'smsTemplateCode';

export interface MessageSetup {
	channel: ChannelKind;
	/** A built-in template key, or "custom". */
	templateName: string;
	purpose: CarePurpose;
	/** SMS Compliance Text "never": no signature. */
	noSignature: boolean;
	optOut: boolean;
	/** Everything else of PrepareConfig: read once per execution. */
	base: Omit<PrepareConfig, MessageFields>;
}

/** An object's own text form (a Date's, a luxon DateTime's ISO text), or undefined for a plain object. */
function ownText(value: object): string | undefined {
	try {
		const shown = String(value);
		return shown.startsWith('[object ') ? undefined : shown;
	} catch {
		return undefined; // no toString at all (a null-prototype object)
	}
}

const TEXT_EXPECTED = 'text, a number or a date (pick the field you mean, such as $json.address.city)';

/**
 * A parameter's value as text (parameterText: text, or a number's digits); a plain object or a list
 * (from an expression) would be written as "[object Object]" or "a,b", true as "true" (a customer got
 * "true" as the text, or every key "true"). A value with a text form of its own (a Date, a luxon
 * DateTime) keeps it.
 */
function text(value: unknown): string {
	if (value === undefined || value === null) return '';
	if (typeof value !== 'object') {
		const shown = parameterText(value);
		if (shown === undefined) throw new BadValue('is not text', TEXT_EXPECTED);
		return shown;
	}
	const shown = Array.isArray(value) ? undefined : ownText(value);
	if (shown === undefined) throw new BadValue(`is ${Array.isArray(value) ? 'a list' : 'an object'}, not text`, TEXT_EXPECTED);
	return shown;
}

function template(value: string, name: string): TemplatePart[] {
	try {
		return parseTemplate(value, name);
	} catch (error) {
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- any other error passes on unchanged to execute.ts (toNodeError)
		if (!(error instanceof ConfigError)) throw error;
		// The template errors end with what was expected: that part becomes the parameter error's own.
		const worded = /^(.*) \(expected (.*)\)$/s.exec(error.message);
		const problem = worded ? worded[1] : error.message;
		const expected = worded ? worded[2] : '{{field}} placeholders, each closed by }}';
		// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a value error: itemParameters.ts words it for the parameter, execute.ts makes it a NodeOperationError
		throw new BadValue(`is not a usable template: ${problem.charAt(0).toLowerCase()}${problem.slice(1)}`, expected);
	}
}

function language(value: unknown): Language {
	if (isLanguage(value)) return value;
	throw new BadValue('is not a language of the templates', 'en or zh-CN (or map a per-customer language with the Language Field option)');
}

function smsTemplateParams(raw: unknown, literal = false): Record<string, TemplateSource> | undefined {
	if (raw === undefined || raw === '') return undefined;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			// eslint-disable-next-line @n8n/community-nodes/require-node-api-error -- a value error: itemParameters.ts words it for the parameter, execute.ts makes it a NodeOperationError
			throw new BadValue('is not JSON', 'an object like {"name": "{{name}}"}');
		}
	}
	// null too: read as empty, an expression that found no parameters sent every placeholder by field name instead.
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new BadValue('is not a JSON object', 'an object of Aliyun template variable names and values, like {"name": "{{name}}"}');
	}
	const entries = Object.entries(parsed as Record<string, unknown>);
	if (entries.length === 0) return undefined;
	for (const [name, value] of entries) {
		if (typeof value !== 'string') throw new BadValue(`has "${name}" set to something other than text`, 'text, possibly with {{placeholders}}, for every variable');
		if (!literal) template(value, `Aliyun template parameter "${name}"`);
	}
	return Object.fromEntries(entries.map(([name, value]) => [name, literal ? literalText(value as string) : (value as string)]));
}

const parameter = <T>(name: string, label: string, fallback: unknown, read: (value: unknown) => T): ParameterSpec<T> => ({ name, label, fallback, read });
const constant = <T>(value: T): ParameterSpec<T> => ({ constant: value });

/**
 * The PrepareConfig of each item: the same object for every item unless a message parameter is an
 * expression (see perItemParameters). Templates are compiled once per distinct content.
 */
export function messageConfig(ctx: IExecuteFunctions, setup: MessageSetup): (itemIndex: number) => PrepareConfig {
	const { channel, templateName, purpose } = setup;
	const isCustom = templateName === 'custom';
	// An expression's result holds customer data: it is finished text, never read as a template.
	const raw = ctx.getNode().parameters;
	const source = (name: string, value: string, label: string): TemplateSource => {
		if (isExpression(raw[name])) return literalText(value);
		template(value, label);
		return value;
	};
	const sms = CHANNELS[channel].format === 'sms';
	const aliyun = channel === 'aliyunSms';
	const specs = {
		language: parameter('language', 'Language', 'zh-CN', language),
		brand: parameter('brandName', 'Brand Name', '', (v) => text(v).trim()),
		subject: isCustom
			? parameter('subject', 'Subject', '', (v) => source('subject', text(v).trim(), 'custom template subject'))
			: constant(''),
		text: isCustom
			? parameter('text', 'Text', '', (v) => {
					const body = text(v);
					if (body.trim() === '') throw new BadValue('is empty', 'the message the customers get');
					return source('text', body, 'custom template text');
				})
			: constant(''),
		html: isCustom
			? parameter('html', 'HTML', '', (v) => {
					const html = text(v);
					return html.trim() === '' ? html : source('html', html, 'custom template HTML');
				})
			: constant(''),
		signature: sms ? parameter('smsSignature', 'SMS Signature', '', (v) => text(v).trim()) : constant(''),
		smsTemplateCode: aliyun
			? parameter('smsTemplateCode', 'Aliyun Template Code', '', (v) => {
					const code = text(v).trim();
					if (code === '') throw new BadValue('is empty', 'the code of an approved Aliyun template, such as SMS_123456789: Aliyun sends only approved templates');
					return code;
				})
			: constant<string | undefined>(undefined),
		params: aliyun
			? parameter('smsTemplateParams', 'Aliyun Template Parameters', '{}', (v) => smsTemplateParams(v, isExpression(raw.smsTemplateParams)))
			: constant<Record<string, TemplateSource> | undefined>(undefined),
		careType: parameter('careType', 'Care Type', '', (v) => text(v).trim() || templateName),
		keyTemplate: parameter('keyTemplate', 'Custom Key', '', (v) => {
			const key = text(v).trim();
			if (!key) return undefined;
			const parts = isExpression(raw.keyTemplate) ? templateParts(literalText(key), 'custom key') : template(key, 'custom key');
			checkKeyTemplate(parts);
			return parts;
		}),
	};

	const templates = new Map<string, CompiledTemplate>();
	const compiled = (subject: TemplateSource, body: TemplateSource, html: TemplateSource, params: Record<string, TemplateSource> | undefined): CompiledTemplate => {
		const key = JSON.stringify([subject, body, html, params]);
		let found = templates.get(key);
		if (!found) {
			found = isCustom
				? compileCustomTemplate({ subject, text: body, html }, purpose, params)
				: compileBuiltinTemplate(templateName as BuiltinTemplateKey, params);
			if (templates.size >= CACHE_LIMIT) templates.clear();
			templates.set(key, found);
		}
		return found;
	};

	return perItemParameters(ctx, specs, (v): PrepareConfig => ({
		...setup.base,
		template: compiled(v.subject, v.text, v.html, v.params),
		careType: v.careType,
		language: v.language,
		extras: v.brand ? { brand: v.brand } : {},
		keyTemplate: v.keyTemplate,
		// Chinese carriers want every SMS signed; the opt-out text is for marketing unless told otherwise.
		smsCompliance: { signature: setup.noSignature ? undefined : v.signature || v.brand || undefined, optOut: setup.optOut },
		smsTemplateCode: v.smsTemplateCode,
	}));
}
