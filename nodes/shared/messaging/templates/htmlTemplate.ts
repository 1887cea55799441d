import { ConfigError, describeValue, InputError } from '../../input';
import { escapeHtml } from './html';
import { parseTemplate, type TemplatePart, type ValueLookup } from './placeholders';
import { decodeHtmlEntities, SAFE_URL_SCHEMES, unsafeUrlReason } from './safeUrl';

/**
 * A part of an HTML template: literal HTML, a placeholder in element text or a quoted attribute value
 * (its value is escaped), or a whole quoted URL attribute value that holds placeholders (the address it
 * makes is checked for a safe scheme before it is written).
 */
export type HtmlPart = TemplatePart | { kind: 'url'; attribute: string; parts: TemplatePart[] };

/** Attributes whose value a browser follows or loads as an address. */
const URL_ATTRIBUTES = new Set([
	'href', 'src', 'action', 'formaction', 'background', 'poster', 'cite', 'longdesc', 'usemap', 'xlink:href',
	'data', 'codebase', 'classid', 'archive', 'manifest', 'icon', 'dynsrc', 'lowsrc', 'ping', 'profile',
]);
/** SVG animation elements, and their attributes that set another attribute (a link's href) to a value. */
const SVG_ANIMATIONS = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'animatecolor']);
const ANIMATION_VALUES = new Set(['to', 'from', 'by', 'values']);
/** Elements whose content is script, style or raw text, where escaping does not make a value safe. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext', 'template']);
/** Elements whose content is text up to the end tag (escaping suffices). */
const RCDATA_ELEMENTS = new Set(['title', 'textarea']);
/**
 * Elements after which readers part ways, so no place of a later placeholder can be told: inside <svg> and
 * <math> (foreign content) <title>, <textarea>, <style> and <script> hold markup, not text, and
 * <![CDATA[ ends at ]]>, not at >; <noscript> holds markup where scripting is off, as in most mail
 * programs; <template> holds markup in every browser; in <select> and after <frameset> a browser drops
 * the tags that would start text. What this tokenizer reads as text or an end tag there can be a tag and an
 * event handler to the recipient's mail program.
 */
const READ_TWO_WAYS: Record<string, string> = {
	svg: 'as SVG, where <title>, <textarea>, <style> and <![CDATA[ hold markup or end elsewhere than in HTML (a drawing can go in an <img src="…"> instead)',
	math: 'as MathML, where <title>, <textarea>, <style> and <![CDATA[ hold markup or end elsewhere than in HTML (a formula can go in an <img src="…"> instead)',
	noscript: 'as markup where scripting is off and as text where it is on',
	template: 'as markup, not as text',
	select: 'by rules that differ between browsers (older ones drop most tags in it, and with them a <title>, <style> or <textarea> that would hold text)',
	frameset: 'as frames, dropping most tags after it, and with them a <title>, <style> or <textarea> that would hold text',
};

type State =
	| 'data' | 'tagOpen' | 'tagName' | 'endTag' | 'beforeAttribute' | 'attributeName' | 'afterAttributeName'
	| 'beforeValue' | 'doubleQuoted' | 'singleQuoted' | 'unquoted' | 'markup' | 'comment' | 'rawText';

const SPACE = /[\t\n\f\r ]/;

/**
 * Why a placeholder may not stand where it stands, or undefined when escaping makes any value safe there.
 * Placeholders in an unquoted attribute (`href={{url}}` lets `x onmouseover=...` add an attribute),
 * inside a tag, in an event handler, style, srcset or srcdoc, in the value of an SVG animation, in any
 * attribute of <script>, in the address of <link> or <base>, in a comment or in script/style are refused.
 */
