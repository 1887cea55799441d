const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Plain text as simple HTML: blank lines separate paragraphs, single line breaks become <br>. */
export function paragraphsToHtml(escapedText: string): string {
	return escapedText
		.split(/\r?\n\s*\r?\n/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph !== '')
		.map((paragraph) => `<p>${paragraph.replace(/\r?\n/g, '<br>\n')}</p>`)
		.join('\n');
}
