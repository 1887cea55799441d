const SHORTEST_SECRET = 6;

/**
 * Credential fields that hold or embed a secret: passwords, tokens, keys, signing secrets, and webhook
 * URLs (Slack and WeCom put the secret in the URL itself). Hosts, ports and user names stay readable
 * in error messages.
 */
const SECRET_FIELD = /pass|secret|token|key|sign|auth|sid|url|hook/i;

/** The values of every secret-bearing field of the given credentials, longest first. */
export function credentialSecrets(...credentials: Array<Record<string, unknown>>): string[] {
	return credentials
		.flatMap((credential) => Object.entries(credential))
		.filter(([field, value]) => SECRET_FIELD.test(field) && typeof value === 'string' && value.length >= SHORTEST_SECRET)
		.map(([, value]) => value as string)
		.sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of a secret in text with "***": the last line of defence for echoed requests. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***');
	return out;
}
