const SHORTEST_REDACTED = 4;

/**
 * Hides a channel's secrets in any text it returns. Secrets can reappear encoded (a WeCom key in a URL,
 * a signature query parameter), so each secret is also hidden in its URL-encoded forms.
 */
export class Redactor {
	private readonly needles: string[];

	constructor(secrets: ReadonlyArray<string | undefined>) {
		const needles = new Set<string>();
		for (const secret of secrets) {
			if (!secret || secret.length < SHORTEST_REDACTED) continue;
			needles.add(secret);
			needles.add(encodeURIComponent(secret));
			needles.add(encodeURIComponent(encodeURIComponent(secret)));
		}
		this.needles = [...needles].sort((a, b) => b.length - a.length);
	}

	redact(text: string): string {
		let out = text;
		for (const needle of this.needles) if (out.includes(needle)) out = out.split(needle).join('***');
		return out;
	}
}
