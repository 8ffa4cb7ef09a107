/*
 * keyboard.mjs -- the keyboard-only runs of the browser gate (run.mjs).
 *
 * Every interaction here is page.keyboard: Tab, Shift+Tab, Enter, Space,
 * arrow keys and typing.  No page.click, page.fill, selectOption or
 * element.focus(); page.goto only stands for typing an address.  In Chinese
 * and in English:
 *   - walk: from the home page through the skip link to a notice sheet;
 *   - petition: a citizen's petition at /petitions/new, once with the subject
 *     left out (the error is announced and tied to the field, focus goes to
 *     it), then in full (receipt with the petition number and query code);
 *   - status: that petition looked up at /status by its number and code;
 *   - case: counter1 signs in and registers a case at /staff/cases/new, once
 *     without a phone (error path), then in full (receipt);
 *   - hotline: hotline1 takes a call on /staff/petitions/1999 (autofocus,
 *     caller lookup, Tab order = visual order, receipt); the time from
 *     loading the form to the receipt is printed, not checked;
 *   - unit: admin1 adds a unit (課室) at /staff/admin/units, once with its
 *     Chinese name left out (error path), then in full (the notice and the
 *     new row in the table);
 *   - signup, survey, booking (issue #18): a citizen signs up for an event
 *     (/events/1), answers the office's questionnaire (/surveys/2) and books
 *     an appointment (/appointments), each form in its visual order: text
 *     typed, a radio group one stop chosen with Space, a checkbox ticked
 *     with Space, Enter on the button -> the confirmation.
 * Each focused element on the way must show a focus indicator.
 *
 * Exports keyboardRuns(browser, base, {check, gotoRetry, only, root, languages})
 * (returns the 1999 timings, one per language) and
 * focusInPage (the in-page focus probe).
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const PETITION_NO = /^P[0-9]{7}-[0-9]{4}$/;
const CASE_NO = /^A[0-9A-Z]{7}-[0-9A-Z]{4}$/;
const QUERY_CODE = /^[0-9A-Z]{10}$/; /* QUERY_CODE_LEN in src/domain/ids.h */

/* ---- in-page probes (run inside the browser) ---- */

