/**
 * The ledger could not be reached or answered wrongly; nothing was sent for the item. `retryable` is
 * false for what a rerun cannot fix by itself: a wrong password, database, table or permission.
 */
export class LedgerError extends Error {
	constructor(
		message: string,
		readonly retryable = true,
	) {
		super(message);
		this.name = 'LedgerError';
	}
}

/** Driver error codes in words. n8n replaces any message containing such a code by a generic text. */
const CODE_WORDS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused (is the server running, and is this the right port?)',
	ECONNRESET: 'the server closed the connection',
	ENOTFOUND: 'the host name was not found',
	EAI_AGAIN: 'the host name could not be resolved right now',
	ETIMEDOUT: 'no answer in time',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
	ECONNABORTED: 'the connection was aborted',
	EADDRNOTAVAIL: 'the address is not available',
	GETADDRINFO: 'the host name could not be resolved',
	EPIPE: 'the connection broke',
};
const CODE_PATTERN = new RegExp(`\\b(?:connect |getaddrinfo |read |write )?(${Object.keys(CODE_WORDS).join('|')})\\b`, 'gi');

/**
 * Postgres SQLSTATEs, Redis replies and driver messages that mean "fix the settings", not "try later":
 * Postgres authentication (28), database (3D), schema (3F), name or permission (42), and a server that
 * only reads (25006: a standby, or a role with default_transaction_read_only); Redis authentication,
 * permission, database, a read-only replica and a cluster node (which answers MOVED / CROSSSLOT).
 */
const POSTGRES_CONFIGURATION = /^(28|3D|3F|42|25006)/;
const REDIS_CONFIGURATION = /^(WRONGPASS|NOAUTH|NOPERM|ERR invalid password|ERR DB index|READONLY|MOVED|CROSSSLOT)/i;
/**
 * The SSL setting does not match the server (pg's own message), a port no socket can use, or pg's SCRAM
 * exchange refused before anything was sent: no password, or a mechanism or server the client cannot use.
 */
const DRIVER_CONFIGURATION = /^The server does not support SSL connections|ERR_SOCKET_BAD_PORT|^SASL: /;
/** pg's words for a SCRAM server asking for a password the credential does not have. */
const NO_PASSWORD = /^SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a (?:non-empty )?string$/;

function isConfigurationError(error: unknown): boolean {
	const e = error as { code?: unknown; message?: unknown } | undefined;
	if (typeof e?.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && POSTGRES_CONFIGURATION.test(e.code)) return true;
	if (e?.code === 'ERR_SOCKET_BAD_PORT') return true;
	return typeof e?.message === 'string' && (REDIS_CONFIGURATION.test(e.message) || DRIVER_CONFIGURATION.test(e.message));
}

/**
 * A driver error as a LedgerError that names the ledger, what failed and where (`at`: host:port), in
 * words rather than socket codes, without connection secrets.
 */
export function ledgerError(action: string, error: unknown, at?: string): LedgerError {
	if (error instanceof LedgerError) return error;
	const message = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '');
	const raw = NO_PASSWORD.test(message) ? 'the server asks for a password (SCRAM-SHA-256) and the credential has none' : message;
	const code = (error as { code?: unknown } | undefined)?.code;
	const reason =
		raw.replace(CODE_PATTERN, (_match, found: string) => CODE_WORDS[found.toUpperCase()]).replace(/\s+\d{1,3}(?:\.\d{1,3}){3}:\d+$/, '') ||
		(typeof code === 'string' ? CODE_WORDS[code] ?? code : 'unknown error');
	return new LedgerError(`Ledger ${action}${at ? ` at ${at}` : ''} failed: ${reason}`, !isConfigurationError(error));
}
