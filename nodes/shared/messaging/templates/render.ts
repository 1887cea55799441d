import { ConfigError, getField, InputError, isEmpty } from '../../input';
import { BUILTIN_TEMPLATES, type BuiltinTemplateKey, type CarePurpose, type TemplateContent } from './builtins';
import type { Language } from '../../format/language';
import { applySmsCompliance } from './compliance';
import { escapeHtml, paragraphsToHtml } from './html';
import { parseHtmlTemplate, renderHtmlParts, type HtmlPart } from './htmlTemplate';
import { parseTemplate, renderParts, type TemplatePart } from './placeholders';

/** How the message travels, which decides its parts: email has subject + text + HTML; SMS and chat text. */
export type MessageFormat = 'email' | 'sms' | 'chat';

export interface CompiledContent {
	subject: TemplatePart[];
	text: TemplatePart[];
	html?: HtmlPart[];
}

/**
 * Finished text that is used as it is: `{{…}}` in it is text, not a placeholder. A message parameter
 * written as an n8n expression gives one per item, since its result holds customer data (feedback,
 * notes) that must never be read as a template.
 */
export interface LiteralText {
	literal: string;
}

/** Template source with {{placeholders}}, or finished text. */
export type TemplateSource = string | LiteralText;

export function literalText(text: string): LiteralText {
	return { literal: text };
}

/** A template source as parts: a literal is one text part, whatever braces it holds. */
export function templateParts(source: TemplateSource, templateName: string): TemplatePart[] {
	if (typeof source === 'string') return parseTemplate(source, templateName);
	return source.literal === '' ? [] : [{ kind: 'text', text: source.literal }];
}

/** The user's own template content; each part may be template source or finished text. */
export interface CustomTemplateContent {
	subject: TemplateSource;
	text: TemplateSource;
	html?: TemplateSource;
}

function isBlank(source: TemplateSource | undefined): boolean {
	return source === undefined || (typeof source === 'string' ? source : source.literal).trim() === '';
}

/** A template parsed once per execution, for every language it has. */
export interface CompiledTemplate {
	name: string;
	purpose: CarePurpose;
	byLocale: Partial<Record<Language, CompiledContent>>;
	/** SMS provider template parameters (Aliyun's TemplateParam): name -> template for its value. */
	params?: Record<string, TemplatePart[]>;
	/** One of the built-in templates, whose placeholders the user cannot give a default. */
	builtin?: boolean;
}

function compileContent(content: TemplateContent | CustomTemplateContent, name: string): CompiledContent {
	const { html } = content;
	let compiledHtml: HtmlPart[] | undefined;
	if (!isBlank(html)) compiledHtml = typeof html === 'string' ? parseHtmlTemplate(html, `${name} HTML`) : templateParts(html!, `${name} HTML`);
	return {
		subject: templateParts(content.subject, `${name} subject`),
		text: templateParts(content.text, `${name} text`),
		html: compiledHtml,
	};
}

function compileParams(params: Record<string, TemplateSource> | undefined, name: string) {
	if (!params) return undefined;
	const compiled: Record<string, TemplatePart[]> = {};
	for (const [key, value] of Object.entries(params)) compiled[key] = templateParts(value, `${name} parameter "${key}"`);
	return compiled;
}

export function compileBuiltinTemplate(key: BuiltinTemplateKey, params?: Record<string, TemplateSource>): CompiledTemplate {
	const builtin = BUILTIN_TEMPLATES[key];
	return {
		name: key,
		purpose: builtin.purpose,
		byLocale: {
			en: compileContent(builtin.content.en, `${key} template`),
			'zh-CN': compileContent(builtin.content['zh-CN'], `${key} template`),
		},
		params: compileParams(params, `${key} template`),
		builtin: true,
	};
}

/** A user's own template: one text for every language (the language still picks the opt-out wording). */
export function compileCustomTemplate(
	content: CustomTemplateContent,
	purpose: CarePurpose,
	params?: Record<string, TemplateSource>,
	name = 'custom',
): CompiledTemplate {
	const compiled = compileContent(content, 'custom template');
	return { name, purpose, byLocale: { en: compiled, 'zh-CN': compiled }, params: compileParams(params, 'custom template') };
}

