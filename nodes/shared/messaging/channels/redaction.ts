import { base64Forms, secretForms } from './secretForms';
import { folded, secretPattern, secretStretches, unwrapped, type SecretPatterns } from './textViews';

/** Secrets at least this long are hidden wherever they appear; shorter ones only where they stand as a value. */
export const SHORTEST_ANYWHERE = 4;
/** The shortest leaked part of a secret (or of its base64) that is hidden, wherever in the secret it starts. */
const PARTIAL_RUN = 8;
/** A secret longer than a run is also hidden when only part of it shows (a provider that cut it, or a line split it). */
const SHORTEST_PARTIAL = PARTIAL_RUN + 1;
/**
 * Forms at least this long are also hidden in any letter case (a re-cased echo of a token). Shorter ones,
 * and the pieces of a cut secret, only as written: in any case, a password `anna` would blank every "Anna"
 * in a care message and `CustomerCare2024` every "customer".
 */
const SHORTEST_ANY_CASE = 12;
const HEX_FORM = /^[0-9a-f]+$/;

/**
 * Credential fields that hold or embed a secret: passwords, tokens, keys, signing secrets and webhook
 * URLs (Slack and WeCom put the secret in the URL itself). Hosts, ports, user names, base URLs and the
 * SMS signature name stay readable.
 */
const SECRET_FIELD = /pass|secret|token|key|sign|auth|sid|url|hook/i;
const NOT_SECRET_FIELD = /^(baseUrl|endpoint|signName|host|user|username|from|fromEmail|fromName|regionId|database)$/;
/** Words after which a value (`token=ab1`, `password: ab1`) is a credential, however short. */
const VALUE_NAMES = ['pass', 'password', 'passwd', 'pwd', 'secret', 'token', 'key', 'auth', 'sign', 'signature', 'access_token', 'sid'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface SecretSource {
	/** Values to hide, each with every derived form (encodings, base64 at any alignment). */
	secrets: ReadonlyArray<string | undefined>;
	/** Credentials that travel joined (user and password in Basic auth, AUTH PLAIN, `sid:token`). */
	pairs?: ReadonlyArray<readonly [string | undefined, string | undefined]>;
	/** Query parameter names whose values are secrets wherever they appear as `name=value`. */
	valueNames?: readonly string[];
	/** Texts hidden whole but not by their beginning (a URL starts with a readable host). */
	composites?: readonly string[];
}

/**
 * Hides secrets in any text: the one mechanism for channel outcomes, node errors and output items.
 * A secret is hidden whole (in any letter case when it is 12 characters or more; hex in either case),
 * hex- or base64/base64url-encoded alone or inside any longer text
 * (so `Basic base64(sid:token)` and AUTH PLAIN `base64(\0user\0password)` are caught), and in every
 * reading of the text (textViews.ts): JSON-, URL- or HTML-escaped, once or twice, across line breaks, and
 * inside a decoded base64 blob (a secret too short for base64 of its own at every alignment). It is also
 * hidden in the other Unicode normalization and as its UTF-8 bytes read as Latin-1.
 * A secret of 9 characters or more is also hidden where only a stretch of 8+ of its characters (or of its
 * base64) shows: cut by a provider, or split over lines. Secrets shorter than four characters would blank out ordinary words,
 * so they are hidden only where they stand as a credential value (`token=ab1`, `password: ab1`) and
 * inside the encodings of the pairs they belong to.
 */
export class Redactor {
	private readonly patterns: SecretPatterns;

	constructor(source: SecretSource | ReadonlyArray<string | undefined>) {
		const { secrets, pairs = [], valueNames = [], composites = [] } = Array.isArray(source)
			? { secrets: source as string[] }
			: (source as SecretSource);
		const exact = new Set<string>();
		const anyCase = new Set<string>();
		const short = new Set<string>();
		const addForms = (text: string, keepShort: boolean) => {
			// A short secret's encodings are as short and common as it is (hex 6162 of "ab" is an amount).
			const anywhere = !keepShort || text.length >= SHORTEST_ANYWHERE;
			for (const form of secretForms(text)) {
				const shown = unwrapped(form);
				if (!anywhere || shown.length < SHORTEST_ANYWHERE) {
					if (keepShort) short.add(form);
				} else if (shown.length >= SHORTEST_ANY_CASE) anyCase.add(folded(form));
				else {
					exact.add(shown);
					if (HEX_FORM.test(shown)) exact.add(shown.toUpperCase());
				}
			}
		};
		// A provider may send a secret back normalized (NFC or NFD) or as its UTF-8 bytes read as Latin-1.
		const present = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s !== '').flatMap(textVariants))];
		for (const secret of present) {
			addForms(secret, true);
			if (secret.length < SHORTEST_PARTIAL) continue;
			for (const form of [secret, ...base64Forms(secret)]) {
				const shown = unwrapped(form);
				for (let i = 0; i + PARTIAL_RUN <= shown.length; i++) exact.add(shown.slice(i, i + PARTIAL_RUN));
			}
		}
		for (const composite of composites) addForms(composite, false);
		for (const [a, b] of pairs) {
			if (!a || !b) continue;
			for (const joined of [`${a}:${b}`, `\0${a}\0${b}`, `${a}\0${b}`]) addForms(joined, false);
		}
		this.patterns = { exact: secretPattern(exact), anyCase: secretPattern(anyCase) };
		if (short.size > 0) {
			const names = [...VALUE_NAMES, ...valueNames].map(escapeRegExp).join('|');
			const values = [...short].sort((x, y) => y.length - x.length).map(escapeRegExp).join('|');
			this.patterns.asValue = new RegExp(`((?:${names})\\w*["']?\\s*[=:]\\s*["']?|\\b(?:Basic|Bearer)\\s+)(?:${values})(?![\\p{L}\\p{N}_])`, 'giu');
		}
	}

	/** From n8n credential records: every secret-bearing field, URL parts of URL fields, joined pairs. */
	static forCredentials(...credentials: ReadonlyArray<Record<string, unknown>>): Redactor {
		return new Redactor(credentialSecrets(...credentials));
	}

	redact(text: string): string {
		let out = '';
		let from = 0;
		for (const [start, end] of secretStretches(text, this.patterns)) {
			out += `${text.slice(from, start)}***`;
			from = end;
		}
		out += text.slice(from);
		return out;
	}
}