function refusal(state: State, attribute: string, tag: string, element: string): string | undefined {
	switch (state) {
		case 'data':
			return undefined;
		case 'doubleQuoted':
		case 'singleQuoted':
			if (attribute.startsWith('on')) return `is inside the event handler attribute "${attribute}"`;
			if (attribute === 'style' || attribute === 'srcset') return `is inside the "${attribute}" attribute`;
			// The browser decodes srcdoc's value and reads it as a page: escaped markup becomes markup again.
			if (attribute === 'srcdoc') return 'is inside the "srcdoc" attribute, whose value is a page of its own';
			if (SVG_ANIMATIONS.has(tag) && ANIMATION_VALUES.has(attribute)) {
				return `is the "${attribute}" value of <${tag}>, which can set a link's address unchecked`;
			}
			if (tag === 'meta' && attribute === 'content') return 'is inside a <meta> content attribute';
			// An address that loads code or changes every link: a safe scheme does not make it safe.
			if (tag === 'script') return `is in the "${attribute}" attribute of <script>, which could load a script`;
			if ((tag === 'link' || tag === 'base') && URL_ATTRIBUTES.has(attribute)) {
				return `is the "${attribute}" of <${tag}>, which could ${tag === 'link' ? 'load a style sheet' : 'send every relative link elsewhere'}`;
			}
			return undefined;
		case 'beforeValue':
		case 'unquoted':
			return `is an unquoted value of the attribute "${attribute}" (write ${attribute}="{{…}}")`;
		case 'comment':
		case 'markup':
			return 'is inside an HTML comment or declaration';
		case 'rawText':
			return RCDATA_ELEMENTS.has(element) ? undefined : `is inside <${element}>, where escaping cannot make text safe`;
		default:
			return 'is inside a tag, not in element text or a quoted attribute value';
	}
}

/**
 * Parses an HTML template and works out where each placeholder stands, refusing (a ConfigError, before
 * any item) the places where customer data could become markup or script. A small HTML tokenizer: it
 * follows tags, attributes, comments and raw-text elements, which is all a placeholder's place needs.
 */
export function parseHtmlTemplate(html: string, templateName = 'HTML template'): HtmlPart[] {
	const out: HtmlPart[] = [];
	let state: State = 'data';
	let tag = '';
	let element = '';
	let attribute = '';
	let quote = '';
	let recent = '';
	let text = '';
	/** In an end tag (`</p title=">">`: attributes are read as in a start tag, then dropped). */
	let closing = false;
	/** A declaration or bogus comment from its "<": a comment only where it starts "<!--" exactly. */
	let markup = '';
	/** A comment's text after "<!--" (its last four characters, and its length). */
	let comment = '';
	let commentLength = 0;
	let url: { attribute: string; parts: TemplatePart[]; hasPlaceholder: boolean } | undefined;
	/** Why readers part ways from here on (READ_TWO_WAYS), once the first such element is seen. */
	let partedAt: string | undefined;
	const partWays = (element: string, reading: string) => {
		partedAt ??= `comes after <${element}>, whose content mail programs read ${reading}, so a placeholder may only come before it`;
	};
	const flushText = () => {
		if (text === '') return;
		if (url) url.parts.push({ kind: 'text', text });
		else out.push({ kind: 'text', text });
		text = '';
	};
	const endOfTag = () => {
		if (closing) {
			[state, closing] = ['data', false];
			return;
		}
		element = tag;
		state = RAW_TEXT_ELEMENTS.has(tag) || RCDATA_ELEMENTS.has(tag) ? 'rawText' : 'data';
	};
	const step = (c: string) => {
		recent = (recent + c).slice(-16).toLowerCase();
		switch (state) {
			case 'data':
				if (c === '<') state = 'tagOpen';
				break;
			case 'tagOpen':
				if (/[a-z]/i.test(c)) [state, tag, closing] = ['tagName', c.toLowerCase(), false];
				else if (c === '/') [state, tag] = ['endTag', ''];
				else if (c === '!' || c === '?') [state, markup] = ['markup', `<${c}`];
				else state = c === '<' ? 'tagOpen' : 'data';
				break;
			case 'tagName':
				if (SPACE.test(c) || c === '/' || c === '>') {
					if (!closing && Object.hasOwn(READ_TWO_WAYS, tag)) partWays(tag, READ_TWO_WAYS[tag]);
					if (c === '>') endOfTag();
					else state = 'beforeAttribute';
				} else tag += c.toLowerCase();
				break;
			case 'endTag':
				// "</" and a letter is an end tag, "</>" nothing, anything else a bogus comment up to ">".
				if (/[a-z]/i.test(c)) [state, tag, closing] = ['tagName', c.toLowerCase(), true];
				else if (c === '>') state = 'data';
				else [state, markup] = ['markup', '</'];
				break;
			case 'beforeAttribute':
			case 'afterAttributeName':
				if (c === '>') endOfTag();
				else if (c === '=' && state === 'afterAttributeName') state = 'beforeValue';
				else if (!SPACE.test(c) && c !== '/') [state, attribute] = ['attributeName', c.toLowerCase()];
				break;
			case 'attributeName':
				if (SPACE.test(c)) state = 'afterAttributeName';
				else if (c === '=') state = 'beforeValue';
				else if (c === '>') endOfTag();
				else if (c === '/') state = 'beforeAttribute';
				else attribute += c.toLowerCase();
				break;
			case 'beforeValue':
				if (c === '"' || c === "'") {
					[state, quote] = [c === '"' ? 'doubleQuoted' : 'singleQuoted', c];
					if (URL_ATTRIBUTES.has(attribute)) {
						// The value starts after the quote.
						text += c;
						flushText();
						url = { attribute, parts: [], hasPlaceholder: false };
						return;
					}
				} else if (c === '>') endOfTag();
				else if (!SPACE.test(c)) state = 'unquoted';
				break;
			case 'doubleQuoted':
			case 'singleQuoted':
				if (c === quote) {
					state = 'beforeAttribute';
					if (url) {
						flushText();
						if (url.hasPlaceholder) out.push({ kind: 'url', attribute: url.attribute, parts: url.parts });
						else out.push(...url.parts);
						url = undefined;
					}
				}
				break;
			case 'unquoted':
				if (SPACE.test(c)) state = 'beforeAttribute';
				else if (c === '>') endOfTag();
				break;
			case 'markup':
				markup = (markup + c).slice(0, 4);
				if (markup === '<!--' && c === '-') [state, comment, commentLength] = ['comment', '', 0];
				else if (c === '>') state = 'data';
				break;
			case 'comment':
				// "<!-->" and "<!--->" end at once; otherwise "-->" or "--!>" after the opening "<!--" ("<!--!>" does not end).
				comment = (comment + c).slice(-4);
				commentLength++;
				if ((commentLength <= 2 && (comment === '>' || comment === '->')) || comment.endsWith('-->') || comment === '--!>') state = 'data';
				break;
			case 'rawText':
				// "</script" ends the element only where a space, "/" or ">" follows, as in a browser: "</scripts>" does not.
				if ((SPACE.test(c) || c === '/' || c === '>') && recent.slice(0, -1).endsWith(`</${element}`)) {
					[state, tag, closing] = [c === '>' ? 'data' : 'beforeAttribute', '', c !== '>'];
				} else if (element === 'script' && recent.endsWith('<!--')) {
					// After "<!--" in a script, a "<script" makes a browser read the next "</script>" as script text.
					partWays('script', 'as script in which "<!--" can hide the end tag </script>');
				}
				break;
		}
		text += c;
	};

	for (const part of parseTemplate(html, templateName)) {
		if (part.kind === 'text') {
			for (const c of part.text) step(c);
			continue;
		}
		const refused = refusal(state, attribute, tag, element) ?? partedAt;
		if (refused !== undefined) {
			throw new ConfigError(
				`The ${templateName} has the placeholder {{${part.path}}}, which ${refused}: a customer's value there could become markup or script (expected the placeholder in element text or in a quoted value of an ordinary attribute, such as href, title or alt)`,
			);
		}
		flushText();
		if (url) {
			url.parts.push(part);
			url.hasPlaceholder = true;
		} else {
			out.push(part);
		}
	}
	flushText();
	if (url) out.push(...url.parts);
	return out;
}

