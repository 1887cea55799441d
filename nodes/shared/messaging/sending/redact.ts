const SHORTEST_SECRET = 6;

/**
 * Every string in a credential that could be a secret. Which fields are secret differs per provider
 * (Slack and WeCom put the secret in the webhook URL itself), so all of them count; a redacted host
 * name in an error message is a small price.
 */
export function credentialSecrets(...credentials: Array<Record<string, unknown>>): string[] {
	return credentials
		.flatMap((credential) => Object.values(credential))
		.filter((value): value is string => typeof value === 'string' && value.length >= SHORTEST_SECRET)
		.sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of a secret in text with "***": the last line of defence for echoed requests. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let out = text;
	for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***');
	return out;
}
