import { ledgerError } from '../../nodes/shared/messaging/ledger';

/** A driver error as pg and ioredis throw it: a message, and for Postgres the SQLSTATE in `code`. */
const driverError = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('ledgerError: what no rerun against the same settings can fix is not retryable', () => {
	it.each([
		['a Postgres standby or read-only role (25006)', driverError('cannot execute INSERT in a read-only transaction', '25006')],
		['a Redis read-only replica', driverError("READONLY You can't write against a read only replica.")],
		['a Redis cluster node', driverError('MOVED 12182 10.0.0.7:6379')],
		['a Redis cluster, keys in two slots', driverError("CROSSSLOT Keys in request don't hash to the same slot")],
		['a SCRAM server and no password', driverError('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string')],
		['a SCRAM server and an empty password', driverError('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a non-empty string')],
		['a mechanism the client does not have', driverError('SASL: Only mechanism(s) SCRAM-SHA-256 are supported')],
	])('%s', (_name, error) => {
		expect(ledgerError('claim', error, '10.0.0.7:5432').retryable).toBe(false);
	});

	it('says in words that the server asks for a password the credential does not have', () => {
		const error = ledgerError('connection to Postgres', driverError('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'db:5432');
		expect(error.message).toBe('Ledger connection to Postgres at db:5432 failed: the server asks for a password (SCRAM-SHA-256) and the credential has none');
	});

	it.each([
		['a serialization failure (40001)', driverError('could not serialize access due to concurrent update', '40001')],
		['too many connections (53300)', driverError('sorry, too many clients already', '53300')],
		['a server starting up (57P03)', driverError('the database system is starting up', '57P03')],
		['Redis loading its data', driverError('LOADING Redis is loading the dataset in memory')],
		['Redis busy with a script', driverError('BUSY Redis is busy running a script.')],
	])('%s stays retryable', (_name, error) => {
		expect(ledgerError('claim', error, 'db:5432').retryable).toBe(true);
	});
});