/**
 * Fills a parsed HTML template: every inserted value is escaped, and a URL attribute's address must have
 * a safe scheme, else the item fails naming the placeholder and the address. The address is checked as
 * put together (the template's own text with its character references decoded, plus the values) and as
 * the recipient's mail program reads the attribute written (decoded as a whole), since the template's
 * text may end in part of a reference that a value completes (`&#x6` + `A;avascript:`).
 */
export function renderHtmlParts(parts: HtmlPart[], lookup: ValueLookup, render: (parts: TemplatePart[], escape: (t: string) => string) => string): string {
	let out = '';
	for (const part of parts) {
		if (part.kind === 'text') out += part.text;
		else if (part.kind === 'placeholder') out += render([part], escapeHtml);
		else {
			const written = render(part.parts, escapeHtml);
			const assembled = part.parts.map((p) => (p.kind === 'text' ? decodeHtmlEntities(p.text) : render([p], (t) => t))).join('');
			const readings = [assembled, decodeHtmlEntities(written)].map((address) => ({ address, reason: unsafeUrlReason(address) }));
			const { address, reason } = readings.find((r) => r.reason !== undefined) ?? readings[0];
			if (reason !== undefined) {
				const first = part.parts.find((p) => p.kind === 'placeholder') as Extract<TemplatePart, { kind: 'placeholder' }>;
				throw new InputError(
					first.path,
					lookup(first.path),
					`makes an unsafe ${part.attribute} address ${describeValue(address)} (${reason})`,
					`an address starting with ${SAFE_URL_SCHEMES.map((s) => `${s}:`).join(', ')} or a relative one`,
				);
			}
			out += written;
		}
	}
	return out;
}
