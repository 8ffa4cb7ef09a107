/*
 * run.mjs -- the browser gate ("tested in a real browser").
 *
 * Starts `build/bianmin serve` on a free loopback port with a fresh demo
 * database, drives Debian's Chromium (/usr/bin/chromium) through
 * playwright-core -- never a downloaded browser -- and for every page in
 * tests/browser/pages.json, in Chinese and in English (citizen pages, some
 * forms posted, and staff pages signed in with a demo account), checks:
 *   - the HTTP status and <html lang> (zh-Hant-TW or en);
 *   - axe-core, WCAG 2.0/2.1 A and AA rules: zero violations;
 *   - html-validate on the HTML as served (.htmlvalidate.json): zero errors;
 *   - no horizontal overflow at 375 px;
 *   - English pages: every text with Han characters sits inside lang="zh-Hant";
 *   - screenshots at 1280 and 375 px into test-output/screenshots/.
 * Then: every notice sheet and the processing-time table printed to A4 PDF
 * (test-output/pdf/), whose text must hold the page's name and fit on one or
 * two pages; the keyboard-only runs of keyboard.mjs (the skip link to a
 * notice sheet, a petition, a status lookup, a case registered at the counter,
 * a 1999 call and a unit added on an admin page, in both languages, every
 * focus visible); and the
 * strings.tsv checks (strings.mjs).
 *
 * Prints "ok NAME" or "FAIL NAME" with details per check, and last
 * "browser: N passed, N failed"; exits 1 on any failure.
 * Environment: BIANMIN_BIN (default build/bianmin), CHROMIUM (default
 * /usr/bin/chromium), BROWSER_SCREENSHOTS=0 to skip screenshots,
 * BROWSER_ONLY=REGEX to check only the pages whose path matches, and only
 * the keyboard runs whose paths or names match ("keyboard zh petition",
 * "keyboard en 1999"; see keyboard.mjs): BROWSER_ONLY=keyboard runs just
 * those (while working on a page; the gate itself always runs them all).
 */
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { keyboardRuns } from "./keyboard.mjs";
import { checkStrings } from "./strings.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
const require = createRequire(import.meta.url);

const BIN = path.resolve(root, process.env.BIANMIN_BIN || "build/bianmin");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const SHOTS = process.env.BROWSER_SCREENSHOTS !== "0";
const OUT = path.join(root, "test-output");
const SHOT_DIR = path.join(OUT, "screenshots");
const PDF_DIR = path.join(OUT, "pdf");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PHONE = 375;
const ONLY = process.env.BROWSER_ONLY ? new RegExp(process.env.BROWSER_ONLY) : null;

/* ---- reporting ---- */
let passed = 0, failed = 0;
function ok(name) {
	passed++;
	console.log(`ok ${name}`);
}
function fail(name, detail) {
	failed++;
	console.log(`FAIL ${name}${detail ? "\n    " + String(detail).replace(/\n/g, "\n    ") : ""}`);
}
function check(name, problems) {
	if (typeof problems === "string")
		problems = problems ? [problems] : [];
	if (!problems || problems.length === 0)
		ok(name);
	else
		fail(name, problems.join("\n"));
}

/*
 * Runs job(item, check) for every item, `width` at a time, and reports each
 * item's checks together and in list order, whatever order they finish in.
 */
async function inOrder(items, width, job) {
	const done = new Array(items.length), results = new Array(items.length);
	let next = 0, printed = 0;
	const flush = () => {
		while (printed < items.length && done[printed]) {
			for (const [name, problems] of done[printed])
				check(name, problems);
			printed++;
		}
	};
	const worker = async () => {
		while (next < items.length) {
			const i = next++;
			const mine = [];
			try {
				results[i] = await job(items[i], (name, problems) => mine.push([name, problems]));
			} catch (e) {
				mine.push([`${items[i].path}: could not be checked`, [e.stack || e.message]]);
			}
			done[i] = mine;
			flush();
		}
	};
	await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
	return results;
}
function finish(code) {
	console.log(`browser: ${passed} passed, ${failed} failed`);
	process.exit(code ?? (failed ? 1 : 0));
}

