import { ConfigError, describeValue } from '../../input/errors';
import { digitsFromText } from '../../input/numbers';

/** Reads one field of a channel credential (as n8n hands it over) with a clear error when it is unusable. */
export function requiredString(credentials: Record<string, unknown>, field: string, credentialName: string): string {
	const value = optionalString(credentials, field);
	if (value === undefined) throw new ConfigError(`The ${credentialName} credential has no "${field}" (expected a value: fill it in and save the credential)`);
	return value;
}

export function optionalString(credentials: Record<string, unknown>, field: string): string | undefined {
	const value = credentials[field];
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

export function optionalBoolean(credentials: Record<string, unknown>, field: string, fallback: boolean): boolean {
	const value = credentials[field];
	if (typeof value === 'boolean') return value;
	if (value === 'true') return true;
	if (value === 'false') return false;
	return fallback;
}

export function optionalInteger(
	credentials: Record<string, unknown>,
	field: string,
	fallback: number,
	credentialName: string,
	range: { min: number; max: number },
): number {
	const raw = credentials[field];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? (digitsFromText(raw) ?? Number.NaN) : Number.NaN;
	if (!Number.isInteger(value) || value < range.min || value > range.max) {
		throw new ConfigError(
			`The ${credentialName} credential's "${field}" is ${describeValue(raw)}, which ${Number.isInteger(value) ? 'is out of range' : 'is not a whole number'} (expected a whole number from ${range.min} to ${range.max})`,
		);
	}
	return value;
}

/** A base URL without a trailing slash (paths are appended to it); only http and https are accepted. */
export function baseUrl(credentials: Record<string, unknown>, field: string, fallback: string, credentialName: string): string {
	return endpointUrl(credentials, field, fallback, credentialName).replace(/\/+$/, '');
}

/** A URL used as written, the whole endpoint (a trailing slash or query is part of it); only http and https are accepted. */
export function endpointUrl(credentials: Record<string, unknown>, field: string, fallback: string, credentialName: string): string {
	const value = optionalString(credentials, field) ?? fallback;
	// The address is not shown: a webhook's address can carry its token.
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		throw new ConfigError(`The ${credentialName} credential's "${field}" is not a URL (expected e.g. ${fallback})`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new ConfigError(`The ${credentialName} credential's "${field}" is not an http(s) address (expected a URL starting with https:// or http://)`);
	}
	return value;
}

/**
 * Robot credentials are usually copied as the whole webhook URL; accept that as well as the bare value.
 * `queryName` picks the value out of the query (WeCom `key`, DingTalk `access_token`), `pathPrefix` out of
 * the path (Feishu `/open-apis/bot/v2/hook/<token>`).
 */
export function tokenFromUrlOrValue(value: string, pick: { queryName?: string; pathPrefix?: string }): string {
	if (!/^https?:\/\//i.test(value)) return value;
	// The address is not shown: a webhook's address can carry its token.
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return value;
	}
	if (pick.queryName) {
		const fromQuery = parsed.searchParams.get(pick.queryName);
		if (fromQuery) return fromQuery;
	}
	if (pick.pathPrefix && parsed.pathname.startsWith(pick.pathPrefix)) {
		const rest = parsed.pathname.slice(pick.pathPrefix.length).replace(/^\/+|\/+$/g, '');
		if (rest) return decodeURIComponent(rest);
	}
	return value;
}