/** A secret as written, in both Unicode normalizations, and as its UTF-8 bytes read as Latin-1. */
function textVariants(secret: string): string[] {
	const variants = [secret, secret.normalize('NFC'), secret.normalize('NFD')];
	return [...variants, ...variants.map((variant) => Buffer.from(variant, 'utf8').toString('latin1'))];
}

/**
 * The parts of a URL that carry a secret: the whole URL, path and query, each query and fragment
 * value, user-info, and path segments that look like tokens (a digit and 6+ characters, or 20+).
 */
export function urlSecrets(value: string): { secrets: string[]; valueNames: string[]; composites: string[] } {
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { secrets: [value], valueNames: [], composites: [] };
	}
	const composites = [value, `${url.host}${url.pathname}${url.search}`, `${url.pathname}${url.search}`];
	const secrets = [url.search.slice(1), url.hash.slice(1)];
	const valueNames: string[] = [];
	for (const [name, v] of url.searchParams) {
		secrets.push(v);
		valueNames.push(name);
	}
	for (const [name, v] of new URLSearchParams(url.hash.slice(1))) {
		if (v) {
			secrets.push(v);
			valueNames.push(name);
		}
	}
	if (url.password) secrets.push(decodeURIComponent(url.password));
	for (const segment of url.pathname.split('/')) {
		if ((segment.length >= 6 && /\d/.test(segment)) || segment.length >= 20) secrets.push(decodeURIComponent(segment));
	}
	if (secrets.length > 2 || url.pathname.split('/').length > 2) composites.push(url.pathname);
	return { secrets: secrets.filter((s) => s !== ''), valueNames, composites: composites.filter((c) => c !== '/' && c !== '') };
}

/** The user and password of a URL's user-info (`scheme://user:password@host`), as written and decoded. */
function userInfo(value: string): { user: string; password?: string } | undefined {
	const found = /^\s*[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(value);
	if (!found || found[1] === '') return undefined;
	const decode = (text: string) => {
		try {
			return decodeURIComponent(text);
		} catch {
			return text;
		}
	};
	const colon = found[1].indexOf(':');
	if (colon < 0) return { user: decode(found[1]) };
	return { user: decode(found[1].slice(0, colon)), password: decode(found[1].slice(colon + 1)) || undefined };
}

/**
 * The secrets, pairs and value names of n8n credential records (see SECRET_FIELD). A password written into
 * a URL's user-info is a secret whatever the field (a connection URL pasted as the host), and travels
 * joined with its user (Basic auth); a user-info with no password in a secret field's URL is a token.
 */
export function credentialSecrets(...credentials: ReadonlyArray<Record<string, unknown>>): Required<SecretSource> {
	const secrets: string[] = [];
	const valueNames: string[] = [];
	const composites: string[] = [];
	const pairs: Array<[string, string]> = [];
	for (const record of credentials) {
		for (const [field, value] of Object.entries(record)) {
			if (typeof value !== 'string' || value === '') continue;
			const secretField = SECRET_FIELD.test(field) && !NOT_SECRET_FIELD.test(field);
			const info = userInfo(value);
			if (info?.password !== undefined) {
				secrets.push(info.password);
				pairs.push([info.user, info.password]);
			} else if (info && secretField) secrets.push(info.user);
			if (!secretField) continue;
			if (/^https?:\/\//i.test(value.trim())) {
				const parts = urlSecrets(value.trim());
				secrets.push(...parts.secrets);
				valueNames.push(...parts.valueNames);
				composites.push(value, ...parts.composites);
			} else secrets.push(value);
		}
		const user = record.user ?? record.username;
		const password = record.password;
		if (typeof user === 'string' && typeof password === 'string') pairs.push([user, password]);
		if (typeof record.accountSid === 'string' && typeof record.authToken === 'string') pairs.push([record.accountSid, record.authToken]);
	}
	return { secrets, pairs, valueNames, composites };
}