/* ---- the server ---- */
function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on("error", reject);
		s.listen(0, "127.0.0.1", () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

async function waitUp(base, proc, ms) {
	const end = Date.now() + ms;
	while (Date.now() < end) {
		if (proc.exitCode !== null)
			throw new Error(`bianmin serve exited with ${proc.exitCode}`);
		try {
			const r = await fetch(base + "/healthz");
			if (r.ok)
				return;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`bianmin serve did not answer ${base}/healthz within ${ms} ms`);
}

/* page.goto, retried while the server is being restarted (see startServer). */
async function gotoRetry(page, url) {
	for (let i = 0; ; i++) {
		try {
			return await page.goto(url, { waitUntil: "load" });
		} catch (e) {
			if (i >= 20 || !/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_RESET/.test(e.message))
				throw e;
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

async function fetchText(url) {
	for (let i = 0; ; i++) {
		try {
			return await (await fetch(url)).text();
		} catch (e) {
			if (i >= 20)
				throw e;
			await new Promise((r) => setTimeout(r, 250));
		}
	}
}

/* ---- pages ---- */
function shotName(pg) {
	let post = "";
	if (pg.submit) {
		/* one name per set of filled-in values: a page may be posted twice */
		const what = JSON.stringify([pg.fill, pg.select, pg.check]);
		let h = 0;
		for (const c of what)
			h = (h * 31 + c.codePointAt(0)) >>> 0;
		post = "_posted" + (pg.fill || pg.select || pg.check ? "-" + (h % 10000) : "");
	}
	return (pg.label ? "staff_" : "") + slugOf(pg.path) + post;
}

function slugOf(p) {
	const s = p.replace(/^\/+/, "").replace(/[^A-Za-z0-9._-]+/g, "_");
	return s === "" ? "home" : s;
}

function linksOn(html) {
	return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
}

/*
 * Expands a list of pages.json entries into [{path, lang, en, status, kind,
 * fill, submit, label}], in both languages.  get(url) fetches a page's HTML
 * (with the staff session's cookie for staff pages).
 */
async function expand(entries, languages, get, label) {
	const paths = [];
	for (const e of entries) {
		const extra = { status: e.status || 200, kind: e.kind || "", fill: e.fill || null, select: e.select || null, check: e.check || null, submit: e.submit || "", label };
		if (e.path) {
			paths.push({ ...extra, path: e.path });
			continue;
		}
		const d = e.discover;
		const re = new RegExp(d.match);
		let found = [...new Set(linksOn(await get(d.from)).filter((h) => re.test(h)))];
		if (d.limit)
			found = found.slice(0, d.limit);
		/* with BROWSER_ONLY the pages that create what is linked may not have run */
		if (found.length === 0 && !d.optional && !ONLY)
			fail(`pages.json: no link matching ${d.match} on ${d.from}`);
		else if (found.length === 0 && !d.optional)
			console.log(`note: pages.json: no link matching ${d.match} on ${d.from} (BROWSER_ONLY: its page may not have been posted)`);
		for (const p of found)
			paths.push({ ...extra, path: p });
	}
	const out = [];
	for (const l of languages)
		for (const p of paths)
			out.push({ ...p, path: l.prefix + (p.path === "/" && l.prefix ? "" : p.path) || "/", lang: l.lang, en: l.lang === "en" });
	return ONLY ? out.filter((p) => ONLY.test(p.path)) : out;
}

function pagesSpec() {
	return JSON.parse(readFileSync(path.join(here, "pages.json"), "utf8"));
}

/* Signs ctx in through the staff login form; returns a problem or "". */
async function staffLogin(ctx, base, user, password) {
	const page = await ctx.newPage();
	try {
		await gotoRetry(page, base + "/staff/login");
		await page.fill("#username", user);
		await page.fill("#password", password);
		await Promise.all([page.waitForNavigation(), page.click("form.form button[type=submit]")]);
		const p = new URL(page.url()).pathname;
		return p.startsWith("/staff") && p !== "/staff/login" ? "" : `still on ${page.url()} after signing in as ${user}`;
	} finally {
		await page.close();
	}
}

/* ---- in-page checks (run inside the browser) ---- */

/* Elements that stick out past the right edge of a phone viewport. */
function overflowInPage(width) {
	const sw = document.documentElement.scrollWidth;
	const culprits = [];
	if (sw > width) {
		for (const el of document.body.querySelectorAll("*")) {
			const r = el.getBoundingClientRect();
			if (r.right > width + 0.5 && r.width > 0) {
				let anc = el.parentElement, inner = false;
				while (anc && anc !== document.body) {
					const ox = getComputedStyle(anc).overflowX;
					if (ox === "auto" || ox === "scroll" || ox === "hidden") {
						inner = true;
						break;
					}
					anc = anc.parentElement;
				}
				if (!inner || getComputedStyle(el).position === "absolute")
					culprits.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).trim().replace(/\s+/g, ".") : ""} right=${Math.round(r.right)}`);
			}
			if (culprits.length >= 5)
				break;
		}
	}
	return { sw, culprits };
}

/* English page: text (and label-like attributes) with Han characters outside lang="zh*". */
function untranslatedInPage() {
	const han = /\p{Script=Han}/u;
	const bad = [];
	const inZh = (el) => {
		const l = el && el.closest("[lang]");
		return !!l && /^zh\b/i.test(l.getAttribute("lang"));
	};
	const where = (el) => {
		const parts = [];
		for (let e = el; e && e !== document.documentElement && parts.length < 3; e = e.parentElement)
			parts.unshift(e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/)[0] : ""));
		return parts.join(" > ");
	};
	const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const p = n.parentElement;
		if (!p || p.closest("script,style"))
			continue;
		if (han.test(n.data) && !inZh(p))
			bad.push(`${where(p)}: "${n.data.trim().slice(0, 60)}"`);
	}
	/* a text field's value is what the visitor typed, not UI text */
	const typed = (el, a) => a === "value" && (el.tagName === "TEXTAREA" ||
		(el.tagName === "INPUT" && !/^(submit|button|reset)$/i.test(el.type)));
	for (const el of document.querySelectorAll("[title],[alt],[aria-label],[placeholder],[value]"))
		for (const a of ["title", "alt", "aria-label", "placeholder", "value"]) {
			const v = el.getAttribute(a);
			if (typed(el, a))
				continue;
			if (v && han.test(v) && !inZh(el))
				bad.push(`${where(el)} @${a}: "${v.slice(0, 60)}"`);
		}
	return bad;
}

/* ---- checks per page ---- */
function axeReport(violations, pagePath) {
	const lines = [];
	for (const v of violations) {
		lines.push(`${v.id} (${v.impact}): ${v.help} -- ${pagePath}`);
		for (const n of v.nodes.slice(0, 5))
			lines.push(`  at ${n.target.join(" ")}: ${n.html.slice(0, 160)}`);
		if (v.nodes.length > 5)
			lines.push(`  ... and ${v.nodes.length - 5} more`);
	}
	return lines;
}

async function checkPage(ctx, pg, base, axeSource, htmlvalidate, check) {
	const url = base + pg.path;
	const tag = `${pg.label || ""}${pg.path}${pg.submit ? " (posted)" : ""}`;
	const page = await ctx.newPage();
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		let resp = await gotoRetry(page, url);
		if (pg.submit) {
			/* fill in and post the form: the checks below are on the answer */
			for (const [sel, val] of Object.entries(pg.fill || {}))
				await page.fill(sel, val);
			for (const [sel, val] of Object.entries(pg.select || {}))
				await page.selectOption(sel, val);
			/* radio buttons and checkboxes: the first match of each selector */
			for (const sel of pg.check || [])
				await page.check(sel);
			[resp] = await Promise.all([page.waitForNavigation(), page.click(`${pg.submit} button[type=submit]`)]);
		}
		const status = resp ? resp.status() : 0;
		check(`${tag}: HTTP ${pg.status}`, status === pg.status ? [] : [`got ${status}`]);
		const html = resp ? await resp.text() : "";

		const lang = await page.evaluate(() => document.documentElement.getAttribute("lang"));
		check(`${tag}: <html lang="${pg.lang}">`, lang === pg.lang ? [] : [`lang is ${JSON.stringify(lang)}`]);

		await page.evaluate(axeSource);
		const axe = await page.evaluate(async (tags) => {
			const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
			return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), html: n.html })) }));
		}, AXE_TAGS);
		check(`${tag}: axe WCAG 2.1 AA`, axeReport(axe, tag));

		const report = await htmlvalidate.validateString(html, path.join(root, "served", shotName(pg) + ".html"));
		const errs = [];
		for (const r of report.results)
			for (const m of r.messages)
				errs.push(`${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? " (" + m.selector + ")" : ""}`);
		check(`${tag}: html-validate`, errs);

		if (pg.en) {
			const bad = await page.evaluate(untranslatedInPage);
			check(`${tag}: no untranslated Chinese outside lang="zh-Hant"`, bad.slice(0, 8).concat(bad.length > 8 ? [`... ${bad.length - 8} more`] : []));
		}

		if (SHOTS)
			await page.screenshot({ path: path.join(SHOT_DIR, `${shotName(pg)}-1280.png`), fullPage: true });

		await page.setViewportSize({ width: PHONE, height: 800 });
		await page.waitForTimeout(50);
		const ov = await page.evaluate(overflowInPage, PHONE);
		check(`${tag}: no horizontal overflow at ${PHONE} px`, ov.sw <= PHONE ? [] : [`scrollWidth ${ov.sw}`, ...ov.culprits]);
		if (SHOTS)
			await page.screenshot({ path: path.join(SHOT_DIR, `${shotName(pg)}-${PHONE}.png`), fullPage: true });

		const h1 = await page.evaluate(() => (document.querySelector("h1") || {}).textContent || "");
		return { h1: h1.trim() };
	} catch (e) {
		check(`${tag}: page could not be checked`, [e.stack || e.message]);
		return { h1: "" };
	} finally {
		await page.close();
	}
}

/* ---- print to PDF ---- */
const hasPdftotext = spawnSync("sh", ["-c", "command -v pdftotext"], { encoding: "utf8" }).status === 0;

async function checkPdf(ctx, base, pagePath, name, maxPages, check) {
	const tag = `${pagePath}: prints on A4`;
	const page = await ctx.newPage();
	try {
		await gotoRetry(page, base + pagePath);
		const file = path.join(PDF_DIR, slugOf(pagePath) + ".pdf");
		const buf = await page.pdf({ path: file, format: "A4", printBackground: false });
		const problems = [];
		let pages;
		if (hasPdftotext) {
			const r = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" });
			if (r.status !== 0)
				problems.push(`pdftotext failed: ${r.stderr}`);
			const text = r.stdout || "";
			pages = text.split("\f").filter((t) => t.trim() !== "").length;
			const flat = text.replace(/\s+/g, "");
			if (!flat.includes(name.replace(/\s+/g, "")))
				problems.push(`PDF text does not contain ${JSON.stringify(name)}`);
		} else {
			const raw = buf.toString("latin1");
			pages = (raw.match(/\/Type\s*\/Page\b/g) || []).length;
			const fonts = new Set(raw.match(/\/BaseFont\s*\/[^\s/]+/g) || []);
			if (buf.length === 0 || fonts.size < 1)
				problems.push(`PDF has ${buf.length} bytes and ${fonts.size} fonts (install poppler-utils for a text check)`);
		}
		if (maxPages && pages > maxPages)
			problems.push(`${pages} A4 pages, want at most ${maxPages}`);
		check(`${tag} (${pages} page${pages === 1 ? "" : "s"}${hasPdftotext ? "" : ", no pdftotext"})`, problems);
	} catch (e) {
		check(tag, [e.stack || e.message]);
	} finally {
		await page.close();
	}
}

/* ---- main ---- */
async function main() {
	for (const r of checkStrings(root))
		check(r.name, r.ok ? [] : [r.detail]);

	let chromium, axeSource, HtmlValidate, FileSystemConfigLoader;
	try {
		({ chromium } = require("playwright-core"));
		axeSource = require("axe-core").source;
		({ HtmlValidate, FileSystemConfigLoader } = await import("html-validate"));
	} catch (e) {
		fail("node modules load (run scripts/browser.sh, which runs npm ci)", e.message);
		finish(1);
	}
	if (!existsSync(CHROMIUM)) {
		fail(`chromium at ${CHROMIUM}`, "missing: apt-get install -y chromium fonts-noto-cjk");
		finish(1);
	}
	if (!existsSync(BIN)) {
		fail(`server binary ${BIN}`, "missing: run make");
		finish(1);
	}
	for (const d of [SHOT_DIR, PDF_DIR])
		mkdirSync(d, { recursive: true });

	const tmp = mkdtempSync(path.join(os.tmpdir(), "bianmin-browser-"));
	const db = path.join(tmp, "b.db");
	const init = spawnSync(BIN, ["admin", "init", "--db", db, "--demo"], { cwd: root, encoding: "utf8" });
	if (init.status !== 0) {
		fail("admin init --demo", init.stderr || init.stdout);
		finish(1);
	}
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const logFd = openSync(path.join(OUT, "server.log"), "w");
	/*
	 * The server should live for the whole run.  A crash (a signal other than
	 * TERM/INT, or a non-zero exit) is a failure; a clean stop by someone
	 * else's TERM/INT (e.g. a stray "pkill bianmin" on a shared machine) is
	 * reported and the server restarted on the same port and database, so
	 * the run still tests the pages.
	 */
	let server, stopping = false, up = false, restarts = 0;
	const startServer = () => {
		server = spawn(BIN, ["serve", "--db", db, "--listen", `127.0.0.1:${port}`, "--quiet"], { cwd: root, stdio: ["ignore", logFd, logFd] });
		server.on("exit", (code, sig) => {
			if (stopping || !up)
				return; /* a failed start is reported by waitUp */
			const clean = code === 0 || sig === "SIGTERM" || sig === "SIGINT";
			if (!clean)
				fail("bianmin serve kept running", `exited with ${sig || "code " + code}; see test-output/server.log`);
			else
				console.log(`note: bianmin serve was stopped from outside (${sig || "code " + code}); restarting it`);
			if (restarts++ < 5)
				startServer();
		});
	};
	startServer();
	let browser;
	const cleanup = () => {
		stopping = true;
		if (server.exitCode === null)
			server.kill("SIGTERM");
		rmSync(tmp, { recursive: true, force: true });
	};
	/* never leave a server behind, however the run ends */
	process.on("exit", () => {
		stopping = true;
		if (server.exitCode === null)
			server.kill("SIGTERM");
	});
	for (const sig of ["SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE"])
		process.on(sig, () => {
			cleanup();
			process.exit(128 + (os.constants.signals[sig] || 1));
		});
	process.stdout.on("error", () => process.exit(1)); /* EPIPE: reader went away */
	try {
		try {
			await waitUp(base, server, 15000);
		} catch (e) {
			let log = "";
			try {
				log = readFileSync(path.join(OUT, "server.log"), "utf8").split("\n").slice(-15).join("\n");
			} catch {
				/* no log */
			}
			throw new Error(`${e.message}\n${log}`);
		}
		up = true;
		ok(`bianmin serve answers on ${base}`);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync"],
		});
		const ctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
		const htmlvalidate = new HtmlValidate(new FileSystemConfigLoader());

		/* two pages at a time: the machine has two cores */
		const spec = pagesSpec();
		const pages = await expand(spec.pages, spec.languages, (p) => fetchText(base + p), "");
		const seen = await inOrder(pages, 2, (pg, chk) => checkPage(ctx, pg, base, axeSource, htmlvalidate, chk));

		/* Staff pages, signed in with a demo account in a context of their own. */
		if (spec.staff) {
			const sctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
			const st = spec.staff;
			const problem = await staffLogin(sctx, base, st.user, st.password);
			check(`staff: sign in as ${st.user}`, problem);
			if (!problem) {
				/* fixed pages first (they may create cases), then what they link to */
				const get = async (p) => (await sctx.request.get(base + p)).text();
				for (const part of [st.pages.filter((e) => !e.discover), st.pages.filter((e) => e.discover)]) {
					const spages = await expand(part, spec.languages, get, "staff ");
					await inOrder(spages, 2, (pg, chk) => checkPage(sctx, pg, base, axeSource, htmlvalidate, chk));
				}
			}
			await sctx.close();
		}

		/* Every notice sheet, in both languages, prints on one or two A4 pages with its name. */
		const prints = pages.map((pg, i) => ({ ...pg, h1: seen[i] && seen[i].h1, max: 2 }))
			.filter((pg) => pg.kind === "notice-sheet" && pg.h1);
		for (const p of ["/processing-times", "/en/processing-times"]) {
			if (ONLY && !ONLY.test(p))
				continue;
			const h1 = (await fetchText(base + p)).match(/<h1>([^<]*)<\/h1>/);
			prints.push({ path: p, h1: h1 ? h1[1] : "", max: 0 });
		}
		await inOrder(prints, 2, (pg, chk) => checkPdf(ctx, base, pg.path, pg.h1, pg.max, chk));

		await ctx.close();

		/* Keyboard only (keyboard.mjs): the walk to a notice sheet, a petition, a status lookup, staff registering a case, a 1999 call. */
		const times = await keyboardRuns(browser, base, { check, gotoRetry, only: ONLY, root, languages: spec.languages });
		if (times.length)
			console.log(`note: 1999 call, load to receipt, keyboard only: ${times.join(", ")}`);
	} catch (e) {
		fail("browser run", e.stack || e.message);
	} finally {
		if (browser)
			await browser.close().catch(() => {});
		cleanup();
	}
	finish();
}

main();