export interface RenderOptions {
	format: MessageFormat;
	locale: Language;
	/**
	 * Values the node's parameters give placeholders (`brand` from Brand Name). They win over an item field
	 * of the same name: a customer's `brand` column (the brand of their last order, say) is not the sender.
	 */
	extras?: Record<string, unknown>;
	/** SMS only: signature in 【】 and opt-out text. */
	smsCompliance?: { signature?: string; optOut: boolean };
	/** Build the provider template parameters (SMS providers with approved templates). */
	withTemplateParams?: boolean;
	/** SMS and chat: escapes each inserted value of the text and subject (a channel that reads markup in them). */
	escapeValue?: (value: string) => string;
}

export interface RenderedMessage {
	subject?: string;
	text: string;
	html?: string;
	templateParams?: Record<string, string>;
}

/** Aliyun-style parameter names: letters, digits and underscores. */
function paramName(path: string): string {
	return path.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Renders one item's message. A placeholder with neither a value nor a default throws an InputError
 * naming the field; email HTML gets every inserted value escaped.
 */
export function renderMessage(
	template: CompiledTemplate,
	item: Record<string, unknown>,
	options: RenderOptions,
): RenderedMessage {
	if (!template.builtin) return renderFilled(template, item, options);
	try {
		return renderFilled(template, item, options);
	} catch (error) {
		// "A default in the template like {{brand|…}}" is no advice for a template the user cannot edit.
		if (!(error instanceof InputError) || !isEmpty(error.value)) throw error;
		const where = error.field === 'brand' ? 'the Brand Name parameter, or a "brand" field in the item' : `a "${error.field}" field in the item`;
		throw new InputError(error.field, error.value, `the ${template.name} template's placeholder {{${error.field}}} needs`, `${where}: the built-in template has no default for it`);
	}
}

function renderFilled(template: CompiledTemplate, item: Record<string, unknown>, options: RenderOptions): RenderedMessage {
	const content = template.byLocale[options.locale] ?? template.byLocale.en!;
	const extras = options.extras ?? {};
	const lookup = (path: string) => (Object.hasOwn(extras, path) ? extras[path] : getField(item, path));
	const escapeValue = options.format === 'email' ? undefined : options.escapeValue;
	let text = renderParts(content.text, lookup, escapeValue).trim();
	const message: RenderedMessage = { text };
	if (options.format !== 'sms') message.subject = renderParts(content.subject, lookup, escapeValue).trim();
	if (options.format === 'email') {
		message.html = content.html
			? renderHtmlParts(content.html, lookup, (parts, escape) => renderParts(parts, lookup, escape))
			: paragraphsToHtml(renderParts(content.text, lookup, escapeHtml, escapeHtml).trim());
	}
	if (options.format === 'sms' && options.smsCompliance) {
		text = applySmsCompliance(text, { locale: options.locale, ...options.smsCompliance });
		message.text = text;
	}
	if (options.withTemplateParams) {
		const params: Record<string, string> = {};
		if (template.params) {
			for (const [key, parts] of Object.entries(template.params)) params[key] = renderParts(parts, lookup);
		} else {
			const pathOf = new Map<string, string>();
			for (const part of content.text) {
				if (part.kind !== 'placeholder') continue;
				const name = paramName(part.path);
				const taken = pathOf.get(name);
				if (taken === undefined) {
					pathOf.set(name, part.path);
					params[name] = renderParts([part], lookup);
				} else if (taken !== part.path) {
					// One variable cannot hold two placeholders' values: the second was dropped without a word.
					throw new ConfigError(
						`The placeholders {{${taken}}} and {{${part.path}}} both become the Aliyun template variable "${name}" (expected placeholders whose names differ in more than the characters a variable name cannot have, or Aliyun Template Parameters naming each variable)`,
					);
				}
			}
		}
		message.templateParams = params;
	}
	return message;
}
