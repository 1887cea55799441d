import { getField } from '../../input';
import type { CarePurpose, Locale, TemplateContent } from './builtins';
import { BUILTIN_TEMPLATES, type BuiltinTemplateKey } from './builtins';
import { applySmsCompliance } from './compliance';
import { escapeHtml, paragraphsToHtml } from './html';
import { parseTemplate, renderParts, type TemplatePart } from './placeholders';

/** How the message travels, which decides its parts: email has subject + text + HTML; SMS and chat text. */
export type MessageFormat = 'email' | 'sms' | 'chat';

export interface CompiledContent {
	subject: TemplatePart[];
	text: TemplatePart[];
	html?: TemplatePart[];
}

/** A template parsed once per execution, for every language it has. */
export interface CompiledTemplate {
	name: string;
	purpose: CarePurpose;
	byLocale: Partial<Record<Locale, CompiledContent>>;
	/** SMS provider template parameters (Aliyun's TemplateParam): name -> template for its value. */
	params?: Record<string, TemplatePart[]>;
}

function compileContent(content: TemplateContent, name: string): CompiledContent {
	return {
		subject: parseTemplate(content.subject, `${name} subject`),
		text: parseTemplate(content.text, `${name} text`),
		html: content.html === undefined || content.html.trim() === '' ? undefined : parseTemplate(content.html, `${name} HTML`),
	};
}

function compileParams(params: Record<string, string> | undefined, name: string) {
	if (!params) return undefined;
	const compiled: Record<string, TemplatePart[]> = {};
	for (const [key, value] of Object.entries(params)) compiled[key] = parseTemplate(value, `${name} parameter "${key}"`);
	return compiled;
}

export function compileBuiltinTemplate(key: BuiltinTemplateKey, params?: Record<string, string>): CompiledTemplate {
	const builtin = BUILTIN_TEMPLATES[key];
	return {
		name: key,
		purpose: builtin.purpose,
		byLocale: {
			en: compileContent(builtin.content.en, `${key} template`),
			'zh-CN': compileContent(builtin.content['zh-CN'], `${key} template`),
		},
		params: compileParams(params, `${key} template`),
	};
}

/** A user's own template: one text for every language (the language still picks the opt-out wording). */
export function compileCustomTemplate(
	content: TemplateContent,
	purpose: CarePurpose,
	params?: Record<string, string>,
	name = 'custom',
): CompiledTemplate {
	const compiled = compileContent(content, 'custom template');
	return { name, purpose, byLocale: { en: compiled, 'zh-CN': compiled }, params: compileParams(params, 'custom template') };
}

export interface RenderOptions {
	format: MessageFormat;
	locale: Locale;
	/** Values for placeholders the item does not have, such as `brand`. */
	extras?: Record<string, unknown>;
	/** SMS only: signature in 【】 and opt-out text. */
	smsCompliance?: { signature?: string; optOut: boolean };
	/** Build the provider template parameters (SMS providers with approved templates). */
	withTemplateParams?: boolean;
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
	const content = template.byLocale[options.locale] ?? template.byLocale.en!;
	const extras = options.extras ?? {};
	const lookup = (path: string) => {
		const value = getField(item, path);
		return value === undefined ? getField(extras, path) : value;
	};
	let text = renderParts(content.text, lookup).trim();
	const message: RenderedMessage = { text };
	if (options.format !== 'sms') message.subject = renderParts(content.subject, lookup).trim();
	if (options.format === 'email') {
		message.html = content.html
			? renderParts(content.html, lookup, escapeHtml)
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
			for (const part of content.text) {
				if (part.kind === 'placeholder' && !(paramName(part.path) in params)) {
					params[paramName(part.path)] = renderParts([part], lookup);
				}
			}
		}
		message.templateParams = params;
	}
	return message;
}
