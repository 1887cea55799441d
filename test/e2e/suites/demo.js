// `npm run demo` end to end, without the editor, against a PostgreSQL server of its own that wants a
// password (scram-sha-256, as Debian's default cluster; the shared server is left alone):
//   1. with --port/--user/--database and PGPASSWORD: the sample data goes into that server and the daily
//      churn watch writes customer_care_status there;
//   2. with PGHOST/PGPORT/PGUSER but no password: one line says the login was refused and how to fix it,
//      and the demo goes on offline (sample-data.json) with the same results as 1;
//   3. with --port/--user (PostgreSQL asked for) and a wrong password: the same kind of line, exit 1.
// Each run has its own n8n (SQLite in a temporary folder, so a demo the user has open is left alone).
const { spawn } = require('child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { Client } = require('pg');
const { startPrivatePostgres } = require('../services');

const DATABASE = 'care_demo';

function runDemo(root, args, env) {
	return new Promise((done) => {
		const child = spawn(process.execPath, [join(root, 'scripts', 'demo.js'), ...args], { cwd: root, env });
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			done({ code, output });
		});
	});
}

/** What the run printed about its results: from the summary's title to the end, less the line naming where the rows went. */
function results(output) {
	const start = output.indexOf('\nDaily churn watch — ');
	return start < 0 ? '' : output.slice(start).split('\nSegment, risk, reasons, due date and owner')[0];
}

/** The counts listed under "Segments (RFM):" up to the next blank line. */
function segmentCounts(output) {
	const block = output.split('Segments (RFM):\n')[1]?.split('\n\n')[0] ?? '';
	return block
		.split('\n')
		.map((line) => /^\s+(\d+)\s+\S/.exec(line))
		.filter(Boolean)
		.map((m) => Number(m[1]));
}

/** The at-risk list: customer, churn percent, value at risk and spend of each line. */
function atRiskList(section) {
	const amount = (text) => Number(text.replace(/,/g, ''));
	return [...section.matchAll(/^\s+(C\d{4}) .+? — \w+ (\d+)%, ¥([\d,]+) at risk of ¥([\d,]+) spent/gm)].map((m) => ({
		customerId: m[1],
		percent: Number(m[2]),
		atRisk: amount(m[3]),
		spent: amount(m[4]),
	}));
}

/** The lines of a run that speak of the refused login. */
const refusedLines = (output) => output.split('\n').filter((line) => / refused user /.test(line));

function checkSummary(record, label, output) {
	const counts = segmentCounts(output);
	const total = counts.reduce((a, b) => a + b, 0);
	record(counts.length >= 3 && total === 3000, `${label}: the segment counts add up to the 3000 customers`, `counts ${counts.join(', ')} = ${total}`);
	const atRisk = output.split('At-risk customers:')[1]?.split('\nRevisit agenda:')[0] ?? '';
	record(/^\s+C0007 黄强 — critical/m.test(atRisk), `${label}: the at-risk customers include C0007 黄强 (critical)`, atRisk.slice(0, 3000));
	const listed = atRiskList(atRisk);
	const ranked =
		listed.length === 10 &&
		listed.every((c, i) => i === 0 || c.atRisk <= listed[i - 1].atRisk) &&
		listed.every((c) => c.atRisk <= c.spent && Math.abs(c.atRisk - (c.percent / 100) * c.spent) <= 0.005 * c.spent + 1) &&
		/^ \d+, (\d+) of them at (\d+)% churn probability\./.test(atRisk);
	record(ranked, `${label}: the at-risk list is ranked by value at risk (churn probability × spend) and says how many share the top probability`, atRisk.slice(0, 3000));
	const agenda = output.split('\nRevisit agenda:')[1]?.split('\nThe owners')[0] ?? '';
	record(/^\s+2026-03-02\n\s+AM\d\d \S+: \d+ — C\d{4}/m.test(agenda), `${label}: the revisit agenda starts on the as-of day with owners and customers`, agenda.slice(0, 2000));
	const wecom = /The owners' WeCom group \(loopback server\) received (\d+) message/.exec(output);
	record(wecom && Number(wecom[1]) > 0 && /今日回访安排|AM\d\d 2026-03-02/.test(output.split(wecom[0])[1]), `${label}: the WeCom group received today's agendas`, wecom?.[0] ?? 'no WeCom line');
}

