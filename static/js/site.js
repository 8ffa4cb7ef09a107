/* site.js -- small enhancements; every page works without it. */
document.addEventListener("DOMContentLoaded", function () {
	document.querySelectorAll("[data-print]").forEach(function (b) {
		b.hidden = false;
		b.addEventListener("click", function () { window.print(); });
	});
	/*
	 * A form sent back with errors: start at the first field to correct
	 * (instead of an autofocus meant for a fresh form).  Its error is tied
	 * to it by aria-describedby; the summary above the form is role="alert".
	 */
	var bad = document.querySelector("form [aria-invalid=\"true\"]");
	if (bad)
		bad.focus();
});
