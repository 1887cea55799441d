/** The schemes a link or image address in a message may have; anything else (javascript:, data:, vbscript:...) is refused. */
export const SAFE_URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel', 'sms'];

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	colon: ':',
	tab: '\t',
	newline: '\n',
	nbsp: '\u00a0',
};
const ENTITY = /&#x([0-9a-f]+);?|&#(\d+);?|&([a-z]+);?/gi;

/** Decodes the character references a browser decodes in an attribute value (numeric, and the named ones a URL can hide behind). */
export function decodeHtmlEntities(text: string): string {
	return text.replace(ENTITY, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
		if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
		const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
	});
}

// eslint-disable-next-line no-control-regex
const EDGE_SPACE = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function unsafeScheme(url: string): string | undefined {
	const scheme = SCHEME.exec(url.replace(EDGE_SPACE, '').replace(/[\t\n\r]/g, ''))?.[1].toLowerCase();
	return scheme !== undefined && !SAFE_URL_SCHEMES.includes(scheme) ? scheme : undefined;
}

/**
 * Why a URL may not go into a link or image address, or undefined when it may. A browser strips
 * leading and trailing spaces and control characters and drops tabs and line breaks inside before it
 * reads the scheme ("java\tscript:" is javascript:), so a control character inside is refused outright.
 * The scheme is checked as written and once more after decoding character references, so a mail
 * program that decodes twice cannot turn "&#106;avascript:" into a script either.
 */
export function unsafeUrlReason(url: string): string | undefined {
	const trimmed = url.replace(EDGE_SPACE, '');
	if (CONTROL.test(trimmed)) return 'a control character (tab, line break...) inside';
	const scheme = unsafeScheme(trimmed) ?? unsafeScheme(decodeHtmlEntities(trimmed));
	return scheme === undefined ? undefined : `the scheme "${scheme}:" is not allowed`;
}