async function run({ env, record, root, artifacts }) {
	let postgres;
	try {
		postgres = await startPrivatePostgres();
	} catch (error) {
		record(false, 'starts a PostgreSQL server of its own with password authentication', error.message);
		return;
	}
	const withoutPg = Object.fromEntries(Object.entries(env).filter(([name]) => !/^PG[A-Z]+$/.test(name)));
	const pgFlags = ['--port', String(postgres.port), '--user', postgres.user];
	const modes = [
		{
			label: 'PostgreSQL with a password',
			args: [...pgFlags, '--database', DATABASE],
			env: { ...withoutPg, PGPASSWORD: postgres.password },
			expect: 'success',
		},
		{
			label: 'login refused, offline',
			args: [],
			env: { ...withoutPg, PGHOST: postgres.host, PGPORT: String(postgres.port), PGUSER: postgres.user },
			expect: 'offline',
		},
		{
			label: 'login refused, PostgreSQL asked for',
			args: pgFlags,
			env: { ...withoutPg, PGPASSWORD: 'not-the-password' },
			expect: 'failure',
		},
	];
	const printed = {};
	try {
		for (const mode of modes) {
			const dir = mkdtempSync(join(tmpdir(), 'care-demo-'));
			const { code, output } = await runDemo(root, ['--no-editor', '--no-build', ...mode.args, '--dir', dir], mode.env);
			rmSync(dir, { recursive: true, force: true });
			writeFileSync(join(artifacts, `demo-${mode.expect}.log`), output);
			const refused = refusedLines(output);
			if (mode.expect === 'failure') {
				record(code === 1, `${mode.label}: the demo stops (exit 1)`, `exit ${code}\n${output.slice(-3000)}`);
				const line = refused[0] ?? '';
				record(
					refused.length === 1 && line.includes(`user "${postgres.user}" with the password in PGPASSWORD`) && /--user/.test(line) && /PGPASSWORD=/.test(line) && /--offline/.test(line) && !output.includes('Daily churn watch — '),
					`${mode.label}: one line says what was tried (user, password from PGPASSWORD) and names --user, PGPASSWORD and --offline; no summary`,
					refused.join('\n') || output.slice(-3000),
				);
				record(!output.includes('not-the-password'), `${mode.label}: the password is not printed`, output.slice(-3000));
				continue;
			}
			record(code === 0, `${mode.label}: npm run demo exits 0`, `exit ${code}\n${output.slice(-3000)}`);
			if (code !== 0) continue;
			printed[mode.expect] = results(output);
			if (mode.expect === 'offline') {
				const line = refused[0] ?? '';
				record(
					refused.length === 1 && line.includes(`user "${postgres.user}" without a password (PGPASSWORD is not set)`) && /--user/.test(line) && /PGPASSWORD=/.test(line) && /--offline/.test(line) && /Going on offline/.test(line),
					`${mode.label}: one line says what was tried and how to fix it, then the demo goes on offline`,
					refused.join('\n') || output.slice(0, 3000),
				);
				record(output.includes('sample-data.json') && output.includes('offline, sample-data.json'), `${mode.label}: reads the sample data from sample-data.json`, output.slice(0, 3000));
			} else {
				record(output.includes(`PostgreSQL ${postgres.host}:${postgres.port}, database ${DATABASE}: `), `${mode.label}: loads the sample data into database ${DATABASE} on ${postgres.host}:${postgres.port}`, output.slice(0, 3000));
			}
			checkSummary(record, mode.label, output);
		}
		if (printed.success && printed.offline) {
			// The offline variant rebuilds the SQL rows from sample-data.json: everything after them must come out the same.
			const same = printed.success === printed.offline;
			const firstDifference = same ? '' : printed.offline.split('\n').find((line, i) => line !== printed.success.split('\n')[i]);
			record(same, 'offline and PostgreSQL print the same segments, risks, agenda and WeCom messages', `first differing offline line: ${firstDifference}`);
		}
		const client = new Client({ host: postgres.host, port: postgres.port, user: postgres.user, password: postgres.password, database: DATABASE });
		await client.connect();
		try {
			const { rows } = await client.query("SELECT count(*)::int AS n, count(*) FILTER (WHERE customer_id = 'C0007' AND churn_level = 'critical')::int AS c0007 FROM customer_care_status");
			record(rows[0].n === 3000 && rows[0].c0007 === 1, 'PostgreSQL with a password: the demo wrote customer_care_status for every customer', JSON.stringify(rows[0]));
		} finally {
			await client.end();
		}
	} finally {
		await postgres.stop();
	}
}

module.exports = { run };
