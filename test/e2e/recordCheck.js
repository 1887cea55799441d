/** One suite check: records `label` as passed (with the note `fn` returns, if any) or failed with the error. */
async function check(record, label, fn) {
	try {
		const note = await fn();
		record(true, note ? `${label} (${note})` : label);
	} catch (error) {
		record(false, label, error?.message ?? error);
	}
}

module.exports = { check };