/* The focused element and whether it shows a focus indicator. */
export function focusInPage() {
	const el = document.activeElement;
	if (!el || el === document.body)
		return null;
	const cs = getComputedStyle(el);
	const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== "rgba(0, 0, 0, 0)";
	const shadow = cs.boxShadow && cs.boxShadow !== "none";
	const r = el.getBoundingClientRect();
	return {
		tag: el.tagName.toLowerCase(),
		cls: typeof el.className === "string" ? el.className : "",
		href: el.getAttribute("href") || "",
		id: el.id,
		/* what the keyboard runs call a field: id, else name, else "submit" for a button */
		key: el.id || el.getAttribute("name") || (el.tagName === "BUTTON" ? "submit" : el.tagName.toLowerCase()),
		inForm: !!el.closest("main form.form"),
		value: "value" in el ? String(el.value) : "",
		checked: !!el.checked,
		text: (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
		visibleRing: outline || shadow,
		ring: `outline: ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}; box-shadow: ${cs.boxShadow}`,
		onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
	};
}

/*
 * After a form came back with errors: the announcement (role="alert" or an
 * aria-live region), field id's aria-invalid and aria-describedby, the
 * texts of the elements it points at, and where focus is.
 */
function errorStateInPage(id) {
	const el = document.getElementById(id);
	const live = document.querySelector('main [role="alert"], main [aria-live="assertive"], main [aria-live="polite"]');
	const ids = ((el && el.getAttribute("aria-describedby")) || "").split(/\s+/).filter(Boolean);
	const a = document.activeElement;
	return {
		found: !!el,
		alert: live ? live.textContent.trim() : null,
		invalid: el ? el.getAttribute("aria-invalid") : null,
		described: ids.map((i) => {
			const d = document.getElementById(i);
			return { id: i, exists: !!d, text: d ? d.textContent.trim() : "" };
		}),
		active: a && a !== document.body ? a.id || a.getAttribute("name") || a.tagName.toLowerCase() : "(body)",
	};
}

/* The receipt's facts: the big number and the query code. */
function receiptInPage() {
	const big = [...document.querySelectorAll("dl.facts dd.big")].map((d) => d.textContent.trim());
	return { no: big[0] || "", code: big[1] || "", h1: (document.querySelector("h1") || {}).textContent || "" };
}

/* The controls of the form whose action ends with `action`, sorted as they are seen (rows, then left to right). */
function visualOrderInPage(action) {
	const form = [...document.querySelectorAll("main form")].find((f) => f.getAttribute("action").endsWith(action));
	if (!form)
		return null;
	const items = [...form.querySelectorAll("input, select, textarea, button")]
		.filter((el) => el.type !== "hidden" && !el.disabled)
		.map((el) => {
			const r = el.getBoundingClientRect();
			return { key: el.id || el.getAttribute("name") || (el.tagName === "BUTTON" ? "submit" : el.tagName.toLowerCase()), top: r.top, left: r.left, shown: r.width > 0 && r.height > 0 };
		})
		.filter((x) => x.shown);
	items.sort((a, b) => (Math.abs(a.top - b.top) > 8 ? a.top - b.top : a.left - b.left));
	return items.map((x) => x.key);
}

/* ---- the driver ---- */

/*
 * One keyboard session on one page.  Every move records the focused
 * element; those without a visible focus indicator are collected in
 * noRing.
 */
class Keys {
	constructor(page, gotoRetry) {
		this.page = page;
		this.gotoRetry = gotoRetry;
		this.noRing = [];
	}
	/*
	 * Two animation frames: autofocus is applied when the page is first
	 * rendered, which may come after the load event.
	 */
	async settle() {
		await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	}
	/* Opens url (the address typed in) and waits for it to settle. */
	async open(url) {
		const resp = await this.gotoRetry(this.page, url);
		await this.settle();
		return resp;
	}
	async at() {
		const f = await this.page.evaluate(focusInPage);
		if (!f)
			this.noRing.push(`nothing focused on ${new URL(this.page.url()).pathname}`);
		else if (!f.visibleRing)
			this.noRing.push(`${f.tag} ${f.key || f.text} on ${new URL(this.page.url()).pathname} (${f.ring})`);
		return f;
	}
	async press(key) {
		await this.page.keyboard.press(key);
		return this.at();
	}
	async type(text) {
		await this.page.keyboard.type(text);
	}
	/* Presses key and waits for the page it loads; returns the response. */
	async go(key = "Enter") {
		const [resp] = await Promise.all([this.page.waitForNavigation({ waitUntil: "load" }), this.page.keyboard.press(key)]);
		await this.settle();
		return resp;
	}
	/* Tab until pred(focused) holds; null after max Tabs. */
	async tabUntil(pred, max = 60) {
		for (let i = 0; i < max; i++) {
			const f = await this.press("Tab");
			if (f && pred(f))
				return f;
		}
		return null;
	}
	/*
	 * From the element focused now, one Tab per step: steps[i] = [key, act]
	 * says which field focus must be on and what to do there.  Returns the
	 * keys focused in order; a wrong stop goes into problems and ends it.
	 */
	async steps(steps, problems) {
		const order = [];
		for (let i = 0; i < steps.length; i++) {
			const [want, act] = steps[i];
			const f = i === 0 ? await this.at() : await this.press("Tab");
			order.push(f ? f.key : "(nothing)");
			if (!f || f.key !== want) {
				problems.push(`Tab stop ${i + 1}: want ${want}, focus is on ${f ? `${f.tag} ${f.key}` : "nothing"} (so far: ${order.join(" → ")})`);
				return order;
			}
			if (act)
				await act(this);
		}
		return order;
	}
}

/* Step actions. */
const typeIn = (text) => (k) => k.type(text);
/* ArrowDown until the select's value is want (or, with no want, any value but ""). */
const arrowTo = (want) => async (k) => {
	for (let i = 0; i < 120; i++) {
		await k.page.keyboard.press("ArrowDown");
		const v = await k.page.evaluate(() => document.activeElement.value);
		if (want ? v === want : v !== "")
			return;
	}
	throw new Error(`ArrowDown never selected ${want || "a value"}`);
};
const space = (k) => k.page.keyboard.press("Space");

/* Tab to the skip link, Enter: focus on <main>.  Returns problems. */
async function throughSkipLink(k) {
	const problems = [];
	const f = await k.press("Tab");
	if (!f || !f.cls.split(/\s+/).includes("skip") || !f.onScreen)
		problems.push(`first Tab: want the skip link on screen, focus is ${JSON.stringify(f)}`);
	await k.page.keyboard.press("Enter");
	await k.page.waitForTimeout(50);
	const active = await k.page.evaluate(() => document.activeElement && document.activeElement.id);
	if (active !== "main")
		problems.push(`Enter on the skip link: focus on #${active}, want #main`);
	return problems;
}

/* The values of the fields of the main form, by key. */
async function formValues(page) {
	return page.evaluate(() => {
		const out = {};
		for (const el of document.querySelectorAll("main form.form input, main form.form select, main form.form textarea")) {
			if (el.type === "hidden")
				continue;
			const key = el.id || el.name;
			out[key] = el.type === "checkbox" || el.type === "radio" ? (el.checked ? el.value : out[key] || "") : el.value;
		}
		return out;
	});
}

function valueProblems(got, want) {
	const p = [];
	for (const [k, v] of Object.entries(want))
		if (got[k] !== v)
			p.push(`${k} is ${JSON.stringify(got[k])}, want ${JSON.stringify(v)}`);
	return p;
}

/* The error announced and tied to field id, and focus moved to it. */
function errorProblems(st, id, want) {
	const p = [];
	if (!st.found)
		return [`no #${id} on the page`];
	if (!st.alert)
		p.push("no role=\"alert\" or aria-live region with text in main");
	if (st.invalid !== "true")
		p.push(`#${id} aria-invalid=${JSON.stringify(st.invalid)}, want "true"`);
	const bad = st.described.filter((d) => !d.exists).map((d) => d.id);
	if (bad.length)
		p.push(`#${id} aria-describedby names missing ids: ${bad.join(" ")}`);
	if (!st.described.some((d) => d.text === want))
		p.push(`#${id} aria-describedby (${st.described.map((d) => `#${d.id} "${d.text}"`).join(", ") || "none"}) has no element with the error "${want}"`);
	if (st.active !== id)
		p.push(`focus on ${st.active}, want the field to correct, #${id}`);
	return p;
}

function strings(root) {
	const m = new Map();
	for (const line of readFileSync(path.join(root, "templates/strings.tsv"), "utf8").split("\n")) {
		const [key, zh, en] = line.split("\t");
		if (key && en !== undefined)
			m.set(key, { "zh-Hant-TW": zh, en });
	}
	return m;
}

/* Signs in through /staff/login with the keyboard only; returns problems. */
async function keyboardLogin(k, base, prefix, user, password) {
	const problems = [];
	await k.open(base + prefix + "/staff/login");
	const f = await k.at();
	if (!f || f.id !== "username")
		problems.push(`on load focus is on ${f ? f.key : "nothing"}, want #username (autofocus)`);
	await k.type(user);
	const p = await k.press("Tab");
	if (!p || p.id !== "password")
		problems.push(`Tab from the user name reached ${p ? p.key : "nothing"}, want #password`);
	await k.type(password);
	await k.go("Enter");
	const where = new URL(k.page.url()).pathname;
	if (!where.startsWith(prefix + "/staff") || where.endsWith("/staff/login"))
		problems.push(`still on ${where} after Enter`);
	return problems;
}

/* ---- the runs ---- */

async function walk(ctx, base, L, check, gotoRetry) {
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		await k.open(base + L.prefix + "/");
		check(`${L.tag} walk: the skip link is the first Tab stop and moves focus to main`, await throughSkipLink(k));
		const re = new RegExp(`^${L.prefix}/services/[a-z0-9-]+$`);
		const target = await k.tabUntil((f) => f.tag === "a" && re.test(f.href), 300);
		check(`${L.tag} walk: Tab from main reaches a notice sheet link`, target ? [] : ["no notice sheet link reached in 300 Tabs"]);
		if (target) {
			await k.go("Enter");
			const sheet = await page.evaluate(() => ({ path: location.pathname, sheet: !!document.querySelector("article.sheet h1") }));
			check(`${L.tag} walk: Enter opens the notice sheet ${target.href}`, sheet.path === target.href && sheet.sheet ? [] : [JSON.stringify(sheet)]);
		}
		check(`${L.tag} walk: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
	} finally {
		await page.close();
	}
}

/* The place's fields (and "use my location", shown with script; issue #13). */
const PLACE = [["place"], ["lat"], ["long"], ["geo"]];
/* The citizen's form ends on its "check your answers" button (name="step"); photos are chosen on the check page. */
const PETITION_FORM_END = [...PLACE, ["confidential"], ["step"]];

/* A citizen's petition; returns {no, code} of the one sent in full. */
async function petition(ctx, base, L, S, check, gotoRetry) {
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	const url = base + L.prefix + "/petitions/new";
	const tag = `${L.tag} petition`;
	const zh = L.lang !== "en";
	const who = zh ? { name: "林美華", phone: "0933222333", subject: "路燈不亮", body: "竹東里中正路 12 號前的路燈不亮。" }
		: { name: "Lin Mei-hua", phone: "0933222444", subject: "Streetlight out", body: "The streetlight at Zhongzheng Rd 12 is out." };
	let got = null;
	try {
		await page.setViewportSize({ width: 1280, height: 900 });

		/* 1. the subject left out: the answer is 422 with the error tied to #subject */
		await k.open(url);
		let problems = await throughSkipLink(k);
		let first = await k.tabUntil((f) => f.inForm, 40);
		if (!first)
			problems.push("Tab from main never reached the form");
		else {
			await k.steps([
				["anonymous"], ["name", typeIn(who.name)], ["phone", typeIn(who.phone)], ["email"], ["address"],
				["village", arrowTo()], ["category"], ["subject"], ["body", typeIn(who.body)], ...PETITION_FORM_END,
			], problems);
		}
		let resp = problems.length ? null : await k.go("Enter");
		if (resp && resp.status() !== 422)
			problems.push(`Enter on the submit button: HTTP ${resp.status()}, want 422`);
		if (resp) {
			await k.at(); /* where the page put focus must show it too */
			problems.push(...errorProblems(await page.evaluate(errorStateInPage, "subject"), "subject", S.get("err_required")[L.lang]));
			problems.push(...valueProblems(await formValues(page), { name: who.name, phone: who.phone, body: who.body }).map((s) => `kept: ${s}`));
		}
		check(`${tag}: subject left out -> 422, error announced (role=alert), #subject aria-invalid and described by its error, focus on it`, problems);

		/* 2. in full: Chinese as a named citizen; English ticks "anonymous" with Space */
		await k.open(url);
		problems = await throughSkipLink(k);
		first = await k.tabUntil((f) => f.inForm, 40);
		if (!first)
			problems.push("Tab from main never reached the form");
		else {
			await k.steps([
				["anonymous", zh ? null : space],
				["name", zh ? typeIn(who.name) : null], ["phone", zh ? typeIn(who.phone) : null], ["email"], ["address"],
				["village", arrowTo()], ["category", arrowTo()], ["subject", typeIn(who.subject)], ["body", typeIn(who.body)],
				...PETITION_FORM_END,
			], problems);
			const v = await formValues(page);
			problems.push(...valueProblems(v, { anonymous: zh ? "" : "1", subject: who.subject, body: who.body, ...(zh ? { name: who.name, phone: who.phone } : {}) }));
			if (!v.village || !v.category)
				problems.push(`village ${JSON.stringify(v.village)} / category ${JSON.stringify(v.category)}: the arrow keys chose nothing`);
		}
		resp = problems.length ? null : await k.go("Enter");
		if (resp && resp.status() !== 200)
			problems.push(`Enter on "check your answers": HTTP ${resp.status()}, want 200 (the check page)`);
		/* the check page: what was typed, then the photos, their consent and Submit */
		if (resp && !problems.length) {
			const h1 = await page.evaluate(() => (document.querySelector("h1") || {}).textContent || "");
			if (h1.trim() !== S.get("pet_check_title")[L.lang])
				problems.push(`check page heading ${JSON.stringify(h1)}`);
			if (!(await k.tabUntil((f) => f.inForm, 40)))
				problems.push("Tab from the check page's top never reached its form");
			else
				await k.steps([["photo"], ["publish"], ["step"]], problems);
		}
		resp = problems.length ? null : await k.go("Enter");
		if (resp) {
			if (resp.status() !== 200)
				problems.push(`Enter on the submit button: HTTP ${resp.status()}, want 200 (the receipt, after the redirect)`);
			const r = await page.evaluate(receiptInPage);
			if (!PETITION_NO.test(r.no))
				problems.push(`receipt number ${JSON.stringify(r.no)}, want P…-…`);
			if (!QUERY_CODE.test(r.code))
				problems.push(`receipt query code ${JSON.stringify(r.code)}`);
			if (!problems.length)
				got = r;
		}
		check(`${tag}: Tab through the form in order, ${zh ? "named" : "anonymous (Space)"}, village and category by arrow keys, Enter -> check your answers, Tab to Submit, Enter -> receipt with P-number and query code`, problems);
		check(`${tag}: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
		return got;
	} finally {
		await page.close();
	}
}

/* The petition looked up at /status by typing its number and code. */
async function status(ctx, base, L, S, pet, check, gotoRetry) {
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	const tag = `${L.tag} status`;
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		await k.open(base + L.prefix + "/status");
		const problems = await throughSkipLink(k);
		const first = await k.tabUntil((f) => f.inForm, 40);
		if (!first)
			problems.push("Tab from main never reached the form");
		else
			await k.steps([["no", typeIn(pet.no)], ["code", typeIn(pet.code)]], problems);
		const resp = problems.length ? null : await k.go("Enter");
		if (resp) {
			if (resp.status() !== 200)
				problems.push(`Enter in the code field: HTTP ${resp.status()}, want 200`);
			const st = await page.evaluate(() => {
				const dl = document.querySelector("dl.facts");
				return { h1: ((document.querySelector("h1") || {}).textContent || "").trim(), state: dl && dl.querySelector("dd strong") ? dl.querySelector("dd strong").textContent.trim() : "" };
			});
			const want = S.get("pstate_received")[L.lang];
			if (!st.h1.includes(pet.no))
				problems.push(`h1 ${JSON.stringify(st.h1)} does not name ${pet.no}`);
			if (st.state !== want)
				problems.push(`state ${JSON.stringify(st.state)}, want ${JSON.stringify(want)}`);
		}
		check(`${tag}: the petition's number and query code typed, Enter -> its state is shown`, problems);
		if (resp && resp.status() === 200) {
			/* the progress stepper on a phone: the current step named in words, one column, nothing off screen */
			await page.setViewportSize({ width: 375, height: 800 });
			const sp = await page.evaluate(() => {
				const items = [...document.querySelectorAll("ol.stepper > li")];
				const cur = document.querySelector('ol.stepper > li[aria-current="step"]');
				const lefts = new Set(items.map((li) => Math.round(li.getBoundingClientRect().left)));
				return {
					n: items.length,
					current: cur ? cur.querySelector(".step-label").textContent.trim() : "",
					hint: cur && cur.querySelector(".step-hint") ? cur.querySelector(".step-hint").textContent.trim() : "",
					columns: lefts.size,
					overflow: document.documentElement.scrollWidth - 375,
				};
			});
			const sproblems = [];
			const want = S.get("step_received")[L.lang];
			if (sp.n !== 3)
				sproblems.push(`${sp.n} steps, want 3 (received, in review, closed)`);
			if (sp.current !== want)
				sproblems.push(`current step ${JSON.stringify(sp.current)}, want ${JSON.stringify(want)}`);
			if (!sp.hint)
				sproblems.push("the current step has no words for what happens now");
			if (sp.columns !== 1)
				sproblems.push(`the steps sit in ${sp.columns} columns at 375 px, want one`);
			if (sp.overflow > 0)
				sproblems.push(`the page is ${sp.overflow} px wider than the phone`);
			check(`${tag}: the progress stepper at 375 px (current step, in one column, no overflow)`, sproblems);
		}
		check(`${tag}: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
	} finally {
		await page.close();
	}
}

/* counter1 registers a case: error path (no phone), then in full. */
async function staffCase(browser, base, L, S, check, gotoRetry) {
	const ctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	const tag = `${L.tag} case`;
	const zh = L.lang !== "en";
	const who = zh ? { name: "張大同", phone: "0912000111" } : { name: "Chang Ta-tung", phone: "0912000222" };
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		const login = await keyboardLogin(k, base, L.prefix, "counter1", "demo-password");
		check(`${tag}: counter1 signs in with the keyboard (autofocus, Tab, Enter)`, login);
		if (login.length)
			return;
		const url = base + L.prefix + "/staff/cases/new";
		/* zh: ArrowDown to the certificate; en: type-ahead on its English name */
		const pick = zh ? arrowTo("low-income-cert") : typeIn("Low-income household");

		/* the service <select> has autofocus; Shift+Tab leaves it and Tab comes back */
		const reach = async (problems) => {
			await k.open(url);
			let f = await k.at();
			if (!f || f.id !== "service")
				problems.push(`on load focus is on ${f ? f.key : "nothing"}, want #service (autofocus)`);
			f = await k.press("Shift+Tab");
			f = await k.press("Tab");
			if (!f || f.id !== "service")
				problems.push(`Shift+Tab then Tab lands on ${f ? f.key : "nothing"}, want #service`);
		};

		/* 1. no phone: 422, error announced and tied to #phone, focus on #phone */
		let problems = [];
		await reach(problems);
		if (!problems.length) {
			await k.steps([["service", pick], ["name", typeIn(who.name)]], problems);
			const v = await formValues(page);
			if (v.service !== "low-income-cert")
				problems.push(`service is ${JSON.stringify(v.service)}, want low-income-cert`);
		}
		let resp = problems.length ? null : await k.go("Enter");
		if (resp) {
			if (resp.status() !== 422)
				problems.push(`Enter in the name field: HTTP ${resp.status()}, want 422`);
			await k.at();
			problems.push(...errorProblems(await page.evaluate(errorStateInPage, "phone"), "phone", S.get("err_required")[L.lang]));
			problems.push(...valueProblems(await formValues(page), { service: "low-income-cert", name: who.name }).map((s) => `kept: ${s}`));
		}
		check(`${tag}: phone left out -> 422, error announced (role=alert), #phone aria-invalid and described by its error, focus on it`, problems);

		/* 2. in full */
		problems = [];
		await reach(problems);
		let order = [];
		if (!problems.length)
			order = await k.steps([["service", pick], ["name", typeIn(who.name)], ["phone", typeIn(who.phone)]], problems);
		resp = problems.length ? null : await k.go("Enter");
		if (resp) {
			if (resp.status() !== 200)
				problems.push(`Enter in the phone field: HTTP ${resp.status()}, want 200 (the receipt, after the redirect)`);
			const r = await page.evaluate(receiptInPage);
			if (!CASE_NO.test(r.no))
				problems.push(`receipt case number ${JSON.stringify(r.no)}, want A…-…`);
			if (!QUERY_CODE.test(r.code))
				problems.push(`receipt query code ${JSON.stringify(r.code)}`);
		}
		check(`${tag}: service by ${zh ? "arrow keys" : "typing its name"}, Tab ${order.join(" → ") || "service → name → phone"}, Enter -> receipt with A-number and query code`, problems);
		check(`${tag}: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
	} finally {
		await ctx.close();
	}
}

/* admin1 adds a unit at /staff/admin/units: error path (no Chinese name), then in full. */
async function adminUnit(browser, base, L, S, check, gotoRetry) {
	const ctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	const tag = `${L.tag} unit`;
	const zh = L.lang !== "en";
	const unit = zh ? { code: "kb-parks-zh", name: "公園課", en: "Parks Section" } : { code: "kb-parks-en", name: "景觀課", en: "Landscape Section" };
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		const login = await keyboardLogin(k, base, L.prefix, "admin1", "demo-password");
		check(`${tag}: admin1 signs in with the keyboard`, login);
		if (login.length)
			return;

		/* 1. the code typed, the Chinese name left out, Enter: 422, the error tied to the name, focus on it */
		let problems = [];
		await k.open(base + L.prefix + "/staff/admin/units");
		const first = await k.tabUntil((f) => f.id === "unit-code", 200);
		let resp = null;
		if (!first)
			problems.push("Tab never reached the new unit's code field (#unit-code)");
		else {
			await k.type(unit.code);
			resp = await k.go("Enter");
		}
		if (resp) {
			if (resp.status() !== 422)
				problems.push(`Enter in the code field: HTTP ${resp.status()}, want 422`);
			await k.at();
			problems.push(...errorProblems(await page.evaluate(errorStateInPage, "unit-name_zh"), "unit-name_zh", S.get("err_required")[L.lang]));
			problems.push(...valueProblems(await formValues(page), { "unit-code": unit.code }).map((x) => `kept: ${x}`));
		}
		check(`${tag}: Chinese name left out -> 422, error announced, #unit-name_zh aria-invalid and described by its error, focus on it`, problems);

		/* 2. focus is on the name: type it, Tab to the English name, Enter -> the list with the new unit */
		problems = [];
		let order = [];
		if (resp) {
			order = await k.steps([["unit-name_zh", typeIn(unit.name)], ["unit-name_en", typeIn(unit.en)]], problems);
			resp = problems.length ? null : await k.go("Enter");
		}
		if (resp) {
			const after = await page.evaluate((code) => ({
				path: location.pathname + location.search,
				notice: ((document.querySelector('main [role="status"]') || {}).textContent || "").trim(),
				row: [...document.querySelectorAll("main table td a")].some((a) => a.textContent.trim() === code),
			}), unit.code);
			if (resp.status() !== 200 || !after.path.endsWith("/staff/admin/units?done=added"))
				problems.push(`Enter in the English name: HTTP ${resp.status()} at ${after.path}, want 200 at …/staff/admin/units?done=added`);
			if (after.notice !== S.get("admin_done_added")[L.lang])
				problems.push(`notice ${JSON.stringify(after.notice)}, want ${JSON.stringify(S.get("admin_done_added")[L.lang])}`);
			if (!after.row)
				problems.push(`the table has no row for ${unit.code}`);
		} else if (!problems.length)
			problems.push("not sent: the error path did not finish");
		check(`${tag}: Tab ${order.join(" → ") || "unit-name_zh → unit-name_en"}, Enter -> added, announced, in the table`, problems);
		check(`${tag}: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
	} finally {
		await ctx.close();
	}
}

/* hotline1 takes a 1999 call; returns the milliseconds from loading the form to the receipt. */
async function hotline(browser, base, L, check, gotoRetry) {
	const ctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	const tag = `${L.tag} 1999`;
	const zh = L.lang !== "en";
	const call = zh ? { phone: "0933111222", name: "黃先生", body: "中山路與民生路口紅綠燈故障，閃黃燈。", ref: "1999-A-0001" }
		: { phone: "0933111333", name: "Mr Huang", body: "The traffic lights at Zhongshan and Minsheng Rd are stuck on flashing yellow.", ref: "1999-B-0002" };
	let ms = null;
	try {
		await page.setViewportSize({ width: 1280, height: 900 });
		const login = await keyboardLogin(k, base, L.prefix, "hotline1", "demo-password");
		check(`${tag}: hotline1 signs in with the keyboard`, login);
		if (login.length)
			return null;

		const problems = [];
		const t0 = Date.now();
		await k.open(base + L.prefix + "/staff/petitions/1999");
		/* on load: focus on the first field of the page's content */
		const auto = await page.evaluate(() => {
			const first = document.querySelector("main input:not([type=hidden]), main select, main textarea");
			const a = document.activeElement;
			return { first: first && first.id, active: a && a.id, autofocus: !!(first && first.hasAttribute("autofocus")) };
		});
		await k.at();
		if (!auto.first || auto.active !== auto.first || !auto.autofocus)
			problems.push(`on load focus is on #${auto.active}, want the first field #${auto.first} (autofocus ${auto.autofocus})`);
		/* the caller's number, Enter: the caller's history, focus on the name */
		await k.type(call.phone);
		await k.go("Enter");
		let f = await k.at();
		if (!f || f.id !== "name")
			problems.push(`after the lookup focus is on ${f ? f.key : "nothing"}, want #name`);
		const looked = await page.evaluate(() => ({ phone: (document.getElementById("phone") || {}).value, history: !!document.getElementById("history") }));
		if (looked.phone !== call.phone || !looked.history)
			problems.push(`after the lookup: #phone ${JSON.stringify(looked.phone)} (want ${call.phone}), caller history shown: ${looked.history}`);
		/* the number typed is already in the form: Shift+Tab reaches it, Tab comes back */
		f = await k.press("Shift+Tab");
		const back = f ? f.key : "(nothing)";
		f = await k.press("Tab");
		if (back !== "phone" || !f || f.id !== "name")
			problems.push(`Shift+Tab from #name reached ${back} (want phone), Tab back reached ${f ? f.key : "nothing"}`);
		const order = ["phone"].concat(await k.steps([
			["name", typeIn(call.name)], ["village", arrowTo()], ["body", typeIn(call.body)], ["subject"], ["category", arrowTo()],
			["ext_ref", typeIn(call.ref)], ...PLACE, ["anonymous"], ["confidential"], ["read_back", space], ["submit"],
		], problems));
		const seen = await page.evaluate(visualOrderInPage, "/staff/petitions/new");
		if (!seen || seen.join(" ") !== order.join(" "))
			problems.push(`Tab order ${order.join(" → ")}\n  visual order ${seen ? seen.join(" → ") : "(no form)"}`);
		check(`${tag}: Tab order of the call form is its visual order (${order.join(" → ")})`, problems.splice(0));
		if (order[order.length - 1] !== "submit") {
			check(`${tag}: the call is registered`, ["not sent: Tab never reached the submit button"]);
			return null;
		}

		const resp = await k.go("Enter");
		const r = await page.evaluate(receiptInPage);
		ms = Date.now() - t0;
		if (resp.status() !== 200)
			problems.push(`Enter on the submit button: HTTP ${resp.status()}, want 200 (the receipt, after the redirect)`);
		if (!PETITION_NO.test(r.no))
			problems.push(`receipt number ${JSON.stringify(r.no)}, want P…-…`);
		if (!QUERY_CODE.test(r.code))
			problems.push(`receipt query code ${JSON.stringify(r.code)}`);
		/* the receipt's "next call" button-link is reachable by Tab */
		if (!(await k.tabUntil((x) => x.tag === "a" && x.href.endsWith("/staff/petitions/1999") && /button/.test(x.cls), 80)))
			problems.push("Tab on the receipt never reaches the next-call button");
		check(`${tag}: autofocus on the caller's number, lookup by Enter, Enter on the button -> receipt with P-number and query code`, problems);
		check(`${tag}: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
		return ms;
	} finally {
		await ctx.close();
	}
}

/*
 * Runs every keyboard flow in Chinese and English.  With `only` (BROWSER_ONLY)
 * a flow runs in a language when the regex matches one of its paths there
 * ("/status", "/en/status") or its name ("keyboard zh walk", "keyboard en
 * petition", "keyboard zh status", "keyboard en case", "keyboard zh 1999",
 * "keyboard en unit");
 * the status lookup needs a petition, so it brings the petition run along.
 */
/* The main form's Tab stops in visual order: a radio group is one stop (its name), every other control its key. */
function formStopsInPage(action) {
	const form = [...document.querySelectorAll("main form")].find((f) => f.getAttribute("action").endsWith(action));
	if (!form)
		return null;
	const items = [...form.querySelectorAll("input, select, textarea, button")]
		.filter((el) => el.type !== "hidden" && !el.disabled)
		.map((el) => {
			const r = el.getBoundingClientRect();
			const key = el.type === "radio" ? `radio:${el.name}` : el.id || el.getAttribute("name") || (el.tagName === "BUTTON" ? "submit" : el.tagName.toLowerCase());
			return { key, type: el.type, top: r.top, left: r.left, shown: r.width > 0 && r.height > 0 };
		})
		.filter((x) => x.shown);
	items.sort((a, b) => (Math.abs(a.top - b.top) > 8 ? a.top - b.top : a.left - b.left));
	const stops = [];
	for (const x of items)
		if (!(x.type === "radio" && stops.length && stops[stops.length - 1].key === x.key))
			stops.push({ key: x.key, type: x.type });
	return stops;
}

/* The focused control as formStopsInPage names it. */
function focusedStopInPage() {
	const el = document.activeElement;
	if (!el || el === document.body)
		return null;
	return el.type === "radio" ? `radio:${el.name}` : el.id || el.getAttribute("name") || (el.tagName === "BUTTON" ? "submit" : el.tagName.toLowerCase());
}

/*
 * A citizen's form of issue #18 with the keyboard alone: from the skip link
 * Tab into the form, then one Tab per stop in visual order -- text typed
 * where spec.typed has it, a radio group and the first checkbox of a group
 * chosen with Space, the rest left -- and Enter on the button: the answer
 * must be spec.title (HTTP 200, after the redirect).
 */
async function takingPart(ctx, base, L, S, spec, check, gotoRetry) {
	const page = await ctx.newPage();
	const k = new Keys(page, gotoRetry);
	const tag = `${L.tag} ${spec.name}`;
	try {
		await page.setViewportSize({ width: 375, height: 800 });
		await k.open(base + L.prefix + spec.path);
		const problems = await throughSkipLink(k);
		const stops = await page.evaluate(formStopsInPage, spec.action);
		if (!stops)
			problems.push(`no form posting to ${spec.action}`);
		else if (!(await k.tabUntil((f) => f.inForm, 60)))
			problems.push("Tab from main never reached the form");
		const order = [], ticked = new Set();
		for (let i = 0; !problems.length && i < stops.length; i++) {
			if (i > 0)
				await k.press("Tab");
			const at = await page.evaluate(focusedStopInPage);
			order.push(at);
			const want = stops[i];
			if (at !== want.key) {
				problems.push(`Tab stop ${i + 1}: want ${want.key}, focus is on ${at} (so far: ${order.join(" → ")})`);
				break;
			}
			const group = want.key.replace(/\[\]$|-\d+$/, "");
			if (want.type === "radio" || (want.type === "checkbox" && !ticked.has(group))) {
				await page.keyboard.press("Space");
				ticked.add(group);
			} else if (spec.typed[want.key] !== undefined)
				await k.type(spec.typed[want.key]);
		}
		if (!problems.length && order[order.length - 1] !== "submit")
			problems.push(`the last stop is ${order[order.length - 1]}, want the submit button`);
		const resp = problems.length ? null : await k.go("Enter");
		if (resp) {
			const h1 = (await page.evaluate(() => (document.querySelector("h1") || {}).textContent || "")).trim();
			if (resp.status() !== 200)
				problems.push(`Enter on the button: HTTP ${resp.status()}, want 200`);
			if (h1 !== S.get(spec.title)[L.lang])
				problems.push(`the answer's heading is ${JSON.stringify(h1)}, want ${JSON.stringify(S.get(spec.title)[L.lang])}`);
		}
		check(`${tag}: at 375 px, Tab through ${spec.path} in visual order (${order.join(" → ")}), Space on choices, Enter -> ${spec.title}`, problems);
		check(`${tag}: every element reached shows a focus indicator`, k.noRing.slice(0, 10));
	} finally {
		await page.close();
	}
}

/* The forms of issue #18 run with the keyboard, and what each types. */
const TAKING_PART = [
	{ name: "signup", path: "/events/1", action: "/events/1/signup", typed: { name: "林鍵盤", phone: "0933444555" }, title: "ev_receipt_title" },
	{ name: "survey", path: "/surveys/2", action: "/surveys/2/answer", typed: { a4: "鍵盤填答" }, title: "sv_thanks_title" },
	{ name: "booking", path: "/appointments", action: "/appointments", typed: { name: "陳鍵盤", phone: "0912333444", subject: "鄰地界線" }, title: "bk_receipt_title" },
];

export async function keyboardRuns(browser, base, { check, gotoRetry, only, root, languages }) {
	const S = strings(root);
	/*
	 * Each language sends one petition from the citizen's form: with the two
	 * pages.json posts that is 4, under the form's limit of 5 per address in
	 * 10 minutes (WEB_MAX in src/handlers/petition_intake.c).
	 */
	const times = [];
	for (const l of languages) {
		const L = { ...l, tag: `keyboard ${l.lang === "en" ? "en" : "zh"}` };
		/* the page paths as run.mjs names them: "/en" for the English home page */
		const at = (p) => l.prefix + (p === "/" && l.prefix ? "" : p);
		const wants = (name, paths) => !only || only.test(`${L.tag} ${name}`) || paths.some((p) => only.test(at(p)));
		const run = {
			walk: wants("walk", ["/", "/services/"]),
			status: wants("status", ["/status"]),
			petition: wants("petition", ["/petitions/new"]),
			case: wants("case", ["/staff/cases/new", "/staff/login"]),
			hotline: wants("1999", ["/staff/petitions/1999", "/staff/login"]),
			unit: wants("unit", ["/staff/admin/units", "/staff/login"]),
		};
		const parts = TAKING_PART.filter((t) => wants(t.name, [t.path]));
		run.petition ||= run.status; /* the lookup needs a petition */
		const guard = async (what, job) => {
			try {
				return await job();
			} catch (e) {
				check(`${L.tag} ${what}: run could not finish`, [e.stack || e.message]);
				return null;
			}
		};
		if (run.walk || run.petition) {
			const ctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
			try {
				if (run.walk)
					await guard("walk", () => walk(ctx, base, L, check, gotoRetry));
				const pet = run.petition ? await guard("petition", () => petition(ctx, base, L, S, check, gotoRetry)) : null;
				if (run.status) {
					if (pet)
						await guard("status", () => status(ctx, base, L, S, pet, check, gotoRetry));
					else
						check(`${L.tag} status: lookup`, ["no petition to look up (the petition run failed)"]);
				}
			} finally {
				await ctx.close();
			}
		}
		if (run.case)
			await guard("case", () => staffCase(browser, base, L, S, check, gotoRetry));
		if (run.unit)
			await guard("unit", () => adminUnit(browser, base, L, S, check, gotoRetry));
		if (parts.length) {
			const ctx = await browser.newContext({ locale: "zh-TW", reducedMotion: "reduce" });
			try {
				for (const t of parts)
					await guard(t.name, () => takingPart(ctx, base, L, S, t, check, gotoRetry));
			} finally {
				await ctx.close();
			}
		}
		if (run.hotline) {
			const ms = await guard("1999", () => hotline(browser, base, L, check, gotoRetry));
			if (ms !== null)
				times.push(`${L.tag.replace("keyboard ", "")} ${ms} ms`);
		}
	}
	return times;
}
