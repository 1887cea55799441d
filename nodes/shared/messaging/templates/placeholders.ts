import { ConfigError, InputError, isEmpty } from '../../input';

/** One piece of a parsed template: literal text, or a `{{path}}` / `{{path|default}}` placeholder. */
export type TemplatePart =
	| { kind: 'text'; text: string }
	| { kind: 'placeholder'; path: string; defaultText?: string };

const PATH = /^[A-Za-z_$\u4e00-\u9fff][\w$\u4e00-\u9fff-]*(\.[\w$\u4e00-\u9fff-]+)*$/;

/**
 * Splits a template into literal text and placeholders. `{{ customer.name | 尊敬的客户 }}` reads the
 * dot path `customer.name` and falls back to the literal `尊敬的客户`. An unclosed `{{` or an empty or
 * malformed path is a configuration error, reported before any item is processed.
 */
export function parseTemplate(template: string, templateName = 'template'): TemplatePart[] {
	const parts: TemplatePart[] = [];
	let position = 0;
	while (position < template.length) {
		const open = template.indexOf('{{', position);
		if (open === -1) {
			parts.push({ kind: 'text', text: template.slice(position) });
			break;
		}
		if (open > position) parts.push({ kind: 'text', text: template.slice(position, open) });
		const close = template.indexOf('}}', open + 2);
		if (close === -1) {
			throw new ConfigError(`The ${templateName} has "{{" at character ${open + 1} without a closing "}}" (expected each {{ closed by }}, as in {{name}})`);
		}
		const inside = template.slice(open + 2, close);
		const bar = inside.indexOf('|');
		const path = (bar === -1 ? inside : inside.slice(0, bar)).trim();
		if (!PATH.test(path)) {
			throw new ConfigError(
				`The ${templateName} has the placeholder "{{${inside}}}", which is not a field path (expected {{name}} or {{customer.name|default}})`,
			);
		}
		const defaultText = bar === -1 ? undefined : inside.slice(bar + 1).trim();
		parts.push(defaultText === undefined ? { kind: 'placeholder', path } : { kind: 'placeholder', path, defaultText });
		position = close + 2;
	}
	return parts;
}

/** The distinct placeholder paths of a parsed template, in order of first use. */
export function placeholderPaths(parts: TemplatePart[]): string[] {
	const paths: string[] = [];
	for (const part of parts) if (part.kind === 'placeholder' && !paths.includes(part.path)) paths.push(part.path);
	return paths;
}

/** Looks up a placeholder's value; `undefined` when the data has no such field. */
export type ValueLookup = (path: string) => unknown;

/** A field value as message text. Objects and arrays are not text: they are an error, not "[object Object]". */
export function valueAsText(value: unknown, path: string): string | undefined {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new InputError(path, value, 'is not a finite number', 'text or a number');
		// An account or order number past 2^53 has lost its last digits on its way as a number: the message
		// would show another number.
		if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
			throw new InputError(path, value, 'is a number beyond 9007199254740991, which has lost digits on its way as a number', 'numbers this long as text: cast them in the query (id::text, CAST(id AS CHAR)) or in the source');
		}
		return String(value);
	}
	if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	throw new InputError(path, value, 'cannot be written into a message', 'text, a number or a date');
}

/**
 * Fills a parsed template. A placeholder without a value uses its default; without either it is an
 * item error (a message with a blank where the name should be is worse than no message). `escape`
 * applies to inserted values and defaults; `escapeLiteral` to the template's own text.
 */
export function renderParts(
	parts: TemplatePart[],
	lookup: ValueLookup,
	escape: (text: string) => string = (t) => t,
	escapeLiteral: (text: string) => string = (t) => t,
): string {
	let out = '';
	for (const part of parts) {
		if (part.kind === 'text') {
			out += escapeLiteral(part.text);
			continue;
		}
		const value = valueAsText(lookup(part.path), part.path);
		if (value !== undefined) out += escape(value);
		else if (part.defaultText !== undefined) out += escape(part.defaultText);
		else {
			throw new InputError(
				part.path,
				lookup(part.path),
				`the message template's placeholder {{${part.path}}} needs`,
				`a value, or a default in the template like {{${part.path}|…}}`,
			);
		}
	}
	return out;
}
