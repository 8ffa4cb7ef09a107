/*
 * display.js -- the lobby screen (/display) runs by itself: the clock
 * ticks, the news rotates every 10 s, and every 5 minutes the page is
 * fetched again and its content swapped in (only when the fetch worked,
 * so the screen never shows an error page).  No input is ever needed.
 */
(function () {
	"use strict";
	var ROTATE_MS = 10000, REFRESH_MS = 5 * 60 * 1000;
	var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
	var shown = 0;

	function pad(n) { return (n < 10 ? "0" : "") + n; }

	function tick() {
		var el = document.getElementById("display-clock");
		if (!el)
			return;
		/* office time is UTC+8 whatever the screen's own zone */
		var t = new Date(Date.now() + 8 * 3600 * 1000);
		var text = el.textContent.replace(/\d{1,2}:\d{2}(:\d{2})?$/, pad(t.getUTCHours()) + ":" + pad(t.getUTCMinutes()) + ":" + pad(t.getUTCSeconds()));
		el.textContent = text;
	}

	function rotate() {
		var items = document.querySelectorAll(".display-rotate li");
		if (items.length < 2 || still)
			return;
		items[shown % items.length].classList.add("display-later");
		shown++;
		items[shown % items.length].classList.remove("display-later");
	}

	function refresh() {
		var main = document.querySelector("[data-refresh]");
		if (!main || !window.fetch || !window.DOMParser)
			return;
		fetch(main.getAttribute("data-refresh"), { credentials: "omit", cache: "no-store" })
			.then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
			.then(function (html) {
				var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-refresh]");
				if (fresh) {
					main.innerHTML = fresh.innerHTML;
					shown = 0;
				}
			})
			.catch(function () { /* keep what is shown; try again next time */ });
	}

	document.addEventListener("DOMContentLoaded", function () {
		document.documentElement.style.cursor = "none";
		tick();
		setInterval(tick, 1000);
		setInterval(rotate, ROTATE_MS);
		setInterval(refresh, REFRESH_MS);
	});
})();
