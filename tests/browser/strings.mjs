/*
 * strings.mjs -- checks templates/strings.tsv (key<TAB>zh<TAB>en) and the
 * templates that use it: every key has both texts, no English text contains
 * Han characters (except the language switch's own name, alt_lang_name,
 * which is 中文 on purpose), no key appears twice, and every {{@key}} used in
 * templates/*.html exists in the table.
 *
 * Exports checkStrings(root) -> [{name, ok, detail}]; run it alone with
 * `node tests/browser/strings.mjs`.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const HAN = /\p{Script=Han}/u;

/* Keys whose English text may be Chinese, and why. */
const EN_MAY_BE_HAN = new Set([
	"alt_lang_name", // the English page's link to the Chinese site says 中文
]);

export function checkStrings(root) {
	const results = [];
	const add = (name, problems) =>
		results.push({ name, ok: problems.length === 0, detail: problems.join("\n    ") });

	const tsv = readFileSync(path.join(root, "templates/strings.tsv"), "utf8");
	const keys = new Map();
	const shape = [], missing = [], han = [], dup = [];
	tsv.split("\n").forEach((raw, i) => {
		const line = raw.replace(/\r$/, "");
		const at = `strings.tsv:${i + 1}`;
		if (line === "" || line.startsWith("#"))
			return;
		const f = line.split("\t");
		if (f.length !== 3) {
			shape.push(`${at}: ${f.length} fields, want key<TAB>zh<TAB>en: ${JSON.stringify(line.slice(0, 60))}`);
			return;
		}
		const [key, zh, en] = f;
		if (!/^[a-z0-9_]+$/.test(key))
			shape.push(`${at}: key ${JSON.stringify(key)} is not [a-z0-9_]+`);
		if (keys.has(key))
			dup.push(`${at}: ${key} already defined on line ${keys.get(key)}`);
		keys.set(key, i + 1);
		if (zh.trim() === "")
			missing.push(`${at}: ${key} has no Chinese text`);
		if (en.trim() === "")
			missing.push(`${at}: ${key} has no English text`);
		if (HAN.test(en) && !EN_MAY_BE_HAN.has(key))
			han.push(`${at}: ${key}: English text contains Han characters: ${en}`);
	});
	add("strings.tsv: every line is key<TAB>zh<TAB>en", shape);
	add("strings.tsv: no duplicate keys", dup);
	add("strings.tsv: every key has both texts", missing);
	add("strings.tsv: no Han characters in English texts", han);

	const tdir = path.join(root, "templates");
	const unknown = [];
	let used = 0;
	for (const file of readdirSync(tdir).filter((f) => f.endsWith(".html")).sort()) {
		const text = readFileSync(path.join(tdir, file), "utf8");
		for (const m of text.matchAll(/\{\{\s*@\s*([^}\s]+)\s*\}\}/g)) {
			used++;
			if (!keys.has(m[1])) {
				const line = text.slice(0, m.index).split("\n").length;
				unknown.push(`templates/${file}:${line}: {{@${m[1]}}} is not in strings.tsv`);
			}
		}
	}
	add(`templates: all ${used} {{@key}} uses exist in strings.tsv`, unknown);
	return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
	let p = 0, f = 0;
	for (const r of checkStrings(root)) {
		if (r.ok) {
			p++;
			console.log(`ok ${r.name}`);
		} else {
			f++;
			console.log(`FAIL ${r.name}\n    ${r.detail}`);
		}
	}
	console.log(`strings: ${p} passed, ${f} failed`);
	process.exit(f ? 1 : 0);
}
