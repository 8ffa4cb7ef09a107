/* site.js -- small enhancements; every page works without it. */
document.addEventListener("DOMContentLoaded", function () {
	document.querySelectorAll("[data-print]").forEach(function (b) {
		b.hidden = false;
		b.addEventListener("click", function () { window.print(); });
	});
});
