// `npm run demo` end to end: the demo script with the sample data in PostgreSQL and offline (the JSON file),
// each without the editor. It runs its own n8n (SQLite in a temporary folder, so a demo the user has open is
// left alone) on free ports; the PostgreSQL run loads the sample data into a database of its own, dropped afterwards, so a user's care_demo is left alone.
const { spawn } = require('child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('fs');
const { tmpdir } = require('os');
const { join } = require('path');
const { Client } = require('pg');
const { POSTGRES } = require('../services');

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

async function dropDatabase(database) {
	const client = new Client({ ...POSTGRES, database: 'postgres' });
	await client.connect();
	try {
		await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
	} finally {
		await client.end();
	}
}

async function run({ env, record, root, artifacts }) {
	const database = `care_demo_e2e_${process.pid}`;
	const modes = [
		{ label: 'PostgreSQL', args: ['--no-editor', '--no-build', '--database', database], source: `database ${database}` },
		{ label: 'offline', args: ['--no-editor', '--no-build', '--offline'], source: 'sample-data.json' },
	];
	const printed = {};
	try {
		for (const mode of modes) {
			const dir = mkdtempSync(join(tmpdir(), 'care-demo-'));
			const { code, output } = await runDemo(root, [...mode.args, '--dir', dir], env);
			rmSync(dir, { recursive: true, force: true });
			writeFileSync(join(artifacts, `demo-${mode.label.toLowerCase()}.log`), output);
			record(code === 0, `npm run demo (${mode.label}) exits 0`, `exit ${code}\n${output.slice(-3000)}`);
			if (code !== 0) continue;
			printed[mode.label] = results(output);
			record(output.includes(mode.source), `${mode.label}: reads the sample data from ${mode.source}`, output.slice(0, 3000));
			const counts = segmentCounts(output);
			const total = counts.reduce((a, b) => a + b, 0);
			record(counts.length >= 3 && total === 3000, `${mode.label}: the segment counts add up to the 3000 customers`, `counts ${counts.join(', ')} = ${total}`);
			const atRisk = output.split('At-risk customers:')[1]?.split('\nRevisit agenda:')[0] ?? '';
			record(/^\s+C0007 黄强 — critical/m.test(atRisk), `${mode.label}: the at-risk customers include C0007 黄强 (critical)`, atRisk.slice(0, 3000));
			const agenda = output.split('\nRevisit agenda:')[1]?.split('\nThe owners')[0] ?? '';
			record(/^\s+2026-03-02\n\s+AM\d\d \S+: \d+ — C\d{4}/m.test(agenda), `${mode.label}: the revisit agenda starts on the as-of day with owners and customers`, agenda.slice(0, 2000));
			const wecom = /The owners' WeCom group \(loopback server\) received (\d+) message/.exec(output);
			record(wecom && Number(wecom[1]) > 0 && /今日回访安排|AM\d\d 2026-03-02/.test(output.split(wecom[0])[1]), `${mode.label}: the WeCom group received today's agendas`, wecom?.[0] ?? 'no WeCom line');
		}
		if (printed.PostgreSQL && printed.offline) {
			// The offline variant rebuilds the SQL rows from sample-data.json: everything after them must come out the same.
			const same = printed.PostgreSQL === printed.offline;
			const firstDifference = same ? '' : printed.offline.split('\n').find((line, i) => line !== printed.PostgreSQL.split('\n')[i]);
			record(same, 'offline and PostgreSQL print the same segments, risks, agenda and WeCom messages', `first differing offline line: ${firstDifference}`);
		}
		const client = new Client({ ...POSTGRES, database });
		await client.connect();
		try {
			const { rows } = await client.query("SELECT count(*)::int AS n, count(*) FILTER (WHERE customer_id = 'C0007' AND churn_level = 'critical')::int AS c0007 FROM customer_care_status");
			record(rows[0].n === 3000 && rows[0].c0007 === 1, 'PostgreSQL: the demo wrote customer_care_status for every customer', JSON.stringify(rows[0]));
		} finally {
			await client.end();
		}
	} finally {
		await dropDatabase(database);
	}
}

module.exports = { run };
